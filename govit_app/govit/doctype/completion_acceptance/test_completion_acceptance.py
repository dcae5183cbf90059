"""Issue 10.2: trial operation filed before the acceptance, one passed acceptance, and a failed one
leaving the project unusable (Art 13, 19), over REST as each role, every refusal included."""

import frappe
from frappe.tests.utils import FrappeTestCase

from govit_app.tests.construction_fixtures import PlannedYear, Steps, days_ago, days_ahead, unplanned_project
from govit_app.tests.plan_fixtures import Actors
from govit_app.tests.utils import error_text
from govit_app.utils.calendar import add_working_days

DT = "Completion Acceptance"
TRIAL = "Trial Operation Filing"
YEAR = 2072  # a plan year no other test uses


class TestTrialAndAcceptance(FrappeTestCase):
	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		a = cls.a = Actors()
		year = PlannedYear(YEAR)
		cls.main = year.project("_Test 验收 一次通过", a.health)
		cls.failing = year.project("_Test 验收 先不通过", a.health)
		cls.no_contract = year.project("_Test 验收 无合同", a.health)
		cls.outside = unplanned_project("_Test 验收 计划外", a.health)

	def setUp(self):
		self.steps = Steps(self, self.a)

	def stage(self, project: str) -> str:
		return frappe.db.get_value("IT Project", project, "stage")

	def test_the_trial_is_filed_before_the_acceptance_which_passes_once(self):
		a, steps, user = self.a, self.steps, self.a.health_user
		steps.filed_contract(user, self.main)
		self.assertEqual(self.stage(self.main), "建设中")

		# No acceptance before a trial-operation report is filed with the Office.
		response = steps.acceptance(user, self.main, expect=417)
		self.assertIn("第十九条", error_text(response))

		# Bad trials: ending before it starts, starting in the future.
		values = {"it_project": self.main, "trial_start": days_ago(10), "trial_end": days_ago(11)}
		self.assertIn("试运行开始日期", error_text(steps.insert(user, TRIAL, values, 417)))
		steps.insert(user, TRIAL, {**values, "trial_start": days_ahead(1), "trial_end": days_ahead(30)}, 417)

		# Handed in but not yet filed by the Office: still no acceptance.
		trial = steps.insert(user, TRIAL, {**values, "trial_start": days_ago(40), "trial_end": days_ago(10)})
		steps.attach(user, TRIAL, trial["name"], {"report": "试运行报告.pdf"})
		steps.act(user, TRIAL, trial["name"], "提交备案")
		steps.acceptance(user, self.main, expect=417)
		steps.act(a.office, TRIAL, trial["name"], "备案")
		self.assertEqual(self.stage(self.main), "试运行")

		# The acceptance follows the end of the trial run, and is not dated in the future.
		response = steps.acceptance(user, self.main, expect=417, acceptance_date=days_ago(11))
		self.assertIn(days_ago(10), error_text(response))
		steps.acceptance(user, self.main, expect=417, acceptance_date=days_ahead(1))
		# The Office records no acceptance: the unit organizes it.
		steps.insert(a.office, DT, {"it_project": self.main, "acceptance_date": days_ago(5)}, 403)

		doc = steps.acceptance(user, self.main, acceptance_date=days_ago(5))
		self.assertEqual((doc["docstatus"], doc["trial_operation_filing"]), (1, trial["name"]))
		self.assertEqual(self.stage(self.main), "已验收")
		# The passed acceptance opens its filing, the unit's draft, due N working days after it.
		filing = frappe.get_doc("Acceptance Filing", doc["acceptance_filing"])
		self.assertEqual((filing.workflow_state, filing.owner), ("草稿", user))
		self.assertEqual(filing.due_date, add_working_days(days_ago(5), 10, warn=False))
		self.assertEqual(len(filing.documents), 9)

		# A second acceptance is refused, naming the first.
		response = steps.acceptance(user, self.main, expect=417)
		self.assertIn(doc["name"], error_text(response))
		# No more trial runs for an accepted project.
		steps.insert(user, TRIAL, {**values, "trial_start": days_ago(3), "trial_end": days_ago(2)}, 417)
		for reader in (a.office, a.finance, a.cac, a.audit):
			self.assertEqual(steps.api(reader).get_doc(DT, doc["name"]).status_code, 200, reader)
		self.assertEqual(steps.api(a.transport_user).get_doc(DT, doc["name"]).status_code, 403)

	def test_a_failed_acceptance_leaves_the_project_unusable_until_one_passes(self):
		steps, user = self.steps, self.a.health_user
		steps.filed_contract(user, self.failing)
		steps.filed_trial(user, self.failing)
		failed = steps.acceptance(user, self.failing, result="不通过", acceptance_opinion="性能测试未达标。")
		self.assertEqual(self.stage(self.failing), "验收不合格")
		self.assertFalse(failed["acceptance_filing"])
		# Not usable: no acceptance filing for it.
		response = steps.insert(
			user,
			"Acceptance Filing",
			{"it_project": self.failing, "completion_acceptance": failed["name"]},
			417,
		)
		self.assertIn("第十九条", error_text(response))
		# A later acceptance passes: 验收不合格 → 已验收 is a move forward.
		passed = steps.acceptance(user, self.failing, acceptance_date=days_ago(1))
		self.assertEqual(self.stage(self.failing), "已验收")
		self.assertTrue(passed["acceptance_filing"])

	def test_no_trial_without_a_filed_contract_and_nothing_outside_the_plan(self):
		steps, user = self.steps, self.a.health_user
		values = {"trial_start": days_ago(20), "trial_end": days_ago(5)}
		response = steps.insert(user, TRIAL, {"it_project": self.no_contract, **values}, 417)
		self.assertIn("第十六条", error_text(response))
		response = steps.insert(user, TRIAL, {"it_project": self.outside, **values}, 417)
		self.assertIn("第十三条", error_text(response))
		response = steps.acceptance(user, self.outside, expect=417)
		self.assertIn("第十三条", error_text(response))
		self.assertFalse(frappe.db.exists(TRIAL, {"it_project": ("in", [self.no_contract, self.outside])}))
