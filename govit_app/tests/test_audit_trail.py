"""Every state change goes through the document that owns it and leaves a trail (issue 7):
after the demo city's flows, every stage an IT Project went through is in its history with
user and time; errors over REST name their type and article."""

import json
from unittest.mock import patch

import frappe
from frappe.tests.utils import FrappeTestCase

from govit_app import demo
from govit_app.demo.declarations import PLAN_YEAR
from govit_app.errors import RegulationError, throw
from govit_app.rules.stages import moves_forward, sanction_moves
from govit_app.tests.plan_fixtures import Actors, clear_year
from govit_app.tests.utils import ApiClient
from govit_app.vocabulary import DeclarationState, PlanAction, PlanState, ProjectStage


def server_messages(response) -> list[dict]:
	return [json.loads(m) for m in json.loads((response.json or {}).get("_server_messages") or "[]")]


def stage_changes() -> dict[str, list[dict]]:
	"""IT Project -> its stage changes from the Versions, oldest first."""
	changes: dict[str, list[dict]] = {}
	for version in frappe.get_all(
		"Version",
		filters={"ref_doctype": "IT Project"},
		fields=["docname", "owner", "creation", "data"],
		order_by="creation asc, name asc",
		limit=0,
	):
		for field, old, new in json.loads(version.data).get("changed", []):
			if field == "stage":
				changes.setdefault(version.docname, []).append(
					{"from": old, "to": new, "by": version.owner, "on": version.creation}
				)
	return changes


class TestTheDemoLeavesATrail(FrappeTestCase):
	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		# The demo commits after each step; here it stays in the test's transaction.
		with patch.object(frappe.db, "commit"):
			demo.load()

	def test_every_stage_change_is_in_the_project_history_with_user_and_time(self):
		projects = frappe.get_all("IT Project", fields=["name", "stage"], limit=0)
		changes = stage_changes()
		moved = [p for p in projects if p.stage != ProjectStage.DECLARING]
		self.assertTrue(moved, "the demo moves projects through their stages")
		for project in projects:
			history = changes.get(project.name, [])
			stage = ProjectStage.DECLARING
			for change in history:
				self.assertEqual(
					change["from"], stage, f"{project.name}: a change not on record before {change}"
				)
				self.assertTrue(change["by"] and change["on"], f"{project.name}: {change} lacks who or when")
				self.assertTrue(
					moves_forward(change["from"], change["to"])
					or sanction_moves(change["from"], change["to"]),
					f"{project.name}: {change} is no move of its life or of a sanction (Art 21)",
				)
				stage = change["to"]
			self.assertEqual(
				stage, project.stage, f"{project.name}: its stage {project.stage} is not on record"
			)

	def test_every_declaration_in_a_plan_got_there_on_record(self):
		plan = frappe.get_all("Annual Plan", filters={"workflow_state": PlanState.PUBLISHED}, pluck="name")
		self.assertTrue(plan)
		# The demo's year only: other tests' supplements join their plans from 评审中 (Art 13 ¶2).
		in_plan = frappe.get_all(
			"Project Declaration",
			filters={"workflow_state": DeclarationState.IN_PLAN, "plan_year": PLAN_YEAR},
			pluck="name",
		)
		versions = frappe.get_all(
			"Version",
			filters={"ref_doctype": "Project Declaration", "docname": ("in", in_plan)},
			fields=["docname", "data"],
			limit=0,
		)
		# From 评审通过 through the plan, or from 评审中 through a supplementary request (Art 13 ¶2).
		recorded = {
			v.docname
			for v in versions
			for field, _old, new in json.loads(v.data).get("changed", [])
			if field == "workflow_state" and new == DeclarationState.IN_PLAN
		}
		self.assertEqual(recorded, set(in_plan))


class TestTypedErrors(FrappeTestCase):
	def test_a_rule_refusal_names_its_type_and_article_over_rest(self):
		a = Actors()
		clear_year(2091)
		api = ApiClient(a.office)
		plan = api.insert("Annual Plan", {"plan_year": 2091, "budget_amount": 100})
		self.assertEqual(plan.status_code, 200)
		empty = api.apply_workflow(
			"Annual Plan", plan.json["data"]["name"], PlanAction.SUBMIT_FOR_COUNTERSIGN
		)
		self.assertEqual(empty.status_code, 417)
		self.assertEqual(empty.json["exc_type"], "RegulationError")
		self.assertEqual(server_messages(empty)[-1]["article"], 10)
		again = api.insert("Annual Plan", {"plan_year": 2091, "budget_amount": 100})
		self.assertEqual(again.status_code, 409, "one plan a year: the plan's name (JH-year) is its key")

	def test_the_exception_carries_the_article(self):
		with self.assertRaises(RegulationError) as raised:
			throw("x", article=12)
		self.assertEqual(raised.exception.article, 12)
		self.assertIsInstance(raised.exception, frappe.ValidationError)
