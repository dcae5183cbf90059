"""待我处理: every document waiting for a user, whatever its DocType, through the REST API as each
user would open it; due dates in working days; the number card; constant queries."""

import json
from unittest.mock import patch

import frappe
from frappe.model.workflow import apply_workflow
from frappe.tests.utils import FrappeTestCase

from govit_app import roles as R
from govit_app.govit.doctype.annual_plan.annual_plan import pull_declarations
from govit_app.tests.plan_fixtures import (
	DECLARATION,
	Actors,
	act_as,
	attach,
	clear_year,
	decide_as,
	declaration_values,
	passed_declaration,
)
from govit_app.tests.utils import ApiClient, count_queries, ensure_unit, ensure_user, error_text
from govit_app.vocabulary import DeclarationAction, DeclarationState, PlanAction, PlanState
from govit_app.workflow import pending
from govit_app.workflow.actors import users_with_role

YEAR = 2073
REPORT = "Waiting For Me"


def waiting(api: ApiClient, **filters) -> list[dict]:
	response = api.call("frappe.desk.query_report.run", report_name=REPORT, filters=json.dumps(filters))
	if response.status_code != 200:
		raise AssertionError(f"{api.user} running {REPORT}: {error_text(response)}")
	return response.json["message"]["result"]


def names(rows: list[dict]) -> set[str]:
	return {row["name"] for row in rows if isinstance(row, dict)}


def handed_in(unit: str, project_name: str) -> str:
	"""A complete 新建 declaration of `unit` with its materials, handed in (提交申报)."""
	doc = frappe.get_doc(declaration_values(YEAR, unit, project_name)).insert()
	for row in doc.materials:
		if row.is_required:
			row.attachment = attach(doc, f"{row.material_type}.pdf")
	doc.save()
	apply_workflow(doc, DeclarationAction.SUBMIT)
	frappe.db.commit()
	return doc.name


class TestWaitingForMe(FrappeTestCase):
	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		clear_year(YEAR)
		cls.bureau = ensure_unit("_Test 待办主管局")
		cls.school = ensure_unit("_Test 待办学校", "其他", competent=cls.bureau)
		cls.other = ensure_unit("_Test 待办他单位")
		cls.bureau_user = ensure_user("govit-wait-bureau@test.local", [R.COMPETENT_DEPT], (cls.bureau,))
		cls.school_user = ensure_user("govit-wait-school@test.local", [R.UNIT_USER], (cls.school,))
		cls.other_user = ensure_user("govit-wait-other@test.local", [R.UNIT_USER], (cls.other,))
		cls.office = ensure_user("govit-office@test.local", [R.OFFICE])

	def test_a_declaration_waits_for_its_competent_department_then_for_the_office(self):
		name = handed_in(self.school, "_Test 待办校园网")
		bureau = ApiClient(self.bureau_user)
		row = next(r for r in waiting(bureau) if r["name"] == name)
		self.assertEqual(row["doctype"], DECLARATION)
		self.assertEqual(row["state"], DeclarationState.COMPETENT_REVIEW)
		self.assertEqual(row["unit"], self.school)
		self.assertTrue(row["since"])
		self.assertEqual(row["waiting_days"], 0)
		self.assertNotIn(name, names(waiting(ApiClient(self.office))))
		self.assertNotIn(name, names(waiting(ApiClient(self.school_user))))

		frappe.db.set_value(DECLARATION, name, "competent_opinion", "同意申报。")
		act_as(self.bureau_user, DECLARATION, name, DeclarationAction.COMPETENT_APPROVE)
		self.assertNotIn(name, names(waiting(bureau)))
		row = next(r for r in waiting(ApiClient(self.office)) if r["name"] == name)
		self.assertEqual(row["state"], DeclarationState.INTAKE)

	def test_only_documents_the_user_may_read_are_listed(self):
		name = handed_in(self.school, "_Test 待办他人可读")
		# Named in the table by mistake, the other unit's user still may not read the declaration.
		frappe.get_doc(
			{
				"doctype": pending.PENDING_TABLE,
				"parent": name,
				"parenttype": DECLARATION,
				"parentfield": "pending_with",
				"user": self.other_user,
			}
		).db_insert()
		frappe.db.commit()
		self.assertNotIn(name, names(waiting(ApiClient(self.other_user))))
		self.assertIn(name, names(waiting(ApiClient(self.bureau_user))))

	def test_a_due_date_counts_working_days_and_marks_the_overdue_first(self):
		late = handed_in(self.school, "_Test 待办已逾期")
		soon = handed_in(self.school, "_Test 待办未到期")
		# 2024-01-02 (Tue) was due: 2024-01-01 was New Year's Day, a day off.
		frappe.db.set_value(DECLARATION, late, "start_date", "2024-01-02")
		frappe.db.set_value(DECLARATION, soon, "start_date", "2099-12-31")
		frappe.db.commit()
		with patch.dict(pending.DUE_DATE_FIELDS, {DECLARATION: "start_date"}):
			rows = [w.as_row() for w in pending.waiting_for(self.bureau_user)]
			mine = [r for r in rows if r["name"] in (late, soon)]
			self.assertEqual([r["name"] for r in mine], [late, soon])
			self.assertEqual(str(mine[0]["due_date"]), "2024-01-02")
			self.assertTrue(mine[0]["overdue"])
			self.assertLess(mine[0]["days_left"], -400)
			self.assertFalse(mine[1]["overdue"])
			self.assertGreater(mine[1]["days_left"], 0)
			self.assertEqual(rows[0]["name"], late, "the overdue come first")
			only = waiting(ApiClient(self.bureau_user), overdue_only=1)
			self.assertIn(late, names(only))
			self.assertNotIn(soon, names(only))

	def test_the_workspace_card_counts_the_users_queue_and_opens_the_report(self):
		handed_in(self.school, "_Test 待办计数")
		response = ApiClient(self.bureau_user).call("govit_app.workflow.pending.count_for_card")
		self.assertEqual(response.status_code, 200, error_text(response))
		card = response.json["message"]
		self.assertEqual(card["value"], len(pending.waiting_for(self.bureau_user)))
		self.assertGreaterEqual(card["value"], 1)
		self.assertEqual(card["route"], ["query-report", REPORT])

	def test_queries_do_not_grow_with_the_number_of_documents(self):
		handed_in(self.school, "_Test 待办查询一")
		pending.waiting_for(self.bureau_user)  # caches warm
		with count_queries() as few:
			found = len(pending.waiting_for(self.bureau_user))
		for i in range(3):
			handed_in(self.school, f"_Test 待办查询多{i}")
		with count_queries() as many:
			self.assertEqual(len(pending.waiting_for(self.bureau_user)), found + 3)
		self.assertEqual(many["n"], few["n"])

	def test_a_final_state_waits_for_nobody(self):
		"""Those named on a published plan were told of it; nothing waits for them there."""
		self.assertIn(PlanState.PUBLISHED, pending.final_states("Annual Plan"))
		self.assertNotIn(PlanState.COUNTERSIGNING, pending.final_states("Annual Plan"))
		self.assertIn(DeclarationState.IN_PLAN, pending.final_states(DECLARATION))


class TestWaitingSince(FrappeTestCase):
	"""A countersigning department that decided leaves the queue; the others keep their start."""

	YEAR = 2074

	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		cls.a = Actors()
		clear_year(cls.YEAR)
		passed_declaration(cls.a, cls.YEAR, cls.a.health, "_Test 待办会签项目")
		plan = frappe.get_doc(
			{"doctype": "Annual Plan", "plan_year": cls.YEAR, "budget_amount": 500}
		).insert()
		pull_declarations(plan.name)
		act_as(cls.a.office, "Annual Plan", plan.name, PlanAction.SUBMIT_FOR_COUNTERSIGN)
		cls.plan = plan.name

	def since(self) -> dict[str, str]:
		return {row.user: str(row.since) for row in frappe.get_doc("Annual Plan", self.plan).pending_with}

	def test_each_waits_from_the_step_and_leaves_once_decided(self):
		before = self.since()
		self.assertIn(self.a.finance, before)
		self.assertIn(self.plan, names(waiting(ApiClient(self.a.finance))))
		decide_as(self.a.finance, "Annual Plan", self.plan)
		after = self.since()
		self.assertNotIn(self.a.finance, after)
		self.assertNotIn(self.plan, names(waiting(ApiClient(self.a.finance))))
		# Every user of the Finance Bureau leaves (it decided as a department), the others keep their start.
		finance = set(users_with_role(R.FINANCE))
		self.assertEqual(after, {user: since for user, since in before.items() if user not in finance})
		self.assertTrue(after)
