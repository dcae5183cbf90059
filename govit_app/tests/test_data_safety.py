"""Issue 14: nothing lost, nothing reissued, no residue.

- a write over the API states the version it changes: two clients never silently overwrite
  each other, a write without a version is refused and says how to retry;
- a declaration's 申报编号 is given when it is handed in, from a counter that never goes back;
- a deleted draft leaves nothing in Frappe's workflow tables, and its history never attaches
  to another record.
"""

import json

import frappe

from govit_app.govit.doctype.project_declaration.test_project_declaration import DT, YEAR, DeclarationTestCase
from govit_app.tests.utils import ApiClient, concurrently, error_text
from govit_app.workflow.residue import purge_orphans

TRIES = 20
RESOURCE = f"/api/resource/{DT}/{{}}"


def exc_type(response) -> str:
	return (response.json or {}).get("exc_type", "")


def series_current(prefix: str) -> int:
	series = frappe.qb.DocType("Series")
	rows = frappe.qb.from_(series).select(series.current).where(series.name == prefix).run()
	return rows[0][0] if rows else 0


class TestOptimisticLocking(DeclarationTestCase):
	def setUp(self):
		self.draft = self.create(ApiClient(self.health_user), self.health)["name"]
		self.first = ApiClient(self.health_user)
		self.second = ApiClient(self.health_colleague)

	def put(self, api: ApiClient, data: dict):
		return lambda: api.open("PUT", RESOURCE.format(self.draft), json=data)

	def test_two_clients_saving_one_draft_at_once_never_overwrite_each_other_silently(self):
		outcomes = []
		for i in range(TRIES):
			read = self.first.modified(DT, self.draft)
			self.assertEqual(read, self.second.modified(DT, self.draft))
			mine, theirs = f"_Test 甲 {i}", f"_Test 乙 {i}"
			responses = concurrently(
				self.put(self.first, {"project_name": mine, "modified": read}),
				self.put(self.second, {"project_name": theirs, "modified": read}),
			)
			codes = [r.status_code for r in responses]
			winner = mine if codes[0] == 200 else theirs
			loser = responses[1] if codes[0] == 200 else responses[0]
			outcomes.append(
				(
					sorted(codes),
					exc_type(loser),
					frappe.db.get_value(DT, self.draft, "project_name") == winner,
				)
			)
		self.assertEqual(outcomes, [([200, 417], "TimestampMismatchError", True)] * TRIES)

	def test_writes_without_a_version_are_refused_both_and_say_how_to_retry(self):
		before = frappe.db.get_value(DT, self.draft, ["project_name", "modified"])
		responses = concurrently(
			self.put(self.first, {"project_name": "_Test 甲"}),
			self.put(self.second, {"project_name": "_Test 乙"}),
		)
		self.assertEqual(
			[(r.status_code, exc_type(r)) for r in responses], [(428, "VersionNotStatedError")] * 2
		)
		self.assertIn("modified", error_text(responses[0]))
		self.assertEqual(frappe.db.get_value(DT, self.draft, ["project_name", "modified"]), before)

	def test_every_write_method_wants_the_version_and_refuses_a_stale_one(self):
		api = self.first
		read = api.modified(DT, self.draft)
		doc = api.get_doc(DT, self.draft).json["data"]
		stale = "2000-01-01 00:00:00.000000"

		def set_value(**extra):
			return api.call("frappe.client.set_value", doctype=DT, name=self.draft, **extra)

		refused = {
			"PUT v2": api.request(
				"PUT", f"/api/v2/document/{DT}/{self.draft}", json={"contact_person": "赵"}
			),
			"set_value": set_value(fieldname="contact_person", value="赵"),
			"save": api.call("frappe.client.save", doc={**doc, "modified": None}),
			"bulk_update": api.call(
				"frappe.client.bulk_update",
				docs=json.dumps([{"doctype": DT, "docname": self.draft, "contact_person": "赵"}]),
			),
			"workflow action": api.call(
				"frappe.model.workflow.apply_workflow",
				doc={"doctype": DT, "name": self.draft},
				action="提交申报",
			),
		}
		failed = refused.pop("bulk_update").json["message"]["failed_docs"]
		self.assertIn("VersionNotStatedError", failed[0]["exc"])
		self.assertEqual({k: r.status_code for k, r in refused.items()}, dict.fromkeys(refused, 428))

		self.assertEqual(set_value(fieldname="contact_person", value="赵", modified=stale).status_code, 417)
		self.assertEqual(
			api.call(
				"frappe.model.workflow.apply_workflow",
				doc={"doctype": DT, "name": self.draft, "modified": stale},
				action="提交申报",
			).status_code,
			417,
		)
		self.assertEqual(frappe.db.get_value(DT, self.draft, "modified"), frappe.utils.get_datetime(read))

		response = set_value(fieldname=json.dumps({"contact_person": "赵", "modified": read}))
		self.assertEqual(response.status_code, 200, error_text(response))
		self.assertEqual(frappe.db.get_value(DT, self.draft, "contact_person"), "赵")

	def test_the_desk_saves_the_form_it_shows_unchanged(self):
		doc = self.first.get_doc(DT, self.draft).json["data"]
		response = self.first.call(
			"frappe.desk.form.save.savedocs", doc=json.dumps({**doc, "contact_person": "钱"}), action="Save"
		)
		self.assertEqual(response.status_code, 200, error_text(response))
		self.assertEqual(frappe.db.get_value(DT, self.draft, "contact_person"), "钱")


class TestOfficialNumbers(DeclarationTestCase):
	prefix = f"SB-{YEAR}-"

	def hand_in(self, name: str) -> str:
		self.act(self.health_user, name, "提交申报")
		return frappe.db.get_value(DT, name, "declaration_no")

	def test_a_number_is_given_at_hand_in_kept_through_a_return_and_never_given_again(self):
		health = ApiClient(self.health_user)
		start = series_current(self.prefix)
		first = self.ready(health, self.health)
		self.assertFalse(first.get("declaration_no"), "a draft has no official number")
		self.assertFalse(first["name"].startswith("SB-"), "nor a name that looks like one")
		self.assertEqual(series_current(self.prefix), start, "a draft consumes no number")

		number = self.hand_in(first["name"])
		self.assertEqual(number, f"{self.prefix}{start + 1:05d}")

		# Returned for changes and handed in again: the same number.
		self.act(self.office_user, first["name"], "退回修改", reason="请补充项目概算表。")
		self.assertEqual(self.hand_in(first["name"]), number)

		# The newest number belongs to a returned draft: it is never given again.
		second = self.ready(health, self.health)["name"]
		deleted_number = self.hand_in(second)
		self.act(self.office_user, second, "退回修改", reason="请补充项目概算表。")
		# Nothing handed in is deleted (Art 8): the unit withdraws it instead.
		self.assertNotEqual(health.delete(DT, second).status_code, 202)
		third = self.ready(health, self.health)["name"]
		self.assertEqual(self.hand_in(third), f"{self.prefix}{start + 3:05d}")
		self.assertNotEqual(deleted_number, frappe.db.get_value(DT, third, "declaration_no"))

		response = health.get_list(DT, filters={"declaration_no": number}, fields=["name", "declaration_no"])
		self.assertEqual(response.json["data"], [{"name": first["name"], "declaration_no": number}])

	def test_the_number_is_set_by_the_process_only(self):
		health = ApiClient(self.health_user)
		name = self.create(health, self.health)["name"]
		response = health.update(DT, name, {"declaration_no": f"{self.prefix}99999"})
		self.assertEqual(response.status_code, 403, error_text(response))

	def test_a_deleted_draft_gives_neither_its_name_nor_its_history_to_a_new_one(self):
		health = ApiClient(self.health_user)
		start = series_current(self.prefix)
		deleted = self.create(health, self.health)["name"]
		self.assertEqual(health.update(DT, deleted, {"contact_person": "孙"}).status_code, 200)
		response = health.call(
			"frappe.desk.form.utils.add_comment",
			reference_doctype=DT,
			reference_name=deleted,
			content="_Test 删除前的意见",
			comment_email=self.health_user,
			comment_by="govit-health",
		)
		self.assertEqual(response.status_code, 200, error_text(response))
		self.assertEqual(health.delete(DT, deleted).status_code, 202)

		new = self.create(health, self.health)["name"]
		self.assertNotEqual(new, deleted)
		self.assertEqual(series_current(self.prefix), start)
		self.assertFalse(frappe.db.exists("Comment", {"reference_name": new, "comment_type": "Comment"}))
		self.assertFalse(frappe.db.exists("Version", {"ref_doctype": DT, "docname": new}))


class TestNoResidue(DeclarationTestCase):
	def workflow_rows(self, name: str) -> tuple[list[str], int]:
		actions = frappe.get_all(
			"Workflow Action", filters={"reference_doctype": DT, "reference_name": name}, pluck="name"
		)
		roles = (
			frappe.db.count("Workflow Action Permitted Role", {"parent": ("in", actions)}) if actions else 0
		)
		return actions, roles

	def test_deleting_a_draft_leaves_no_rows_in_the_workflow_tables(self):
		health = ApiClient(self.health_user)
		name = self.create(health, self.health)["name"]
		actions, roles = self.workflow_rows(name)
		self.assertTrue(actions and roles, "a draft waits for its unit: Frappe records the action")

		self.assertEqual(health.delete(DT, name).status_code, 202)
		self.assertEqual(self.workflow_rows(name), ([], 0))
		self.assertEqual(frappe.db.count("Workflow Action Permitted Role", {"parent": ("in", actions)}), 0)

	def test_the_daily_job_removes_permitted_roles_left_without_their_action(self):
		frappe.get_doc(
			{
				"doctype": "Workflow Action Permitted Role",
				"parent": "_Test deleted action",
				"parenttype": "Workflow Action",
				"parentfield": "permitted_roles",
				"role": "GovIT Unit User",
			}
		).db_insert()
		self.assertTrue(
			frappe.db.exists("Workflow Action Permitted Role", {"parent": "_Test deleted action"})
		)
		purge_orphans()
		self.assertFalse(
			frappe.db.exists("Workflow Action Permitted Role", {"parent": "_Test deleted action"})
		)
