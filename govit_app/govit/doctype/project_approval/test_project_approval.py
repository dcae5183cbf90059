"""Issue 4.3 and 4.5: project approval by the NDRC over REST, behind the plan gate (Art 12, 13)."""

import frappe
from frappe.tests.utils import FrappeTestCase

from govit_app.tests.plan_fixtures import (
	Actors,
	clear_year,
	declaration_under_review,
	passed_declaration,
	published_plan,
)
from govit_app.tests.utils import ApiClient, error_text
from govit_app.vocabulary import ProjectStage
from govit_app.workflow.stages import set_project_stage

DT = "Project Approval"
YEAR = 2087


def project_of(declaration: str) -> str:
	return frappe.db.get_value("Project Declaration", declaration, "it_project")


class TestProjectApproval(FrappeTestCase):
	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		a = cls.a = Actors()
		clear_year(YEAR)
		cls.build = passed_declaration(a, YEAR, a.health, "_Test 城市大脑", amount=120, estimate_amount=150)
		cls.small = passed_declaration(a, YEAR, a.health, "_Test 小型系统", amount=45, estimate_amount=60)
		cls.om = passed_declaration(
			a,
			YEAR,
			a.police_unit,
			"_Test 信号系统运维",
			amount=30,
			estimate_amount=30,
			project_nature="运维",
			it_project=frappe.db.get_value("IT Project", {"project_name": "_Test 交通信号系统"})
			or frappe.get_doc(
				{
					"doctype": "IT Project",
					"project_name": "_Test 交通信号系统",
					"unit": a.police_unit,
					"project_category": "业务应用",
				}
			)
			.insert()
			.name,
		)
		# A platform running since an earlier plan, continued (续建) in this one (Art 24).
		cls.running = frappe.db.get_value("IT Project", {"project_name": "_Test 运行中的健康平台"}) or (
			frappe.get_doc(
				{
					"doctype": "IT Project",
					"project_name": "_Test 运行中的健康平台",
					"unit": a.health,
					"project_category": "数据资源",
				}
			)
			.insert()
			.name
		)
		set_project_stage([cls.running], ProjectStage.OPERATING)  # on record, as the Office corrects it
		frappe.db.set_value(
			"IT Project",
			cls.running,
			{"approved_amount": 300, "total_approved_amount": 0, "latest_grade": ""},
		)
		frappe.db.delete("IT Project Amount", {"parent": cls.running})
		cls.renewal = passed_declaration(
			a,
			YEAR,
			a.health,
			"_Test 健康平台扩容",
			amount=90,
			estimate_amount=100,
			project_nature="续建",
			it_project=cls.running,
		)
		cls.outside = declaration_under_review(YEAR, a.health, "_Test 计划外项目")
		cls.plan = published_plan(a, YEAR)
		cls.count = 0

	def approval(self, declaration: str, **values) -> dict:
		type(self).count += 1
		return {
			"it_project": project_of(declaration),
			"approval_no": f"泰发改审〔{YEAR}〕{self.count}号-{frappe.generate_hash(length=4)}",
			"approval_date": frappe.utils.today(),
			"approved_amount": 100,
			**values,
		}

	def test_the_ndrc_approves_a_planned_project_and_it_moves_to_approved(self):
		ndrc = ApiClient(self.a.ndrc)
		response = ndrc.insert(DT, self.approval(self.build, approved_amount=110))
		self.assertEqual(response.status_code, 200, error_text(response))
		doc = response.json["data"]
		self.assertEqual((doc["annual_plan"], doc["plan_amount"]), (self.plan, 120))
		response = ndrc.call("frappe.client.submit", doc=doc)
		self.assertEqual(response.status_code, 200, error_text(response))
		project = frappe.get_doc("IT Project", project_of(self.build))
		self.assertEqual(
			(project.stage, project.approved_amount, project.total_approved_amount), ("已立项", 110, 110)
		)
		self.assertEqual(
			[
				(r.plan_year, r.project_declaration, r.approved_amount, r.project_approval)
				for r in project.amount_history
			],
			[(YEAR, self.build, 110, doc["name"])],
		)
		# The unit reads its approval.
		self.assertEqual(ApiClient(self.a.health_user).get_doc(DT, doc["name"]).status_code, 200)
		# One approval per project and plan.
		response = ndrc.insert(DT, self.approval(self.build))
		self.assertEqual(response.status_code, 417)
		self.assertIn(doc["name"], error_text(response))

	def test_only_the_ndrc_makes_and_submits_approvals(self):
		for user in (self.a.office, self.a.finance, self.a.health_user):
			self.assertEqual(ApiClient(user).insert(DT, self.approval(self.build)).status_code, 403, user)

	def test_a_project_outside_a_published_plan_is_refused_naming_art_13(self):
		response = ApiClient(self.a.ndrc).insert(DT, self.approval(self.outside))
		self.assertEqual(response.status_code, 417)
		self.assertIn("第十三条", error_text(response))
		self.assertIn(project_of(self.outside), error_text(response))
		self.assertFalse(frappe.db.exists(DT, {"it_project": project_of(self.outside)}))

	def test_a_project_that_needs_no_approval_is_refused_with_the_reason(self):
		ndrc = ApiClient(self.a.ndrc)
		response = ndrc.insert(DT, self.approval(self.om, approved_amount=30))
		self.assertEqual(response.status_code, 417)
		self.assertIn("运维", error_text(response))
		self.assertIn("第十二条", error_text(response))
		response = ndrc.insert(DT, self.approval(self.small, approved_amount=45))
		self.assertEqual(response.status_code, 417)
		self.assertIn("45.00", error_text(response))
		self.assertIn("50.00", error_text(response))
		# The form and the plan say the same, and which amount decided it (Art 12): estimated at
		# 60 万元, it was planned at 45.
		form = ApiClient(self.a.health_user).get_doc("Project Declaration", self.small).json["data"]
		self.assertEqual(
			(form["needs_approval"], form["approval_basis"], form["approval_basis_amount"]),
			(0, "计划金额", 45),
		)
		item = frappe.db.get_value(
			"Annual Plan Item", {"project_declaration": self.small}, ["needs_approval", "approved_amount"]
		)
		self.assertEqual(tuple(item), (0, 45))

	def test_a_renewal_neither_moves_a_running_project_back_nor_overwrites_its_amount(self):
		project = frappe.get_doc("IT Project", self.running)
		self.assertEqual((project.stage, project.approved_amount), ("运维中", 300))
		self.assertEqual(
			[
				(r.plan_year, r.project_nature, r.approved_amount, r.annual_plan)
				for r in project.amount_history
			],
			[(YEAR, "续建", 90, self.plan)],
		)
		ndrc = ApiClient(self.a.ndrc)
		response = ndrc.insert(
			DT, {**self.approval(self.renewal), "it_project": self.running, "approved_amount": 85}
		)
		self.assertEqual(response.status_code, 200, error_text(response))
		response = ndrc.call("frappe.client.submit", doc=response.json["data"])
		self.assertEqual(response.status_code, 200, error_text(response))
		shown = ApiClient(self.a.health_user).get_doc("IT Project", self.running).json["data"]
		self.assertEqual(
			(shown["stage"], shown["approved_amount"], shown["total_approved_amount"]), ("运维中", 300, 85)
		)
		self.assertEqual(
			[(r["plan_year"], r["approved_amount"]) for r in shown["amount_history"]], [(YEAR, 85)]
		)
		self.assertIn(shown["amount_history"][0]["project_approval"], (response.json["message"]["name"],))

	def test_the_approved_amount_stays_within_the_plan(self):
		response = ApiClient(self.a.ndrc).insert(DT, self.approval(self.build, approved_amount=121))
		self.assertEqual(response.status_code, 417)
		self.assertIn("120.00", error_text(response))
