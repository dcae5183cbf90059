"""项目台账 at province scale: time and query count with N projects, against N/10.

Seeds N IT Projects (one 新建 declaration each, half of them in a published plan, a quarter
approved by the NDRC) by bulk insert, copies their facts onto the projects as the patch of an
existing site does (`facts.refresh()`, timed), then runs the ledger as the Office, on its first
page (500 rows, totals and chart over every project) and filtered to one unit: in-process (the
report's own work, median of several runs) and over REST (`frappe.desk.query_report.run`, what
the desk waits for: permissions, Frappe's row filtering and the JSON of the rows). The query
count must be the same at N/10 and N projects; the goal is at most 1 s at 100,000.
"""

import json
import time

import frappe
from bench_site import connect, median_ms, seed_declared_projects, timed

from govit_app import roles as R
from govit_app.govit.doctype.it_project.facts import refresh
from govit_app.govit.report.project_ledger.project_ledger import execute
from govit_app.tests.utils import ApiClient, count_queries, ensure_unit, ensure_user
from govit_app.vocabulary import (
	DeclarationState,
	PlanState,
	ProjectNature,
	ProjectStage,
)

args = connect(__doc__, projects=10_000, repeat=3)
YEAR = 2095  # the benchmark's plan year
PLAN = f"_BENCH-JH-{YEAR}"
units = [ensure_unit(f"_Bench 台账单位{k}") for k in range(10)]
office = ensure_user("bench-office@bench.local", [R.OFFICE])


def seeded() -> int:
	return frappe.db.count("IT Project", {"name": ("like", "_BENCH-XM-%")})


def seed(total: int) -> None:
	"""Projects, declarations, plan items and approvals up to `total` projects (idempotent)."""
	have = seeded()
	if have >= total:
		return
	if not frappe.db.exists("Annual Plan", PLAN):
		frappe.db.bulk_insert(
			"Annual Plan",
			["name", "plan_year", "title", "docstatus", "workflow_state", "published_on", "budget_amount"],
			[(PLAN, YEAR, f"_Bench {YEAR}", 1, PlanState.PUBLISHED, f"{YEAR - 1}-12-20", 10**6)],
		)
	numbers = range(have, total)
	seed_declared_projects(
		"_BENCH",
		numbers,
		units,
		YEAR,
		project={"stage": ProjectStage.IN_PLAN, "approved_amount": 30},
		declaration={
			"estimate_amount": 40,
			"declaration_date": f"{YEAR - 1}-08-01",
			"workflow_state": DeclarationState.IN_PLAN,
		},
	)
	frappe.db.bulk_insert(
		"Annual Plan Item",
		[
			"name",
			"parent",
			"parenttype",
			"parentfield",
			"idx",
			"docstatus",
			"project_declaration",
			"it_project",
			"unit",
			"project_nature",
			"approved_amount",
		],
		[
			(
				f"_BENCH-JHI-{i:06d}",
				PLAN,
				"Annual Plan",
				"items",
				i + 1,
				1,
				f"_BENCH-SB-{i:06d}",
				f"_BENCH-XM-{i:06d}",
				units[i % 10],
				ProjectNature.NEW,
				35,
			)
			for i in numbers
			if i % 2 == 0
		],
	)
	frappe.db.bulk_insert(
		"Project Approval",
		["name", "it_project", "annual_plan", "approval_no", "approval_date", "approved_amount", "docstatus"],
		[
			(f"_BENCH-LX-{i:06d}", f"_BENCH-XM-{i:06d}", PLAN, f"_Bench {i}", f"{YEAR}-02-01", 30, 1)
			for i in numbers
			if i % 4 == 0
		],
	)
	frappe.db.commit()


def in_process(filters: dict) -> tuple[float, int, int]:
	"""Median ms, queries and rows of the report's own work, as the Office."""
	frappe.set_user(office)
	try:
		execute(filters)  # caches warm
		with count_queries() as counter:
			rows = len(execute(filters)[1])
		return median_ms(timed(lambda: execute(filters), args.repeat)), counter["n"], rows
	finally:
		frappe.set_user("Administrator")


def over_rest(api: ApiClient, filters: dict) -> float:
	def run():
		response = api.call(
			"frappe.desk.query_report.run", report_name="Project Ledger", filters=json.dumps(filters)
		)
		if response.status_code != 200:
			raise SystemExit(f"Project Ledger over REST: {response.status_code} {response.text[:300]}")

	run()
	return median_ms(timed(run, args.repeat))


def seed_facts() -> float:
	"""Seconds to copy every project's facts onto it (what the patch does on an existing site)."""
	start = time.perf_counter()
	refresh()
	frappe.db.commit()
	return time.perf_counter() - start


api = ApiClient(office)
figures = []
for total in (max(args.projects // 10, 1), args.projects):
	seed(total)
	print(f"facts of {seeded()} projects copied onto them in {seed_facts():.1f} s (once, as the patch does)")
	for label, filters in (("first page", {}), ("plan year", {"plan_year": YEAR})):
		ms, queries, rows = in_process(filters)
		figures.append(queries)
		print(
			f"项目台账 {seeded():>7} projects, {label} ({rows} rows): in-process {ms:7.0f} ms, {queries} queries;"
			f" over REST {over_rest(api, filters):7.0f} ms"
		)
unit_ms, _queries, unit_rows = in_process({"unit": units[0], "page_length": 0})
print(f"项目台账 one unit of ten, every row ({unit_rows} rows): in-process {unit_ms:7.0f} ms")
print(
	"query count independent of the number of projects: "
	+ ("yes" if len(set(figures)) == 1 else f"NO ({figures})")
)
