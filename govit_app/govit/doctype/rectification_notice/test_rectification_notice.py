"""Issue 11.2 (Art 21, DESIGN rule 13) over REST: a supervising department issues a notice in its
own field, the unit answers with its report, another user of the issuer re-checks, the daily
job marks what is overdue, and only then the issuer or the Office sanctions — 暂缓安排投资计划
blocks next year's declarations, 暂停项目建设 refuses every further document of the project
until lifted, 终止项目 is final. The notice prints as 整改通知书."""

from datetime import timedelta

import frappe
from frappe.tests.utils import FrappeTestCase
from frappe.utils import getdate

from govit_app.deadlines.reading import open_deadlines
from govit_app.deadlines.sources import source
from govit_app.govit.doctype.rectification_notice.overdue import mark_overdue
from govit_app.tests.plan_fixtures import (
	DECLARATION,
	PDF,
	attach,
	declaration_values,
	delete_rows,
	department,
	pdf_text,
)
from govit_app.tests.supervision_fixtures import SupervisionActors, operating_project
from govit_app.tests.utils import ApiClient, error_text, run_queued_jobs
from govit_app.utils.calendar import add_working_days

DT = "Rectification Notice"
SANCTIONS = "govit_app.govit.doctype.rectification_notice.sanctions"
NOTIFY = "frappe.desk.doctype.notification_log.notification_log.make_notification_logs"


class NoticeTestCase(FrappeTestCase):
	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		cls.a = SupervisionActors()
		cls.finance_unit = department("市财政局")
		cls.office_unit = department("市政府办公室")

	def issue(
		self, user: str, project: str, issue_type: str = "招标采购", expect: int = 200, **values
	) -> dict:
		response = ApiClient(user).insert(
			DT,
			{
				"it_project": project,
				"issue_type": issue_type,
				"findings": "1. 未按规定公开招标；\n2. 合同金额超出批复。",
				"requirements": "重新履行采购程序，报送整改报告。",
				**values,
			},
		)
		self.assertEqual(response.status_code, expect, error_text(response))
		return response.json.get("data") or {}

	def answer(self, user: str, notice: str, expect: int = 200):
		"""The unit uploads its report, writes it on the notice and hands it in (a refusal returns)."""
		api = ApiClient(user)
		upload = api.upload(DT, notice, "整改报告.pdf", PDF)
		self.assertEqual(upload.status_code, 200, error_text(upload))
		report = {
			"rectification_report": upload.json["message"]["file_url"],
			"rectification_summary": "已重新招标。",
		}
		response = api.update(DT, notice, report)
		if response.status_code == 200:
			response = api.apply_workflow(DT, notice, "提交整改报告")
		self.assertEqual(response.status_code, expect, error_text(response))
		return response

	def act(self, user: str, notice: str, action: str, expect: int = 200):
		response = ApiClient(user).apply_workflow(DT, notice, action)
		self.assertEqual(response.status_code, expect, error_text(response))
		return response

	def sanction(
		self,
		user: str,
		notice: str,
		sanction: str,
		expect: int = 200,
		method: str = "record_sanction",
		reason: str = "逾期未整改",
	):
		response = ApiClient(user).call(
			f"{SANCTIONS}.{method}", notice=notice, sanction=sanction, reason=reason
		)
		self.assertEqual(response.status_code, expect, error_text(response))
		return response

	def overdue(self, notice: str) -> None:
		"""Time passes: the deadline was yesterday, and the daily job runs."""
		frappe.db.set_value(DT, notice, "deadline", getdate() - timedelta(days=1))
		frappe.db.commit()
		self.assertIn(notice, mark_overdue())
		frappe.db.commit()

	def status(self, notice: str) -> str:
		return frappe.db.get_value(DT, notice, "status")

	def stage(self, project: str) -> str:
		return frappe.db.get_value("IT Project", project, "stage")


class TestIssueAndAnswer(NoticeTestCase):
	def test_finance_issues_a_procurement_notice_due_in_working_days(self):
		project = operating_project("_Test 整改-采购", self.a.health)
		doc = self.issue(self.a.finance, project, deadline_working_days=10)
		self.assertEqual(
			(doc["issued_by"], doc["status"], doc["unit"]), (self.finance_unit, "待整改", self.a.health)
		)
		self.assertEqual(getdate(doc["deadline"]), add_working_days(getdate(), 10, warn=False))
		self.assertRegex(doc["notice_no"], r"^整改〔\d{4}〕\d+号$")
		self.assertIn(self.a.health_user, [row["user"] for row in doc["pending_with"]])
		run_queued_jobs(NOTIFY)
		self.assertTrue(
			frappe.db.exists(
				"Notification Log", {"for_user": self.a.health_user, "document_name": doc["name"]}
			)
		)
		self.assertEqual(ApiClient(self.a.health_user).get_doc(DT, doc["name"]).status_code, 200)
		self.assertEqual(ApiClient(self.a.civil_user).get_doc(DT, doc["name"]).status_code, 403)
		# Settings give the period when the issuer gives none.
		default = self.issue(self.a.finance, project, issue_type="资金使用")
		self.assertEqual(default["deadline_working_days"], 20)

	def test_a_notice_from_a_department_outside_its_field_is_refused(self):
		project = operating_project("_Test 整改-越权", self.a.health)
		response = ApiClient(self.a.finance).insert(
			DT, {"it_project": project, "issue_type": "信息共享", "findings": "x"}
		)
		self.assertEqual(response.status_code, 417)
		self.assertIn("第二十一条", error_text(response))
		self.assertIn("市政府办公室", error_text(response))
		response = ApiClient(self.a.office).insert(
			DT, {"it_project": project, "issue_type": "密码应用", "findings": "x"}
		)
		self.assertIn("市保密局", error_text(response))
		# Nobody issues in another department's name, and units issue none.
		response = ApiClient(self.a.finance).insert(
			DT,
			{"it_project": project, "issue_type": "信息共享", "issued_by": self.office_unit, "findings": "x"},
		)
		self.assertEqual(response.status_code, 403)
		self.assertEqual(
			ApiClient(self.a.health_user)
			.insert(DT, {"it_project": project, "issue_type": "其他", "findings": "x"})
			.status_code,
			403,
		)
		self.assertFalse(frappe.db.exists(DT, {"it_project": project}))
		# Network security has two supervisors (Art 21): both issue.
		self.issue(self.a.cac, project, issue_type="网络安全")
		self.issue(self.a.police, project, issue_type="网络安全")

	def test_the_unit_answers_and_another_user_of_the_issuer_rechecks(self):
		project = operating_project("_Test 整改-复查", self.a.health)
		notice = self.issue(self.a.finance, project)["name"]
		# The notice stands as issued: the unit writes only its report.
		response = ApiClient(self.a.health_user).update(DT, notice, {"findings": "没有问题"})
		self.assertEqual(response.status_code, 417)
		self.assertEqual(response.json["exc_type"], "FrozenContentError")
		self.act(self.a.health_user, notice, "提交整改报告", expect=417)  # no report yet
		self.answer(self.a.health_user, notice)
		self.assertEqual(self.status(notice), "待复查")
		self.assertEqual(frappe.db.get_value(DT, notice, "answered_on"), getdate())

		response = ApiClient(self.a.finance).apply_workflow(DT, notice, "复查合格")
		self.assertIn(response.status_code, (403, 417), "the issuing user re-checks no notice of theirs")
		self.act(self.a.cac, notice, "复查合格", expect=403)  # nor does another department
		self.act(self.a.finance2, notice, "复查不合格", expect=417)  # says what still does not comply
		ApiClient(self.a.finance2).update(DT, notice, {"recheck_opinion": "合同金额仍超出批复。"})
		self.act(self.a.finance2, notice, "复查不合格")
		doc = frappe.get_doc(DT, notice)
		self.assertEqual(
			(doc.status, doc.rechecked_by, doc.rechecked_on), ("仍不符合", self.a.finance2, getdate())
		)

		passed = self.issue(self.a.finance, project)["name"]
		self.answer(self.a.health_user, passed)
		self.act(self.a.finance2, passed, "复查合格")
		self.assertEqual(self.status(passed), "已整改")


class TestOverdue(NoticeTestCase):
	def test_the_daily_job_marks_notices_past_their_deadline_once(self):
		project = operating_project("_Test 整改-逾期", self.a.health)
		late = self.issue(self.a.finance, project)["name"]
		on_time = self.issue(self.a.finance, project)["name"]
		frappe.db.set_value(DT, late, "deadline", getdate() - timedelta(days=1))
		frappe.db.set_value(DT, on_time, "deadline", getdate())  # the last day to answer
		frappe.db.commit()
		self.assertIn(late, mark_overdue())
		self.assertEqual((self.status(late), self.status(on_time)), ("逾期未整改", "待整改"))
		self.assertEqual(frappe.db.get_value(DT, late, "overdue_on"), getdate())
		self.assertNotIn(late, mark_overdue(), "a rerun marks nothing twice")
		self.assertTrue(frappe.db.exists("Version", {"ref_doctype": DT, "docname": late}))
		# The registry of due dates (时限预警, reminders) lists a notice until the unit answers it.
		registered = {d.name: d.due for d in open_deadlines(sources=[source("rectification")])}
		self.assertEqual(registered.get(on_time), getdate())
		self.assertIn(late, registered)
		# Answered late, it is still re-checked.
		self.answer(self.a.health_user, late)
		self.assertEqual(self.status(late), "待复查")
		self.assertNotIn(late, {d.name for d in open_deadlines(sources=[source("rectification")])})

	def test_the_job_takes_the_same_queries_for_one_notice_as_for_six(self):
		project = operating_project("_Test 整改-批量", self.a.health)

		def queries(count: int) -> int:
			names = [self.issue(self.a.finance, project)["name"] for _ in range(count)]
			frappe.db.set_value(DT, {"name": ("in", names)}, "deadline", getdate() - timedelta(days=1))
			calls = 0
			original = frappe.db.__class__.sql

			def counting(*args, **kwargs):
				nonlocal calls
				calls += 1
				return original(*args, **kwargs)

			frappe.db.__class__.sql = counting
			try:
				marked = mark_overdue()
			finally:
				frappe.db.__class__.sql = original
			self.assertTrue(set(names) <= set(marked))
			frappe.db.commit()
			return calls

		queries(1)  # Frappe caches table metadata on first use
		self.assertEqual(queries(6), queries(1))


class TestSanctions(NoticeTestCase):
	def test_a_sanction_follows_only_an_overdue_or_failed_notice_by_the_issuer_or_the_office(self):
		project = operating_project("_Test 处理-前提", self.a.health)
		notice = self.issue(self.a.finance, project)["name"]
		response = self.sanction(self.a.finance, notice, "通报批评", expect=417)
		self.assertIn("逾期未整改", error_text(response))
		self.assertIn("第二十一条", error_text(response))
		self.assertFalse(frappe.get_doc(DT, notice).sanctions)

		self.overdue(notice)
		self.sanction(self.a.health_user, notice, "通报批评", expect=403)
		self.sanction(self.a.cac, notice, "通报批评", expect=403)
		self.sanction(
			self.a.finance, notice, "通报批评", expect=417, reason=""
		)  # a sanction states its reason
		self.sanction(self.a.finance, notice, "通报批评")
		self.sanction(self.a.office, notice, "通报批评", expect=417)  # in force already
		doc = frappe.get_doc(DT, notice)
		self.assertEqual([(r.sanction, r.decided_by) for r in doc.sanctions], [("通报批评", self.a.finance)])
		self.assertEqual(doc.sanction, "通报批评")
		self.sanction(
			self.a.finance, notice, "通报批评", method="lift_sanction", expect=417
		)  # a criticism stands

	def test_a_suspension_refuses_every_further_document_until_lifted(self):
		project = operating_project("_Test 处理-暂停", self.a.health)
		notice = self.issue(self.a.finance, project)["name"]
		self.overdue(notice)
		self.sanction(self.a.office, notice, "暂停项目建设")
		self.assertEqual(self.stage(project), "已暂停")
		self.assertEqual(frappe.db.get_value(DT, notice, "sanction"), "暂停项目建设")

		refusals = {
			"OM Self Evaluation": ApiClient(self.a.health_user).insert(
				"OM Self Evaluation", {"it_project": project, "period_year": 2025, "result": "运行良好"}
			),
			"Project Approval": ApiClient(self.a.ndrc).insert(
				"Project Approval",
				{
					"it_project": project,
					"approval_no": f"_Test {notice}",
					"approval_date": str(getdate()),
					"approved_amount": 10,
				},
			),
			DECLARATION: ApiClient(self.a.health_user).insert(
				DECLARATION,
				{
					k: v
					for k, v in declaration_values(
						2063, self.a.health, "_Test 暂停中运维", project_nature="运维", it_project=project
					).items()
					if k != "doctype"
				},
			),
		}
		for doctype, response in refusals.items():
			with self.subTest(doctype):
				self.assertEqual(response.status_code, 417)
				self.assertIn(notice, error_text(response))
				self.assertIn("暂停项目建设", error_text(response))
				self.assertFalse(frappe.db.exists(doctype, {"it_project": project}))

		# The unit still rectifies: that is how a suspension ends.
		self.answer(self.a.health_user, notice)
		self.sanction(self.a.finance, notice, "暂停项目建设", method="lift_sanction", expect=417, reason="")
		self.sanction(
			self.a.finance, notice, "暂停项目建设", method="lift_sanction", reason="已完成整改，恢复建设"
		)
		self.assertEqual(self.stage(project), "运维中")
		row = frappe.get_doc(DT, notice).sanctions[0]
		self.assertEqual((row.lifted_by, row.stage_before), (self.a.finance, "运维中"))
		response = ApiClient(self.a.health_user).insert(
			"OM Self Evaluation", {"it_project": project, "period_year": 2025, "result": "运行良好"}
		)
		self.assertEqual(response.status_code, 200, error_text(response))

	def test_a_termination_is_final(self):
		project = operating_project("_Test 处理-终止", self.a.health, stage="建设中")
		notice = self.issue(self.a.finance, project)["name"]
		other = self.issue(self.a.finance, project)["name"]
		self.overdue(notice)
		self.sanction(self.a.finance, notice, "暂停项目建设")
		self.sanction(self.a.finance, notice, "终止项目")
		self.assertEqual(self.stage(project), "已终止")
		self.assertEqual(frappe.db.get_value(DT, notice, "sanction"), "终止项目")

		response = self.sanction(self.a.office, notice, "终止项目", method="lift_sanction", expect=417)
		self.assertIn("不能解除", error_text(response))
		self.sanction(self.a.office, notice, "暂停项目建设", method="lift_sanction", expect=417)
		self.assertEqual(self.stage(project), "已终止")
		# Nothing follows: no report on any notice of the project, no new notice, no sanction.
		response = self.answer(self.a.health_user, other, expect=417)
		self.assertIn(notice, error_text(response))
		self.assertEqual(self.status(other), "待整改")
		self.issue(self.a.finance, project, expect=417)
		self.overdue(other)
		self.sanction(self.a.finance, other, "通报批评", expect=417)

	def test_a_deferral_blocks_the_units_declarations_for_next_year_until_lifted(self):
		project = operating_project("_Test 处理-暂缓", self.a.civil)
		notice = self.issue(self.a.office, project, issue_type="信息共享")["name"]
		self.overdue(notice)
		self.sanction(self.a.office, notice, "暂缓安排投资计划")
		plan_year = getdate().year + 1
		self.assertEqual(frappe.get_doc(DT, notice).sanctions[0].plan_year, plan_year)

		doc = frappe.get_doc(declaration_values(plan_year, self.a.civil, "_Test 暂缓期间新项目")).insert()
		for row in doc.materials:
			if row.is_required:
				row.attachment = attach(doc, f"{row.material_type}.pdf")
		doc.save()
		frappe.db.commit()
		self.addCleanup(lambda: delete_rows(DECLARATION, [doc.name]) or frappe.db.commit())
		civil = ApiClient(self.a.civil_user)
		response = civil.apply_workflow(DECLARATION, doc.name, "提交申报")
		self.assertEqual(response.status_code, 417)
		self.assertIn(notice, error_text(response))
		self.assertIn("第二十一条", error_text(response))

		self.sanction(
			self.a.office2, notice, "暂缓安排投资计划", method="lift_sanction", reason="已建立信息共享机制"
		)
		response = civil.apply_workflow(DECLARATION, doc.name, "提交申报")
		self.assertEqual(response.status_code, 200, error_text(response))


class TestNoticePrint(NoticeTestCase):
	def test_the_notice_prints_with_the_issuers_red_header_and_its_number(self):
		project = operating_project("_Test 整改-打印", self.a.health)
		doc = self.issue(self.a.finance, project)
		text = pdf_text(self.a.health_user, DT, doc["name"], "整改通知书")
		deadline = getdate(doc["deadline"])
		for fragment in (
			f"{self.finance_unit}文件".replace(" ", ""),
			doc["notice_no"],
			"限期整改的通知",
			"未按规定公开招标",
			f"{deadline.year}年{deadline.month}月{deadline.day}日",
			"第二十一条",
		):
			self.assertIn(fragment, text)
