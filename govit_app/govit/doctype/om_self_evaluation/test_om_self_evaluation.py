"""Issue 11.1 (Art 20) over REST: a unit self-evaluates the O&M of its project in operation once
a period, with the O&M system document, the emergency plan and the period's incidents, and the
Office receives it (or returns it with a reason)."""

from datetime import date

import frappe
from frappe.tests.utils import FrappeTestCase
from frappe.utils import getdate

from govit_app.deadlines.reading import open_deadlines
from govit_app.deadlines.sources import source
from govit_app.govit.doctype.om_self_evaluation.due_dates import refresh_om_due_dates
from govit_app.tests.plan_fixtures import PDF
from govit_app.tests.supervision_fixtures import SupervisionActors, operating_project
from govit_app.tests.utils import ApiClient, error_text, run_queued_jobs
from govit_app.utils.calendar import add_working_days

DT = "OM Self Evaluation"
NOTIFY = "frappe.desk.doctype.notification_log.notification_log.make_notification_logs"
LAST_YEAR = getdate().year - 1


class TestOMSelfEvaluation(FrappeTestCase):
	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		cls.a = SupervisionActors()

	def draft(self, user: str, project: str, expect: int = 200, **values) -> dict:
		response = ApiClient(user).insert(
			DT,
			{
				"it_project": project,
				"period_year": LAST_YEAR,
				"result": "基本正常",
				"summary": "系统全年可用率99.6%，完成两次等保测评整改。",
				"incidents": [
					{
						"occurred_on": f"{LAST_YEAR}-06-18",
						"description": "数据库主节点宕机",
						"impact": "业务中断2小时",
						"resolved_on": f"{LAST_YEAR}-06-18",
					}
				],
				**values,
			},
		)
		self.assertEqual(response.status_code, expect, error_text(response))
		return response.json.get("data") or {}

	def attach_documents(self, user: str, name: str) -> None:
		api = ApiClient(user)
		values = {}
		for field, filename in (
			("om_system_document", "运维管理制度.pdf"),
			("emergency_plan", "应急预案.pdf"),
		):
			upload = api.upload(DT, name, filename, PDF)
			self.assertEqual(upload.status_code, 200, error_text(upload))
			values[field] = upload.json["message"]["file_url"]
		response = api.update(DT, name, values)
		self.assertEqual(response.status_code, 200, error_text(response))

	def act(self, user: str, name: str, action: str, expect: int = 200):
		response = ApiClient(user).apply_workflow(DT, name, action)
		self.assertEqual(response.status_code, expect, error_text(response))
		return response

	def test_the_unit_hands_in_its_self_evaluation_and_the_office_receives_it(self):
		project = operating_project("_Test 运维-一卡通", self.a.health)
		doc = self.draft(self.a.health_user, project)
		self.assertEqual(
			(doc["period"], doc["period_start"], doc["period_end"]),
			(f"{LAST_YEAR}年度", f"{LAST_YEAR}-01-01", f"{LAST_YEAR}-12-31"),
		)
		# Handed in only with the O&M system document and the emergency plan (Art 20).
		response = self.act(self.a.health_user, doc["name"], "提交自评", expect=417)
		self.assertIn("运维管理制度", error_text(response))
		self.assertIn("应急预案", error_text(response))
		self.attach_documents(self.a.health_user, doc["name"])
		self.act(self.a.health_user, doc["name"], "提交自评")
		run_queued_jobs(NOTIFY)
		self.assertTrue(
			frappe.db.exists("Notification Log", {"for_user": self.a.office, "document_name": doc["name"]})
		)

		self.act(self.a.health_user, doc["name"], "接收", expect=417)  # the Office receives
		self.assertIn(ApiClient(self.a.health_user).delete(DT, doc["name"]).status_code, (403, 417))
		response = ApiClient(self.a.health_user).update(DT, doc["name"], {"result": "运行良好"})
		self.assertIn(response.status_code, (403, 417), "handed in, it is no longer the unit's to edit")
		self.act(self.a.office, doc["name"], "接收")
		received = frappe.get_doc(DT, doc["name"])
		self.assertEqual(
			(received.workflow_state, received.docstatus, received.received_by), ("已接收", 1, self.a.office)
		)
		self.assertEqual(received.received_on, getdate())
		self.assertEqual(ApiClient(self.a.civil_user).get_doc(DT, doc["name"]).status_code, 403)

	def test_one_per_project_and_period_of_an_ended_period_of_a_running_project(self):
		project = operating_project("_Test 运维-唯一", self.a.health)
		first = self.draft(self.a.health_user, project)
		response = ApiClient(self.a.health_user).insert(
			DT, {"it_project": project, "period_year": LAST_YEAR, "result": "运行良好"}
		)
		self.assertEqual(response.status_code, 409)
		self.assertIn(first["name"], error_text(response))
		response = ApiClient(self.a.health_user).insert(
			DT, {"it_project": project, "period_year": LAST_YEAR + 1, "result": "运行良好"}
		)
		self.assertEqual(response.status_code, 417, "this year has not ended")
		self.assertIn("第二十条", error_text(response))
		building = operating_project("_Test 运维-在建", self.a.health, stage="建设中")
		response = ApiClient(self.a.health_user).insert(
			DT, {"it_project": building, "period_year": LAST_YEAR, "result": "运行良好"}
		)
		self.assertEqual(response.status_code, 417)
		self.assertIn("运维中", error_text(response))
		other = ApiClient(self.a.civil_user).insert(
			DT, {"it_project": project, "period_year": LAST_YEAR - 1, "result": "运行良好"}
		)
		self.assertEqual(other.status_code, 403, "a unit evaluates its own projects")

	def test_incidents_lie_within_the_period(self):
		project = operating_project("_Test 运维-事件", self.a.health)
		response = ApiClient(self.a.health_user).insert(
			DT,
			{
				"it_project": project,
				"period_year": LAST_YEAR,
				"result": "存在问题",
				"incidents": [{"occurred_on": f"{LAST_YEAR + 1}-01-05", "description": "网络中断"}],
			},
		)
		self.assertEqual(response.status_code, 417)
		self.assertIn(f"{LAST_YEAR + 1}-01-05", error_text(response))
		self.assertFalse(frappe.db.exists(DT, {"it_project": project}))

	def test_the_office_returns_a_self_evaluation_and_the_unit_hands_it_in_again(self):
		project = operating_project("_Test 运维-退回", self.a.health)
		name = self.draft(self.a.health_user, project)["name"]
		self.attach_documents(self.a.health_user, name)
		self.act(self.a.health_user, name, "提交自评")
		self.act(self.a.office, name, "退回修改", expect=417)  # a return says what to change
		office = ApiClient(self.a.office)
		response = office.update(DT, name, {"return_reason": "应急预案未包含数据恢复演练内容，请补充。"})
		self.assertEqual(response.status_code, 200, error_text(response))
		self.act(self.a.office, name, "退回修改")
		self.assertEqual(frappe.db.get_value(DT, name, "workflow_state"), "草稿")
		self.act(self.a.health_user, name, "提交自评")
		self.assertIsNone(
			frappe.db.get_value(DT, name, "return_reason"), "handed in again, the reason is done with"
		)

	def test_a_missing_self_evaluation_is_due_then_overdue_until_handed_in(self):
		project = operating_project("_Test 运维-时限", self.a.health)
		refresh_om_due_dates()
		owed = add_working_days(date(LAST_YEAR, 12, 31), 20, warn=False)
		self.assertEqual(frappe.db.get_value("IT Project", project, "om_evaluation_due_date"), owed)
		self.assertLess(owed, getdate(), "last year's self-evaluation is overdue")

		def registered(user: str) -> dict:
			frappe.set_user(user)
			try:
				found = open_deadlines(sources=[source("om_self_evaluation")], as_reader=True)
			finally:
				frappe.set_user("Administrator")
			return {d.name: d.due for d in found}

		self.assertEqual(registered(self.a.health_user).get(project), owed, "时限预警 reads the registry")
		self.assertNotIn(project, registered(self.a.civil_user), "as each reader may see it")

		name = self.draft(self.a.health_user, project)["name"]
		self.attach_documents(self.a.health_user, name)
		self.act(self.a.health_user, name, "提交自评")
		following = add_working_days(date(LAST_YEAR + 1, 12, 31), 20, warn=False)
		self.assertEqual(frappe.db.get_value("IT Project", project, "om_evaluation_due_date"), following)
		refresh_om_due_dates()
		self.assertEqual(frappe.db.get_value("IT Project", project, "om_evaluation_due_date"), following)
