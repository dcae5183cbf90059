"""Issue 4.4: an in-year supplementary project over REST, each consulted department deciding for
itself (Art 13 ¶2), and the plan gate it opens (Art 13)."""

import frappe
from frappe.tests.utils import FrappeTestCase

from govit_app.tests.plan_fixtures import (
	Actors,
	clear_year,
	declaration_under_review,
	department,
	passed_declaration,
	published_plan,
	ready_declaration,
)
from govit_app.tests.utils import ApiClient, error_text, run_queued_jobs

DT = "Supplementary Request"
YEAR = 2088
DECIDE = "govit_app.workflow.countersign.record_decision"
NOTIFY = "frappe.desk.doctype.notification_log.notification_log.make_notification_logs"
CONSULTED = ("市政府办公室", "市保密局", "市发展改革委", "市工业和信息化局", "市财政局")


class TestSupplementaryRequest(FrappeTestCase):
	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		a = cls.a = Actors()
		clear_year(YEAR)
		clear_year(YEAR + 1)
		passed_declaration(a, YEAR, a.health, "_Test 年初计划项目", amount=60)
		cls.plan = published_plan(a, YEAR)
		cls.urgent = declaration_under_review(YEAR, a.health, "_Test 应急指挥平台", estimate_amount=90)
		cls.refused = declaration_under_review(YEAR, a.police_unit, "_Test 被否决的追加项目")
		cls.unplanned_year = passed_declaration(a, YEAR + 1, a.health, "_Test 下年项目", amount=20)

	def request(self, declaration: str, expect: int = 200, **values) -> dict:
		data = {
			"project_declaration": declaration,
			"requested_amount": 80,
			"reason": "防汛应急需要，年内必须建成。",
			**values,
		}
		response = ApiClient(self.a.office).insert(DT, data)
		self.assertEqual(response.status_code, expect, error_text(response))
		return response.json.get("data") or {}

	def decide(self, user: str, name: str, decision: str = "同意", expect: int = 200, **extra):
		response = ApiClient(user).call(DECIDE, doctype=DT, name=name, decision=decision, **extra)
		self.assertEqual(response.status_code, expect, error_text(response))
		return response

	def submit(self, name: str, expect: int = 200):
		office = ApiClient(self.a.office)
		response = office.call("frappe.client.submit", doc=office.get_doc(DT, name).json["data"])
		self.assertEqual(response.status_code, expect, error_text(response))
		return response

	def test_with_all_five_consents_the_project_joins_the_plan_as_a_supplementary_item(self):
		a = self.a
		total = frappe.db.get_value("Annual Plan", self.plan, "total_amount")
		doc = self.request(self.urgent)
		name = doc["name"]
		self.assertEqual(
			[row["department"] for row in doc["consultations"]], [department(f) for f in CONSULTED]
		)
		self.assertEqual((doc["annual_plan"], doc["status"]), (self.plan, "会商中"))
		run_queued_jobs(NOTIFY)
		self.assertTrue(frappe.db.exists("Notification Log", {"for_user": a.miit, "document_name": name}))

		project = frappe.db.get_value("Project Declaration", self.urgent, "it_project")
		ndrc = ApiClient(a.ndrc)
		approval = {
			"it_project": project,
			"approval_no": f"泰发改审〔{YEAR}〕追1号",
			"approval_date": frappe.utils.today(),
			"approved_amount": 80,
		}
		self.assertIn("第十三条", error_text(ndrc.insert("Project Approval", approval)))

		# Wrong department, and a department that is not consulted.
		response = self.decide(a.finance, name, expect=403, department=department("市保密局"))
		self.assertIn("第十三条", error_text(response))
		self.decide(a.police, name, expect=403)
		for user in (a.office, a.secrecy, a.ndrc, a.miit):
			self.decide(user, name)
		response = self.submit(name, expect=417)
		self.assertIn("财政局", error_text(response))
		self.assertIn("第十三条", error_text(response))
		self.assertEqual(
			frappe.db.count("Annual Plan Item", {"parent": self.plan, "project_declaration": self.urgent}), 0
		)

		self.decide(a.finance, name)
		self.assertEqual(frappe.db.get_value(DT, name, "status"), "各方同意")
		run_queued_jobs(NOTIFY)
		self.assertTrue(frappe.db.exists("Notification Log", {"for_user": a.office2, "document_name": name}))
		self.submit(name)

		item = frappe.get_all(
			"Annual Plan Item",
			filters={"parent": self.plan, "project_declaration": self.urgent},
			fields=["is_supplementary", "supplementary_request", "approved_amount", "needs_approval"],
		)
		self.assertEqual(
			item,
			[
				{
					"is_supplementary": 1,
					"supplementary_request": name,
					"approved_amount": 80,
					"needs_approval": 1,
				}
			],
		)
		self.assertEqual(frappe.db.get_value("Annual Plan", self.plan, "total_amount"), total + 80)
		self.assertEqual(frappe.db.get_value("IT Project", project, "stage"), "已纳入计划")
		self.assertEqual(
			frappe.db.get_value("Project Declaration", self.urgent, "workflow_state"), "已纳入计划"
		)
		self.decide(a.finance, name, expect=417)

		# The gate is open now: the NDRC approves it (Art 12, 13).
		response = ndrc.insert("Project Approval", approval)
		self.assertEqual(response.status_code, 200, error_text(response))

	def test_one_refusal_keeps_the_project_out(self):
		name = self.request(self.refused)["name"]
		self.decide(self.a.secrecy, name, decision="不同意", expect=417)  # the opinion is required
		self.decide(self.a.secrecy, name, decision="不同意", opinion="涉及敏感数据，须先定密。")
		self.assertEqual(frappe.db.get_value(DT, name, "status"), "未获同意")
		for user in (self.a.office, self.a.ndrc, self.a.miit, self.a.finance):
			self.decide(user, name)
		self.submit(name, expect=417)
		self.assertFalse(frappe.db.exists("Annual Plan Item", {"project_declaration": self.refused}))

	def test_a_request_needs_an_accepted_declaration_a_published_plan_and_is_made_once(self):
		response = ApiClient(self.a.office).insert(
			DT, {"project_declaration": self.unplanned_year, "requested_amount": 10, "reason": "急需"}
		)
		self.assertEqual(response.status_code, 417)
		self.assertIn(str(YEAR + 1), error_text(response))
		self.assertIn("第十三条", error_text(response))
		planned = frappe.db.get_value(
			"Annual Plan Item", {"parent": self.plan, "is_supplementary": 0}, "project_declaration"
		)
		self.request(planned, expect=417)
		for user in (self.a.ndrc, self.a.finance, self.a.health_user):
			response = ApiClient(user).insert(
				DT, {"project_declaration": self.refused, "requested_amount": 10, "reason": "x"}
			)
			self.assertEqual(response.status_code, 403, user)

	def test_decisions_are_not_edited_by_hand(self):
		twin = declaration_under_review(YEAR, self.a.health, "_Test 手改会商")
		doc = self.request(twin, requested_amount=20)
		forged = [{**row, "decision": "同意"} for row in doc["consultations"]]
		response = ApiClient(self.a.office).update(DT, doc["name"], {"consultations": forged})
		self.assertIn(response.status_code, (403, 417))
		self.assertEqual({row.decision for row in frappe.get_doc(DT, doc["name"]).consultations}, {"待会签"})

	def test_an_in_year_addition_is_declared_outside_the_round_and_joins_only_through_a_supplement(self):
		"""Art 13 ¶2: in May of the plan year the round is long closed; only an in-year addition
		(年度追加) comes in, and it reaches the published plan through the five consents."""
		a = self.a
		declaration = "Project Declaration"
		late = ready_declaration(YEAR, a.health, "_Test 错过批次的普通项目")
		addition = ready_declaration(
			YEAR, a.health, "_Test 年度追加防汛调度", is_in_year_addition=1, estimate_amount=60
		)
		with self.freeze_time(f"{YEAR}-05-11 10:00:00", tick=True):
			unit, office = ApiClient(a.health_user), ApiClient(a.office)
			response = unit.apply_workflow(declaration, late, "提交申报")
			self.assertEqual(response.status_code, 417, "the round is not reopened for everyone")
			self.assertIn("第八条", error_text(response))
			for name, user in ((addition, unit), (addition, office)):
				action = "提交申报" if user is unit else "受理"
				response = user.apply_workflow(declaration, name, action)
				self.assertEqual(response.status_code, 200, error_text(response))

		request = self.request(addition, requested_amount=55)
		for function in CONSULTED:
			self.decide(a.by_function[function], request["name"])
		self.submit(request["name"])
		item = frappe.db.get_value(
			"Annual Plan Item",
			{"parent": self.plan, "project_declaration": addition},
			["is_supplementary", "approved_amount"],
		)
		self.assertEqual(tuple(item), (1, 55))
