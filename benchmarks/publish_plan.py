"""Publishing an annual plan (Art 11): the Leading Group's 审议通过并发布 on a plan of N items,
against a plan of N/10 — time and queries of the one step that moves every declaration to
已纳入计划 and every project to its plan stage and amount (with a Version each). The queries
are counted for the whole step and for the app's own part (`enter_plan`); the rest is Frappe
submitting the document, which writes each child row once.

The passed declarations and their projects are seeded by bulk insert (the expert review is
measured elsewhere); the plan itself is drawn up, countersigned and sent to deliberation
through the real workflow, outside the timing.
"""

import time
from unittest.mock import patch

import frappe
from bench_site import connect, seed_declared_projects

from govit_app.govit.doctype.annual_plan import annual_plan
from govit_app.govit.doctype.annual_plan.annual_plan import pull_declarations
from govit_app.tests.plan_fixtures import Actors, act_as, clear_year, decide_as
from govit_app.tests.utils import count_queries, ensure_unit
from govit_app.utils.settings import get_settings
from govit_app.vocabulary import (
	DeclarationState,
	PlanAction,
	ProjectStage,
	ReviewResult,
)

args = connect(__doc__, items=500)
actors = Actors()
units = [ensure_unit(f"_Bench 计划单位{k}") for k in range(10)]


def seed(year: int, count: int) -> None:
	"""`count` declarations of `year` that passed the review, each with its project."""
	clear_year(year)
	seed_declared_projects(
		f"_BENCH-{year}",
		range(count),
		units,
		year,
		project={"stage": ProjectStage.REVIEWED},
		declaration={
			"estimate_amount": 40,
			"recommended_amount": 30,
			"review_result": ReviewResult.PASSED,
			"workflow_state": DeclarationState.PASSED,
		},
	)
	frappe.db.commit()


def plan_in_deliberation(year: int) -> str:
	"""The Office draws the plan up from every passed declaration; the departments countersign."""
	plan = frappe.get_doc({"doctype": "Annual Plan", "plan_year": year, "budget_amount": 10**6}).insert()
	pull_declarations(plan.name)
	act_as(actors.office, "Annual Plan", plan.name, PlanAction.SUBMIT_FOR_COUNTERSIGN)
	for function in get_settings().plan_countersign_departments:
		decide_as(actors.by_function[function], "Annual Plan", plan.name)
	act_as(actors.office2, "Annual Plan", plan.name, PlanAction.SUBMIT_FOR_DELIBERATION)
	frappe.db.set_value("Annual Plan", plan.name, "leading_group_meeting", f"_Bench 会议纪要〔{year}〕1号")
	frappe.db.commit()
	return plan.name


def publish(year: int, count: int) -> tuple[float, int, int]:
	"""Seconds, queries of the step, queries of the app's `enter_plan`."""
	seed(year, count)
	plan = plan_in_deliberation(year)
	assert len(frappe.get_doc("Annual Plan", plan).items) == count, "the plan did not take every declaration"
	own = {"n": 0}

	def counted_enter_plan(*args):
		with count_queries() as counter:
			enter_plan(*args)
		own["n"] += counter["n"]

	enter_plan = annual_plan.enter_plan
	with count_queries() as counter, patch.object(annual_plan, "enter_plan", counted_enter_plan):
		start = time.perf_counter()
		act_as(actors.leader, "Annual Plan", plan, PlanAction.PUBLISH)
		elapsed = time.perf_counter() - start
	in_plan = frappe.db.count(
		"IT Project", {"name": ("like", f"_BENCH-{year}-XM-%"), "stage": ProjectStage.IN_PLAN}
	)
	assert in_plan == count, f"{in_plan} of {count} projects entered the plan"
	return elapsed, counter["n"], own["n"]


small = max(args.items // 10, 1)
for year, items in ((2096, small), (2097, args.items)):
	seconds, queries, own = publish(year, items)
	print(
		f"publish a plan of {items:>4} items: {seconds * 1000:7.0f} ms, {queries:4} queries"
		f" ({own} of them the app's enter_plan)"
	)
