"""Issue 10.1: the unit files its contract, the Office receives or returns it (Art 12, 13, 15, 16),
over REST as each role, every refusal included."""

import json

import frappe
from frappe.tests.utils import FrappeTestCase
from frappe.utils import getdate

from govit_app.tests.construction_fixtures import (
	PlannedYear,
	Steps,
	approve,
	days_ago,
	days_ahead,
	unplanned_project,
)
from govit_app.tests.plan_fixtures import Actors
from govit_app.tests.utils import error_text, run_queued_jobs
from govit_app.utils.calendar import add_working_days

DT = "Contract Filing"
YEAR = 2071  # a plan year no other test uses
TIMELINE = "govit_app.govit.doctype.it_project.timeline.get_timeline"
NOTIFY = "frappe.desk.doctype.notification_log.notification_log.make_notification_logs"
DOCUMENTS = {
	"bid_document": "招标文件.pdf",
	"award_document": "中标通知书.pdf",
	"contract_document": "合同.pdf",
}


def notified(user: str, name: str) -> bool:
	run_queued_jobs(NOTIFY)
	return bool(frappe.db.exists("Notification Log", {"for_user": user, "document_name": name}))


class TestContractFiling(FrappeTestCase):
	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		a = cls.a = Actors()
		year = PlannedYear(YEAR)
		cls.build = year.project("_Test 建设 智慧医疗", a.health, amount=100, end_date=f"{YEAR}-11-30")
		cls.budget = year.project("_Test 建设 预算控制", a.health, amount=100)
		cls.needs_approval = year.project("_Test 建设 需立项", a.health, amount=200, needs_approval=True)
		cls.late = year.project("_Test 建设 逾期备案", a.health, amount=100)
		cls.returned = year.project("_Test 建设 退回修改", a.health, amount=100)
		cls.outside = unplanned_project("_Test 建设 计划外", a.health)

	def setUp(self):
		self.steps = Steps(self, self.a)

	def draft(self, project: str, expect: int = 200, **values) -> dict:
		return self.steps.insert(
			self.a.health_user, DT, self.steps.contract_values(project, **values), expect
		)

	def handed_in(self, project: str, **values) -> str:
		name = self.draft(project, **values)["name"]
		self.steps.attach(self.a.health_user, DT, name, DOCUMENTS)
		self.steps.act(self.a.health_user, DT, name, "提交备案")
		return name

	def test_the_unit_files_its_contract_and_the_office_receives_it(self):
		a, steps = self.a, self.steps
		doc = self.draft(self.build, contract_amount=60, contract_sign_date=days_ago(3))
		name = doc["name"]
		self.assertEqual(doc["workflow_state"], "草稿")
		self.assertEqual(getdate(doc["due_date"]), add_working_days(days_ago(3), 10, warn=False))
		self.assertEqual(frappe.db.get_value("IT Project", self.build, "stage"), "已纳入计划")

		# Handed in without its three documents: refused, naming them and Art 16.
		response = steps.act(a.health_user, DT, name, "提交备案", expect=417)
		self.assertIn("第十六条", error_text(response))
		self.assertIn("合同", error_text(response))
		steps.attach(a.health_user, DT, name, DOCUMENTS)
		steps.act(a.health_user, DT, name, "提交备案")
		doc = frappe.get_doc(DT, name)
		self.assertEqual(
			(doc.workflow_state, str(doc.filed_on), doc.is_overdue), ("待备案", frappe.utils.today(), 0)
		)
		self.assertIn(a.office, [row.user for row in doc.pending_with])
		self.assertTrue(notified(a.office, name))

		# Only the Office files it.
		steps.act(a.health_user, DT, name, "备案", expect=417)
		steps.act(a.finance, DT, name, "备案", expect=417)
		steps.act(a.office, DT, name, "备案")
		self.assertEqual(frappe.db.get_value(DT, name, ["workflow_state", "docstatus"]), ("已备案", 1))
		project = frappe.db.get_value(
			"IT Project", self.build, ["stage", "contract_amount", "acceptance_due_date"], as_dict=True
		)
		self.assertEqual(
			(project.stage, project.contract_amount, str(project.acceptance_due_date)),
			("建设中", 60, f"{YEAR}-11-30"),
		)
		# The stage moved on the project's trail.
		changes = [
			change
			for data in frappe.get_all(
				"Version", filters={"ref_doctype": "IT Project", "docname": self.build}, pluck="data"
			)
			for change in json.loads(data).get("changed", [])
		]
		self.assertIn(["stage", "已纳入计划", "建设中"], changes)

		# Who reads it: the unit, the Office, Finance and Audit; not another unit.
		for user in (a.health_user, a.office, a.finance, a.audit):
			self.assertEqual(steps.api(user).get_doc(DT, name).status_code, 200, user)
		self.assertEqual(steps.api(a.transport_user).get_doc(DT, name).status_code, 403)
		self.assertNotIn(name, steps.api(a.transport_user).list_names(DT))

	def test_contracts_together_stay_within_the_approved_amount(self):
		self.draft(self.budget, contract_amount=60)
		response = self.draft(self.budget, expect=417, contract_amount=40.01)
		self.assertIn("第十五条", error_text(response))
		self.assertIn("100.01", error_text(response))
		self.draft(self.budget, contract_amount=40)
		self.assertEqual(frappe.db.count(DT, {"it_project": self.budget}), 2)

	def test_bad_input_is_refused_with_its_article_and_nothing_is_written(self):
		cases = [
			({"contract_sign_date": days_ahead(1)}, "第十六条"),
			({"supplier_uscc": "91320000134782364D"}, "GB 32100"),
			({"procurement_method": "其他"}, "第十五条"),
			({"contract_amount": 0}, ""),
		]
		for values, expected in cases:
			response = self.draft(self.build, expect=417, **values)
			self.assertIn(expected, error_text(response), values)
		self.draft(self.build, expect=417, procurement_method="直接发包")
		response = self.draft(self.outside, expect=417)
		self.assertIn("第十三条", error_text(response))
		self.assertEqual(frappe.db.count(DT, {"it_project": ("in", [self.outside])}), 0)
		# Another unit's project: its User Permission keeps the transport unit out.
		response = self.steps.insert(self.a.transport_user, DT, self.steps.contract_values(self.build), 403)
		# 其他 with the method named is accepted.
		self.draft(self.build, procurement_method="其他", procurement_note="电子卖场直购", contract_amount=1)

	def test_a_project_that_needs_approval_files_no_contract_before_it(self):
		response = self.draft(self.needs_approval, expect=417, contract_amount=10)
		self.assertIn("第十二条", error_text(response))
		approve(self.needs_approval, 180)
		self.draft(self.needs_approval, contract_amount=10)

	def test_a_late_filing_is_marked_overdue_and_stays_so(self):
		a, steps = self.a, self.steps
		name = self.handed_in(self.late, contract_sign_date=days_ago(40), contract_amount=30)
		doc = frappe.get_doc(DT, name)
		self.assertLess(doc.due_date, getdate())
		self.assertEqual(doc.is_overdue, 1)
		steps.act_with_reason(a.office, DT, name, "退回修改", "合同扫描件不清晰，请重新上传。")
		steps.act(a.health_user, DT, name, "提交备案")
		steps.act(a.office, DT, name, "备案")
		self.assertEqual(frappe.db.get_value(DT, name, ["is_overdue", "docstatus"]), (1, 1))
		# The project's timeline shows the filing with its due date and its overdue mark.
		response = steps.api(a.health_user).call(TIMELINE, http_method="GET", project=self.late)
		entry = next(e for e in response.json["message"] if e["name"] == name)
		self.assertEqual(
			(entry["deadline"], entry["overdue"], entry["status"]), (str(doc.due_date), True, "已备案")
		)

	def test_the_office_returns_only_with_a_reason(self):
		a, steps = self.a, self.steps
		name = self.handed_in(self.returned, contract_amount=20)
		response = steps.act(a.office, DT, name, "退回修改", expect=417)
		self.assertIn("第十六条", error_text(response))
		steps.act_with_reason(a.office, DT, name, "退回修改", "  ", expect=417)
		steps.act_with_reason(a.health_user, DT, name, "退回修改", "我自己退回", expect=403)
		self.assertEqual(frappe.db.get_value(DT, name, ["workflow_state", "return_reason"]), ("待备案", None))
		steps.act_with_reason(a.office, DT, name, "退回修改", "中标通知书缺少盖章页。")
		doc = steps.api(a.health_user).get_doc(DT, name).json["data"]
		self.assertEqual((doc["workflow_state"], doc["return_reason"]), ("草稿", "中标通知书缺少盖章页。"))
		self.assertTrue(notified(a.health_user, name))
		# The unit corrects and hands it in again: the reason is cleared with the new hand-in.
		steps.act(a.health_user, DT, name, "提交备案")
		self.assertIsNone(frappe.db.get_value(DT, name, "return_reason"))

	def test_process_fields_and_handed_in_content_stay_as_the_process_left_them(self):
		a, steps = self.a, self.steps
		name = self.draft(self.returned, contract_amount=5, contract_sign_date=days_ago(60))["name"]
		response = steps.api(a.health_user).update(DT, name, {"due_date": days_ahead(30)})
		self.assertEqual(response.status_code, 403, error_text(response))
		steps.attach(a.health_user, DT, name, DOCUMENTS)
		steps.act(a.health_user, DT, name, "提交备案")
		response = steps.api(a.office).update(DT, name, {"contract_amount": 4})
		self.assertEqual(response.status_code, 417, error_text(response))
		response = steps.api(a.health_user).update(DT, name, {"contract_amount": 4})
		self.assertEqual(response.status_code, 403, error_text(response))
		self.assertEqual(frappe.db.get_value(DT, name, "contract_amount"), 5)

	def test_forbidden_files_are_refused(self):
		name = self.draft(self.returned, contract_amount=1)["name"]
		api = self.steps.api(self.a.health_user)
		self.assertEqual(api.upload(DT, name, "setup.exe", b"MZ").status_code, 417)
		response = api.update(DT, name, {"contract_document": "/files/somewhere-else.pdf"})
		self.assertEqual(response.status_code, 417)
		self.assertIn("/files/somewhere-else.pdf", error_text(response))
		self.assertFalse(frappe.db.get_value(DT, name, "contract_document"))
