"""Issue 10.4: the acceptance deadline and its extension (Art 19 ¶3) over REST: the unit asks with
a written report and reason, the Office approves (the deadline moves, in the timeline too) or
refuses with a reason."""

from unittest import TestCase

import frappe
from frappe.tests.utils import FrappeTestCase
from frappe.utils import getdate

from govit_app.govit.doctype.it_project.timeline import get_timeline
from govit_app.tests.construction_fixtures import PlannedYear, Steps, approve, days_ago, days_ahead
from govit_app.tests.plan_fixtures import Actors
from govit_app.tests.utils import error_text

DT = "Acceptance Extension"
YEAR = 2074  # a plan year no other test uses


class TestAcceptanceExtension(FrappeTestCase):
	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		a = cls.a = Actors()
		year = PlannedYear(YEAR)
		cls.building = year.project("_Test 延期 建设中", a.health, end_date=days_ahead(20))
		cls.late = year.project("_Test 延期 已过期限", a.health, end_date=days_ago(5))
		cls.approved = year.project("_Test 延期 立项定期限", a.health, amount=120, needs_approval=True)
		cls.planned = year.project("_Test 延期 未开工", a.health)
		steps = Steps(TestCase(), a)
		for project in (cls.building, cls.late):
			steps.filed_contract(a.health_user, project)
		approve(cls.approved, 120, planned_completion=days_ahead(90))
		steps.filed_contract(a.health_user, cls.approved)

	def setUp(self):
		self.steps = Steps(self, self.a)

	def request(self, project: str, expect: int = 200, **values):
		data = {
			"it_project": project,
			"requested_deadline": days_ahead(60),
			"reason": "核心设备受供应链影响延迟到货，联调测试顺延。",
			**values,
		}
		return self.steps.insert(self.a.health_user, DT, data, expect)

	def handed_in(self, project: str, **values) -> str:
		name = self.request(project, **values)["name"]
		self.steps.attach(self.a.health_user, DT, name, {"report": "延期验收书面报告.pdf"})
		self.steps.act(self.a.health_user, DT, name, "提交申请")
		return name

	def deadline(self, project: str) -> str:
		return str(frappe.db.get_value("IT Project", project, "acceptance_due_date"))

	def test_the_acceptance_is_due_at_the_planned_completion(self):
		self.assertEqual(self.deadline(self.building), days_ahead(20))  # the declaration's end date
		self.assertEqual(self.deadline(self.approved), days_ahead(90))  # the approval's, when it set one

	def test_the_office_refuses_with_a_reason_and_approves_moving_the_deadline(self):
		a, steps = self.a, self.steps
		# Bad requests: not later than the deadline, no reason.
		response = self.request(self.building, 417, requested_deadline=days_ahead(20))
		self.assertIn("第十九条", error_text(response))
		self.request(self.building, 417, reason=" ")
		# Handed in without its written report: refused.
		name = self.request(self.building)["name"]
		self.assertEqual(frappe.db.get_value(DT, name, "current_deadline"), getdate(days_ahead(20)))
		response = steps.act(a.health_user, DT, name, "提交申请", expect=417)
		self.assertIn("书面报告", error_text(response))
		steps.attach(a.health_user, DT, name, {"report": "延期验收书面报告.pdf"})
		steps.act(a.health_user, DT, name, "提交申请")
		# One request waits at a time.
		self.request(self.building, 417)

		# Refused only with a reason; the unit cannot decide.
		steps.act(a.health_user, DT, name, "批准", expect=417)
		steps.act(a.office, DT, name, "不予批准", expect=417)
		steps.act_with_reason(a.office, DT, name, "不予批准", "设备延迟不构成延期理由，请按期组织验收。")
		doc = frappe.get_doc(DT, name)
		self.assertEqual((doc.workflow_state, doc.decision, doc.decided_by), ("未批准", "不予批准", a.office))
		self.assertEqual(self.deadline(self.building), days_ahead(20))

		name = self.handed_in(self.building, requested_deadline=days_ahead(45))
		steps.act(a.office, DT, name, "批准")
		self.assertEqual(frappe.db.get_value(DT, name, ["workflow_state", "decision"]), ("已批准", "批准"))
		self.assertEqual(self.deadline(self.building), days_ahead(45))

		# The timeline shows the extension with its new deadline.
		frappe.set_user(a.health_user)
		try:
			entries = [e for e in get_timeline(self.building) if e["name"] == name]
		finally:
			frappe.set_user("Administrator")
		self.assertEqual(str(entries[0]["deadline"]), days_ahead(45))

	def test_after_the_deadline_the_request_says_why_only_now(self):
		response = self.request(self.late, 417)
		self.assertIn("第十九条", error_text(response))
		self.assertFalse(frappe.db.exists(DT, {"it_project": self.late}))
		self.request(self.late, late_reason="项目负责人岗位调整，未能在期限前申请。")

	def test_only_a_project_whose_acceptance_is_ahead_and_only_its_unit(self):
		response = self.request(self.planned, 417)
		self.assertIn("第十九条", error_text(response))
		data = {"it_project": self.building, "requested_deadline": days_ahead(60), "reason": "x"}
		for user in (self.a.transport_user, self.a.finance, self.a.office):
			self.steps.insert(user, DT, data, 403)
