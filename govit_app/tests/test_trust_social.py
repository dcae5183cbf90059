"""Issue 8, class 9: comments, assignments, likes, follows and tags are writes on a record, made
only by those who work on it (docs/permissions.md rule 9)."""

import json

import frappe

from govit_app.tests.plan_fixtures import DECLARATION
from govit_app.tests.trust_fixtures import PROJECT, TrustTestCase
from govit_app.tests.utils import ApiClient

TRACES = (("Comment", "reference_name"), ("ToDo", "reference_name"), ("Tag Link", "document_name"))


class TestConversation(TrustTestCase):
	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		# A rerun starts clean: what an earlier run's refused users might have left.
		users = [cls.audit_user, cls.health_user, cls.expert_user]
		records = [cls.p_school, cls.d_school, cls.d_health]
		for trace, field in TRACES:
			frappe.db.delete(trace, {field: ("in", records), "owner": ("in", users)})
		frappe.db.delete("Document Follow", {"ref_docname": ("in", records), "user": ("in", users)})
		for doctype, name in (
			(PROJECT, cls.p_school),
			(DECLARATION, cls.d_school),
			(DECLARATION, cls.d_health),
		):
			frappe.db.set_value(doctype, name, "_liked_by", None, update_modified=False)
		frappe.db.commit()

	def writes(self, api: ApiClient, doctype: str, name: str) -> dict:
		"""Each conversation channel of the desk on one record."""
		user = api.user
		return {
			"comment": lambda: api.call(
				"frappe.desk.form.utils.add_comment",
				reference_doctype=doctype,
				reference_name=name,
				content="_Test 信任 评论",
				comment_email=user,
				comment_by=user,
			),
			"assign": lambda: api.call(
				"frappe.desk.form.assign_to.add",
				doctype=doctype,
				name=name,
				assign_to=json.dumps([self.office_user]),
			),
			"like": lambda: api.call("frappe.desk.like.toggle_like", doctype=doctype, name=name, add="Yes"),
			"follow": lambda: api.call(
				"frappe.desk.form.document_follow.follow_document", doctype=doctype, doc_name=name, user=user
			),
			"tag": lambda: api.call(
				"frappe.desk.doctype.tag.tag.add_tag", tag="_Test 信任", dt=doctype, dn=name
			),
			"todo": lambda: api.insert(
				"ToDo",
				{
					"description": "_Test 信任",
					"allocated_to": user,
					"reference_type": doctype,
					"reference_name": name,
				},
			),
		}

	def assert_no_trace(self, doctype: str, name: str, user: str):
		for trace, field in (
			("Comment", "reference_name"),
			("ToDo", "reference_name"),
			("Tag Link", "document_name"),
		):
			self.assertFalse(frappe.db.exists(trace, {field: name, "owner": user}), trace)
		self.assertFalse(frappe.db.exists("Document Follow", {"ref_docname": name, "user": user}))
		self.assertNotIn(user, frappe.db.get_value(doctype, name, "_liked_by") or "")

	def test_audit_reads_but_writes_no_conversation(self):
		audit = ApiClient(self.audit_user)
		self.assertEqual(audit.get_doc(PROJECT, self.p_school).status_code, 200)
		for channel, request in self.writes(audit, PROJECT, self.p_school).items():
			with self.subTest(channel=channel):
				self.refused(request())
		self.assert_no_trace(PROJECT, self.p_school, self.audit_user)

	def test_nobody_writes_on_a_record_they_cannot_read(self):
		health = ApiClient(self.health_user)
		for channel, request in self.writes(health, DECLARATION, self.d_school).items():
			with self.subTest(channel=channel):
				self.refused(request())
		self.assert_no_trace(DECLARATION, self.d_school, self.health_user)

	def test_an_expert_does_not_comment_a_declaration_shared_with_them(self):
		frappe.share.add_docshare(DECLARATION, self.d_health, self.expert_user, read=1, notify=0)
		frappe.db.commit()
		expert = ApiClient(self.expert_user)
		self.assertEqual(expert.get_doc(DECLARATION, self.d_health).status_code, 200)
		for channel in ("comment", "like", "follow"):
			with self.subTest(channel=channel):
				self.refused(self.writes(expert, DECLARATION, self.d_health)[channel]())

	def test_nobody_makes_another_user_follow_a_record(self):
		response = ApiClient(self.school_user).call(
			"frappe.desk.form.document_follow.follow_document",
			doctype=PROJECT,
			doc_name=self.p_school,
			user=self.health_user,
		)
		self.refused(response)

	def test_the_unit_comments_on_its_own_project(self):
		response = self.writes(ApiClient(self.school_user), PROJECT, self.p_school)["comment"]()
		self.assertEqual(response.status_code, 200, response.text[:300])
