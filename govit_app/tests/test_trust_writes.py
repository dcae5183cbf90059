"""Issue 8, classes 1 and 2: no unit takes another's record, and no unit forges a process result,
through any write channel (docs/permissions.md rules 3 and 4)."""

import json

import frappe

from govit_app import roles as R
from govit_app.tests.plan_fixtures import DECLARATION
from govit_app.tests.trust_fixtures import PROJECT, TrustTestCase
from govit_app.tests.utils import ApiClient, ensure_user


class TestTakingOver(TrustTestCase):
	def channels(self, api: ApiClient, doctype: str, name: str, values: dict):
		"""The same change through every write channel Frappe offers."""
		doc = frappe.get_doc(doctype, name).as_dict(convert_dates_to_str=True)
		yield (
			"PUT",
			api.request(
				"PUT", f"/api/resource/{doctype}/{name}", json={"modified": str(doc["modified"]), **values}
			),
		)
		yield (
			"set_value",
			# The write states the version (as a client that read it would): what refuses it is the trust guard.
			api.call(
				"frappe.client.set_value",
				doctype=doctype,
				name=name,
				fieldname=json.dumps(values),
				modified=str(doc["modified"]),
			),
		)
		yield "save", api.call("frappe.client.save", doc=json.dumps({**doc, **values}, default=str))
		yield (
			"savedocs",
			api.call(
				"frappe.desk.form.save.savedocs",
				doc=json.dumps({**doc, **values}, default=str),
				action="Save",
			),
		)
		response = api.call(
			"frappe.client.bulk_update",
			docs=json.dumps(
				[{"doctype": doctype, "docname": name, "modified": str(doc["modified"]), **values}]
			),
		)
		# bulk_update answers 200 and lists what failed.
		failed = response.json["message"]["failed_docs"] if response.status_code == 200 else []
		yield "bulk_update", (response, failed)

	def assert_refused_everywhere(self, api, doctype, name, values, field, kept):
		for channel, response in self.channels(api, doctype, name, values):
			with self.subTest(channel=channel, values=values):
				if channel == "bulk_update":
					response, failed = response
					self.assertEqual(len(failed), 1, response.text[:300])
				else:
					self.refused(response, (403, 417))
				self.assertEqual(frappe.db.get_value(doctype, name, field), kept)

	def test_a_unit_cannot_move_another_units_project_or_declaration_to_itself(self):
		school = ApiClient(self.school_user)
		for doctype, name in ((PROJECT, self.p_health), (DECLARATION, self.d_health)):
			self.assert_refused_everywhere(school, doctype, name, {"unit": self.school}, "unit", self.health)

	def test_a_user_of_several_units_cannot_move_a_record_between_them(self):
		# A unit user of the education bureau acts for the schools below it too (Art 8).
		edu = ApiClient(ensure_user("govit-edu-unit@test.local", [R.UNIT_USER], (self.edu,)))
		response = edu.update(DECLARATION, self.d_school_secret, {"unit": self.edu})
		self.assertIn("申报单位", self.refused(response, (403, 417)))
		self.assertEqual(frappe.db.get_value(DECLARATION, self.d_school_secret, "unit"), self.school)

	def test_nobody_passes_a_record_off_as_someone_elses(self):
		school = ApiClient(self.school_user)
		for doctype, name in ((PROJECT, self.p_school), (DECLARATION, self.d_school)):
			self.assert_refused_everywhere(
				school, doctype, name, {"owner": self.health_user}, "owner", "Administrator"
			)

	def test_the_office_does_not_move_a_project_by_hand_either(self):
		response = ApiClient(self.office_user).update(PROJECT, self.p_health, {"unit": self.school})
		self.assertIn("单位", self.refused(response))
		self.assertEqual(frappe.db.get_value(PROJECT, self.p_health, "unit"), self.health)

	def test_a_unit_still_edits_its_own_draft(self):
		response = ApiClient(self.school_user).update(DECLARATION, self.d_school, {"project_leader": "张三"})
		self.assertEqual(response.status_code, 200, response.text[:300])
		self.assertEqual(frappe.db.get_value(DECLARATION, self.d_school, "project_leader"), "张三")


class TestForging(TrustTestCase):
	FORGED = {
		"review_result": "通过",
		"review_score": 99,
		"recommended_amount": 500,
		"submitted_on": "2026-01-05",
		"accepted_on": "2026-01-06",
		"competent_opinion_date": "2026-01-05",
		"pending_with": [{"user": "govit-school@test.local"}],
	}

	def stored(self, name: str, field: str):
		if field == "pending_with":
			return sorted(frappe.get_all("GovIT Pending User", filters={"parent": name}, pluck="user"))
		return frappe.db.get_value(DECLARATION, name, field)

	def test_a_unit_cannot_write_the_process_fields_of_its_own_draft(self):
		school = ApiClient(self.school_user)
		for field, value in self.FORGED.items():
			for name in (self.d_school, self.d_school_secret):
				with self.subTest(field=field, declaration=name):
					before = self.stored(name, field)
					response = school.update(DECLARATION, name, {field: value})
					# Refused, or (a field of a higher permission level) dropped by Frappe: never kept.
					if response.status_code != 200:
						self.refused(response)
					self.assertEqual(self.stored(name, field), before)

	def test_set_value_of_a_process_field_is_refused_too(self):
		response = ApiClient(self.school_user).call(
			"frappe.client.set_value",
			doctype=DECLARATION,
			name=self.d_school,
			fieldname="review_score",
			value=99,
			modified=str(frappe.db.get_value(DECLARATION, self.d_school, "modified")),
		)
		self.refused(response)
		self.assertFalse(frappe.db.get_value(DECLARATION, self.d_school, "review_score"))

	def test_a_unit_cannot_set_the_stage_or_amounts_of_its_project(self):
		school = ApiClient(self.school_user)
		for values in ({"stage": "已验收"}, {"approved_amount": 1000}, {"renewal_blocked": 1}):
			with self.subTest(values=values):
				self.refused(school.update(PROJECT, self.p_school, values))
		self.assertEqual(frappe.db.get_value(PROJECT, self.p_school, "stage"), "申报中")
