"""Issue 10.3: the acceptance filing with the nine documents of Art 19 ¶2, receipted by the Office,
the Cyberspace Office and the Finance Bureau each for itself, over REST; its print format."""

import frappe
from frappe.tests.utils import FrappeTestCase

from govit_app.tests.construction_fixtures import PlannedYear, Steps, days_ago
from govit_app.tests.plan_fixtures import Actors, department, pdf_text
from govit_app.tests.utils import error_text
from govit_app.utils.settings import get_settings

DT = "Acceptance Filing"
YEAR = 2073  # a plan year no other test uses
DECIDE = "govit_app.workflow.countersign.record_decision"


class TestAcceptanceFiling(FrappeTestCase):
	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		a = cls.a = Actors()
		year = PlannedYear(YEAR)
		cls.projects = {
			key: year.project(f"_Test 验收备案 {key}", a.health, secrecy_level=level)
			for key, level in (
				("main", "非涉密"),
				("refused", "非涉密"),
				("late", "非涉密"),
				("secret", "秘密"),
			)
		}

	def setUp(self):
		self.steps = Steps(self, self.a)

	def accepted(self, key: str, acceptance_date: str | None = None) -> str:
		"""The project through contract, trial and a passed acceptance: its filing's name."""
		project, user = self.projects[key], self.a.health_user
		self.steps.filed_contract(user, project)
		self.steps.filed_trial(user, project, start=days_ago(80), end=days_ago(60))
		return self.steps.acceptance(user, project, acceptance_date=acceptance_date or days_ago(2))[
			"acceptance_filing"
		]

	def attach_documents(self, name: str, leave_out: tuple[str, ...] = ()) -> dict:
		api = self.steps.api(self.a.health_user)
		rows = api.get_doc(DT, name).json["data"]["documents"]
		for row in rows:
			if row["document_type"] not in leave_out:
				response = api.upload(DT, name, f"{row['document_type']}.pdf", b"%PDF-1.4\n")
				self.assertEqual(response.status_code, 200, error_text(response))
				row["attachment"] = response.json["message"]["file_url"]
		response = api.update(DT, name, {"documents": rows})
		self.assertEqual(response.status_code, 200, error_text(response))
		return response.json["data"]

	def receipt(self, user: str, name: str, decision: str = "同意", expect: int = 200, **extra):
		response = self.steps.api(user).call(DECIDE, doctype=DT, name=name, decision=decision, **extra)
		self.assertEqual(response.status_code, expect, error_text(response))
		return response

	def test_each_department_receipts_for_itself_and_the_project_goes_into_operation(self):
		a, steps, user = self.a, self.steps, self.a.health_user
		name = self.accepted("main")
		self.assertEqual(
			[row.document_type for row in frappe.get_doc(DT, name).documents],
			list(get_settings().acceptance_filing_documents),
		)
		# Handed in with one document missing: refused, naming it.
		self.attach_documents(name, leave_out=("测试报告",))
		response = steps.act(user, DT, name, "提交备案", expect=417)
		self.assertIn("测试报告", error_text(response))
		self.assertIn("第十九条", error_text(response))
		self.attach_documents(name)
		steps.act(user, DT, name, "提交备案")
		doc = frappe.get_doc(DT, name)
		self.assertEqual(
			[row.department for row in doc.receipts],
			[department(f) for f in ("市政府办公室", "市委网信办", "市财政局")],
		)
		self.assertTrue({a.office, a.cac, a.finance} <= {row.user for row in doc.pending_with})

		# A department not named in Art 19 ¶2, and one receipting for another: refused.
		self.receipt(a.ndrc, name, expect=403)
		response = self.receipt(a.audit, name, expect=403)
		self.assertIn("第十九条", error_text(response))
		self.receipt(a.finance, name, expect=403, department=department("市委网信办"))
		self.receipt(a.health_user, name, expect=403)
		# Nobody writes a receipt by hand.
		forged = [
			{"name": row.name, "department": row.department, "decision": "同意"} for row in doc.receipts
		]
		self.assertIn(steps.api(a.office).update(DT, name, {"receipts": forged}).status_code, (403, 417))

		self.receipt(a.cac, name)
		self.receipt(a.cac, name, expect=409)
		self.receipt(a.office, name)
		self.assertEqual(frappe.db.get_value(DT, name, "workflow_state"), "待备案")
		self.receipt(a.finance, name)
		doc = frappe.get_doc(DT, name)
		self.assertEqual((doc.workflow_state, doc.docstatus, doc.all_received), ("已备案", 1, 1))
		self.assertEqual({row.received_by for row in doc.receipts}, {a.office, a.cac, a.finance})
		self.assertEqual(frappe.db.get_value("IT Project", self.projects["main"], "stage"), "运维中")
		# Closed: no further receipt.
		self.receipt(a.finance, name, expect=417)

		# The receipt prints with the documents and the three departments.
		text = pdf_text(a.health_user, DT, name, "验收备案回执")
		for expected in ("验收备案回执", "_Test验收备案main", "安全风险评估报告", "市委网信办", "市财政局"):
			self.assertIn(expected, text)

	def test_a_refusal_returns_the_filing_with_the_reason_and_a_new_hand_in_starts_over(self):
		a, steps, user = self.a, self.steps, self.a.health_user
		name = self.accepted("refused")
		self.attach_documents(name)
		steps.act(user, DT, name, "提交备案")
		self.receipt(a.office, name)
		self.receipt(a.cac, name, decision="不同意", expect=417)  # the opinion is required
		self.receipt(a.cac, name, decision="不同意", opinion="安全风险评估报告未加盖测评机构印章。")
		doc = frappe.get_doc(DT, name)
		self.assertEqual(doc.workflow_state, "草稿")
		self.assertIn("安全风险评估报告未加盖测评机构印章", doc.return_reason)
		steps.act(user, DT, name, "提交备案")
		self.assertEqual({row.decision for row in frappe.get_doc(DT, name).receipts}, {"待会签"})

	def test_a_late_filing_is_overdue_and_a_forbidden_document_is_refused(self):
		steps, user = self.steps, self.a.health_user
		name = self.accepted("late", acceptance_date=days_ago(40))
		rows = steps.api(user).get_doc(DT, name).json["data"]["documents"]
		response = steps.api(user).update(DT, name, {"documents": [*rows, {"document_type": "宣传画册"}]})
		self.assertEqual(response.status_code, 417)
		self.assertIn("宣传画册", error_text(response))
		self.assertEqual(steps.api(user).upload(DT, name, "宣传片.mp4", b"\x00").status_code, 417)
		self.attach_documents(name)
		steps.act(user, DT, name, "提交备案")
		self.assertEqual(frappe.db.get_value(DT, name, "is_overdue"), 1)

	def test_a_classified_filing_is_receipted_inside_only_by_who_may_see_it(self):
		a, steps, user = self.a, self.steps, self.a.health_user
		project = self.projects["secret"]
		# Classified: the documents go through the secrecy channel, nothing is uploaded (Art 25).
		name = steps.insert(user, "Contract Filing", steps.contract_values(project))["name"]
		self.assertEqual(
			steps.api(user).upload("Contract Filing", name, "合同.pdf", b"%PDF").status_code, 403
		)
		steps.act(user, "Contract Filing", name, "提交备案")
		steps.act(a.office, "Contract Filing", name, "备案")
		trial = steps.insert(
			user,
			"Trial Operation Filing",
			{"it_project": project, "trial_start": days_ago(30), "trial_end": days_ago(9)},
		)["name"]
		steps.act(user, "Trial Operation Filing", trial, "提交备案")
		steps.act(a.office, "Trial Operation Filing", trial, "备案")
		acceptance = steps.insert(
			user,
			"Completion Acceptance",
			{
				"it_project": project,
				"acceptance_date": days_ago(3),
				"result": "通过",
				"acceptance_group": "保密组",
			},
		)
		acceptance = steps.check(steps.api(user).call("frappe.client.submit", doc=acceptance), 200).json[
			"message"
		]
		name = acceptance["acceptance_filing"]
		steps.act(user, DT, name, "提交备案")
		self.assertEqual(
			[row.department for row in frappe.get_doc(DT, name).receipts], [department("市政府办公室")]
		)
		self.assertEqual(steps.api(a.cac).get_doc(DT, name).status_code, 403)
		self.receipt(a.office, name)
		self.assertEqual(frappe.db.get_value(DT, name, "workflow_state"), "已备案")
