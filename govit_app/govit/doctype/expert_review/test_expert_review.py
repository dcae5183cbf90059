"""Issue 4.1: the expert review of a declaration over REST, as the Office and as each expert (Art 10, 25)."""

import frappe
from frappe.tests.utils import FrappeTestCase

from govit_app import roles as R
from govit_app.tests.plan_fixtures import Actors, clear_year, declaration_under_review, pdf_text, review_panel
from govit_app.tests.utils import ApiClient, ensure_user, error_text, run_queued_jobs

DT = "Expert Review"
DECLARATION = "Project Declaration"
YEAR = 2082
ASSIGN = "govit_app.govit.doctype.expert_review.expert_review.assign_experts"
SCORES = {"necessity": 90, "rationality": 80, "feasibility": 85, "security": 75, "intensiveness": 70}
NOTIFY = "frappe.desk.doctype.notification_log.notification_log.make_notification_logs"


class TestExpertReview(FrappeTestCase):
	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		cls.a = Actors()
		clear_year(YEAR)
		cls.count = 0

	def declaration(self, **values) -> str:
		type(self).count += 1
		return declaration_under_review(YEAR, self.a.health, f"_Test 评审项目{self.count}", **values)

	def assign(self, declaration: str, *experts: str) -> list[str]:
		response = ApiClient(self.a.office).call(
			ASSIGN, project_declaration=declaration, experts=list(experts)
		)
		self.assertEqual(response.status_code, 200, error_text(response))
		return response.json["message"]

	def fill(self, expert: str, review: str, expect: int = 200, **values):
		data = {**SCORES, "conclusion": "同意", "recommended_amount": 60, "opinion": "方案可行。", **values}
		response = ApiClient(expert).update(DT, review, data)
		self.assertEqual(response.status_code, expect, error_text(response))
		return response

	def submit(self, expert: str, review: str, expect: int = 200):
		doc = ApiClient(expert).get_doc(DT, review).json["data"]
		response = ApiClient(expert).call("frappe.client.submit", doc=doc)
		self.assertEqual(response.status_code, expect, error_text(response))
		return response

	def result(self, declaration: str) -> tuple:
		return tuple(
			frappe.db.get_value(
				DECLARATION, declaration, ["review_score", "review_result", "recommended_amount"]
			)
		)

	def test_each_expert_sees_only_the_declarations_and_reviews_assigned_to_them(self):
		declaration = self.declaration()
		first, second = self.assign(declaration, self.a.experts[0], self.a.experts[1])
		expert, other, outsider = (ApiClient(user) for user in self.a.experts)

		self.assertEqual(expert.get_doc(DECLARATION, declaration).status_code, 200)
		self.assertEqual(outsider.get_doc(DECLARATION, declaration).status_code, 403)
		self.assertEqual(expert.list_names(DT, {"project_declaration": declaration}), {first})
		self.assertEqual(other.list_names(DT, {"project_declaration": declaration}), {second})
		self.assertEqual(expert.get_doc(DT, second).status_code, 403)
		self.assertEqual(expert.update(DT, second, SCORES).status_code, 403)
		self.assertEqual(
			ApiClient(self.a.office).list_names(DT, {"project_declaration": declaration}), {first, second}
		)

		# The assignment is in the expert's to-do list, and they are told.
		self.assertTrue(
			frappe.db.exists("ToDo", {"allocated_to": self.a.experts[0], "reference_name": first})
		)
		run_queued_jobs(NOTIFY)
		self.assertTrue(
			frappe.db.exists("Notification Log", {"for_user": self.a.experts[0], "document_name": first})
		)

	def test_the_result_shows_and_opens_the_workflow_only_when_every_review_is_in(self):
		declaration = self.declaration()
		first, second, third = self.assign(declaration, *self.a.experts)
		self.fill(self.a.experts[0], first, recommended_amount=70)
		self.submit(self.a.experts[0], first)
		self.fill(self.a.experts[1], second, necessity=50, recommended_amount=50)
		self.submit(self.a.experts[1], second)
		self.assertEqual(self.result(declaration), (0, "", 0))
		office = ApiClient(self.a.office)
		self.assertEqual(office.apply_workflow(DECLARATION, declaration, "评审通过").status_code, 417)

		self.fill(self.a.experts[2], third, recommended_amount=60)
		self.submit(self.a.experts[2], third)
		# totals 80, 72 and 80: mean 77.33 ≥ 60; amounts 70, 50 and 60: mean 60
		self.assertEqual(self.result(declaration), (77.33, "通过", 60))
		project = frappe.db.get_value(DECLARATION, declaration, "it_project")
		self.assertEqual(frappe.db.get_value("IT Project", project, "stage"), "已评审")
		self.assertEqual(office.apply_workflow(DECLARATION, declaration, "评审不通过").status_code, 417)
		response = office.apply_workflow(DECLARATION, declaration, "评审通过")
		self.assertEqual(response.status_code, 200, error_text(response))
		self.assertEqual(frappe.db.get_value(DECLARATION, declaration, "workflow_state"), "评审通过")

		# 专家评审意见表: the expert prints their own review, signed and with the amount in capitals.
		text = pdf_text(self.a.experts[0], DT, first, "专家评审意见表")
		for expected in ("专家评审意见表", "_Test评审项目", "☑同意", "柒拾万元整"):
			self.assertIn(expected, text)

	def test_a_majority_of_disagreeing_experts_fails_the_declaration(self):
		declaration = self.declaration()
		review_panel(
			declaration,
			[
				(self.a.experts[0], 90, "不同意", None),
				(self.a.experts[1], 90, "不同意", None),
				(self.a.experts[2], 90, "同意", 60),
			],
		)
		self.assertEqual(self.result(declaration), (90, "不通过", 0))
		office = ApiClient(self.a.office)
		self.assertEqual(office.apply_workflow(DECLARATION, declaration, "评审通过").status_code, 417)
		# A refusal says why (Art 10).
		self.assertEqual(office.apply_workflow(DECLARATION, declaration, "评审不通过").status_code, 417)
		response = office.take_step(DECLARATION, declaration, "评审不通过", "多数专家认为与已建系统重复。")
		self.assertEqual(response.status_code, 200, error_text(response))

	def test_a_panel_needs_its_minimum_of_experts_and_a_supporting_majority(self):
		declaration = self.declaration()
		review_panel(
			declaration, [(self.a.experts[0], 95, "同意", 60), (self.a.experts[1], 95, "不同意", None)]
		)
		self.assertEqual(self.result(declaration), (0, "", 0), "two experts are no panel of three")
		office = ApiClient(self.a.office)
		self.assertEqual(office.apply_workflow(DECLARATION, declaration, "评审通过").status_code, 417)

		# With the minimum set to 2 (GovIT Settings), 1 同意 + 1 不同意 is no majority: it fails.
		frappe.db.set_single_value("GovIT Settings", "min_experts_per_panel", 2)
		frappe.db.commit()
		try:
			other = self.declaration()
			review_panel(
				other, [(self.a.experts[0], 95, "同意", 60), (self.a.experts[1], 95, "不同意", None)]
			)
		finally:
			frappe.db.set_single_value("GovIT Settings", "min_experts_per_panel", 3)
			frappe.db.commit()
		self.assertEqual(self.result(other), (95, "不通过", 0))

	def test_scores_outside_0_to_100_are_refused(self):
		(review,) = self.assign(self.declaration(), self.a.experts[0])
		response = self.fill(self.a.experts[0], review, expect=417, feasibility=101)
		self.assertIn("可行性", error_text(response))
		self.assertIn("100", error_text(response))
		self.assertEqual(frappe.db.get_value(DT, review, "feasibility"), 0)
		self.fill(self.a.experts[0], review, expect=417, security=-5)

	def test_an_incomplete_review_cannot_be_submitted(self):
		(review,) = self.assign(self.declaration(), self.a.experts[0])
		self.fill(self.a.experts[0], review, conclusion="", opinion="")
		response = self.submit(self.a.experts[0], review, expect=417)
		self.assertIn("结论", error_text(response))
		self.assertIn("意见", error_text(response))
		self.assertEqual(frappe.db.get_value(DT, review, "docstatus"), 0)
		self.fill(self.a.experts[0], review, recommended_amount=81)
		self.assertIn("80.00", error_text(self.submit(self.a.experts[0], review, expect=417)))

	def test_an_expert_reviews_neither_an_unassigned_declaration_nor_twice(self):
		declaration = self.declaration()
		expert = ApiClient(self.a.experts[0])
		response = expert.insert(
			DT, {"project_declaration": declaration, "expert": self.a.experts[0], **SCORES}
		)
		self.assertEqual(response.status_code, 403)

		(review,) = self.assign(declaration, self.a.experts[0])
		response = ApiClient(self.a.office).call(
			ASSIGN, project_declaration=declaration, experts=[self.a.experts[0]]
		)
		self.assertEqual(response.status_code, 409, error_text(response))
		self.assertIn(self.a.experts[0], error_text(response))
		self.fill(self.a.experts[0], review)
		self.submit(self.a.experts[0], review)
		self.fill(self.a.experts[0], review, expect=417, necessity=10)
		self.assertEqual(frappe.db.get_value(DT, review, "necessity"), 90)

	def test_only_the_expert_submits_and_nobody_moves_a_review_to_another_declaration(self):
		declaration = self.declaration()
		(review,) = self.assign(declaration, self.a.experts[0])
		self.fill(self.a.experts[0], review)
		office = ApiClient(self.a.office)
		self.assertEqual(office.update(DT, review, {"necessity": 10}).status_code, 403)
		doc = office.get_doc(DT, review).json["data"]
		self.assertEqual(office.call("frappe.client.submit", doc=doc).status_code, 403)
		other = self.declaration()
		# Nor does the Office fill in a review when it assigns one.
		response = office.insert(DT, {"project_declaration": other, "expert": self.a.experts[1], **SCORES})
		self.assertEqual(response.status_code, 417)
		self.assertFalse(frappe.db.exists(DT, {"project_declaration": other}))
		response = ApiClient(self.a.experts[0]).update(DT, review, {"project_declaration": other})
		self.assertEqual(response.status_code, 417)
		self.assertEqual(frappe.db.get_value(DT, review, "project_declaration"), declaration)

	def test_only_review_experts_on_a_declaration_under_review_that_is_not_classified(self):
		office = ApiClient(self.a.office)
		response = office.call(ASSIGN, project_declaration=self.declaration(), experts=[self.a.ndrc])
		self.assertEqual(response.status_code, 417)
		secret = self.declaration(secrecy_level="秘密")
		response = office.call(ASSIGN, project_declaration=secret, experts=[self.a.experts[0]])
		self.assertEqual(response.status_code, 417)
		self.assertIn("第二十五条", error_text(response))
		self.assertFalse(frappe.db.exists(DT, {"project_declaration": secret}))

	def test_withdrawing_a_silent_expert_lets_the_others_conclude(self):
		declaration = self.declaration()
		silent, late = (ensure_user(f"govit-expert{i}@test.local", [R.EXPERT]) for i in (4, 5))
		*answered, silent_review = self.assign(declaration, *self.a.experts, silent)
		for expert, review in zip(self.a.experts, answered, strict=True):
			self.fill(expert, review)
			self.submit(expert, review)
		self.assertEqual(self.result(declaration)[1], "")
		self.assertEqual(ApiClient(self.a.office).delete(DT, silent_review).status_code, 202)
		self.assertEqual(self.result(declaration)[1], "通过")
		self.assertEqual(ApiClient(silent).get_doc(DECLARATION, declaration).status_code, 403)
		# A concluded review takes no further expert.
		response = ApiClient(self.a.office).call(ASSIGN, project_declaration=declaration, experts=[late])
		self.assertEqual(response.status_code, 417)
