"""The daily deadline job and the reports 时限预警 and 计划内项目查询 at N and 10×N projects (issue 10).

Seeds by bulk insert N projects under construction of a benchmark unit, in a published plan,
each with an open contract filing (a third due soon, a third overdue, a third later) and an
acceptance deadline (half of them passed). Measures in-process, at N and at 10×N projects:
  - the job's first run (every notice new) and its rerun (nothing left to send): time and SQL
    statements;
  - 时限预警 as the Office and as the unit's user (its first page and the count of each status),
    计划内项目查询 as Finance: time and SQL
    statements, against a plain Frappe list of the same projects and due dates (the baseline).
The seed is named `_Bench…`, committed, and removed at the start of the next run.
"""

import time

import frappe
from bench_site import connect, median_ms, timed
from frappe.utils import add_days, getdate, now_datetime

from govit_app import roles as R
from govit_app.deadlines.job import send_deadline_notices
from govit_app.govit.report.deadline_alerts.deadline_alerts import execute as deadline_alerts
from govit_app.govit.report.plan_lookup.plan_lookup import execute as plan_lookup
from govit_app.tests.utils import count_queries, ensure_unit, ensure_user
from govit_app.utils.calendar import add_working_days

args = connect(__doc__, projects=1000, repeat=5)
unit = ensure_unit("_Bench 时限单位")
unit_user = ensure_user("bench-deadline-unit@bench.local", [R.UNIT_USER], (unit,))
office = ensure_user("bench-deadline-office@bench.local", [R.OFFICE])
finance = ensure_user("bench-deadline-finance@bench.local", [R.FINANCE])
PLAN = "_BENCH-PLAN"


def clear() -> None:
	projects = frappe.get_all("IT Project", filters={"name": ("like", "_BENCH-DL-%")}, pluck="name", limit=0)
	for doctype in ("Contract Filing", "GovIT Deadline Notice"):
		frappe.db.delete(doctype, {"it_project": ("in", projects or [""])})
	frappe.db.delete("Notification Log", {"document_name": ("like", "_BENCH-%")})
	frappe.db.delete("Version", {"docname": ("like", "_BENCH-%")})
	frappe.db.delete("Annual Plan Item", {"parent": PLAN})
	frappe.db.delete("Annual Plan", {"name": PLAN})
	frappe.db.delete("IT Project", {"name": ("like", "_BENCH-DL-%")})
	frappe.db.commit()


def seed(total: int) -> None:
	"""`total` projects, with their open contract filings and plan rows."""
	have = 0
	today, now = getdate(), now_datetime()
	soon, later = add_working_days(today, 2, warn=False), add_working_days(today, 15, warn=False)
	late = add_days(today, -30)
	base = (now, now, "Administrator", "Administrator")
	if not frappe.db.exists("Annual Plan", PLAN):
		frappe.db.bulk_insert(
			"Annual Plan",
			[
				"creation",
				"modified",
				"owner",
				"modified_by",
				"name",
				"plan_year",
				"docstatus",
				"workflow_state",
			],
			[(*base, PLAN, 2050, 1, "已发布")],
		)
	names = [f"_BENCH-DL-{i:06d}" for i in range(have, total)]
	frappe.db.bulk_insert(
		"IT Project",
		[
			"creation",
			"modified",
			"owner",
			"modified_by",
			"name",
			"project_name",
			"unit",
			"secrecy_level",
			"project_category",
			"stage",
			"approved_amount",
			"acceptance_due_date",
		],
		[
			(
				*base,
				name,
				f"_Bench 项目 {i}",
				unit,
				"非涉密",
				"业务应用",
				"建设中",
				100,
				late if i % 2 else later,
			)
			for i, name in enumerate(names, start=have)
		],
	)
	frappe.db.bulk_insert(
		"Contract Filing",
		[
			"creation",
			"modified",
			"owner",
			"modified_by",
			"name",
			"it_project",
			"project_name",
			"unit",
			"secrecy_level",
			"workflow_state",
			"docstatus",
			"due_date",
			"is_overdue",
			"contract_amount",
		],
		[
			(
				*base,
				name.replace("DL", "HT"),
				name,
				f"_Bench 项目 {i}",
				unit,
				"非涉密",
				"草稿",
				0,
				(soon, late, later)[i % 3],
				0,
				50,
			)
			for i, name in enumerate(names, start=have)
		],
	)
	frappe.db.bulk_insert(
		"Annual Plan Item",
		[
			"creation",
			"modified",
			"owner",
			"modified_by",
			"name",
			"parent",
			"parenttype",
			"parentfield",
			"idx",
			"it_project",
			"unit",
			"approved_amount",
		],
		[
			(*base, f"_BENCH-API-{i:06d}", PLAN, "Annual Plan", "items", i + 1, name, unit, 100)
			for i, name in enumerate(names, start=have)
		],
	)
	frappe.db.commit()


def measured(fn, user: str = "Administrator") -> tuple[float, int, object]:
	"""Milliseconds and SQL statements of one call of `fn` as `user`, and its result."""
	frappe.set_user(user)
	try:
		with count_queries() as counter:
			start = time.perf_counter()
			result = fn()
			elapsed = (time.perf_counter() - start) * 1000
	finally:
		frappe.set_user("Administrator")
	return elapsed, counter["n"], result


def report_ms(fn, user: str, repeat: int) -> float:
	frappe.set_user(user)
	try:
		return median_ms(timed(fn, repeat))
	finally:
		frappe.set_user("Administrator")


def baseline() -> list:
	return frappe.get_list(
		"IT Project",
		filters={"name": ("like", "_BENCH-DL-%")},
		fields=["name", "project_name", "unit", "acceptance_due_date"],
		limit_page_length=0,
	)


def run_all() -> None:
	send_deadline_notices()
	for fn, user in ((deadline_alerts, office), (deadline_alerts, unit_user), (baseline, office)):
		measured(fn, user)
	measured(lambda: plan_lookup({"project_name": "_Bench"}), finance)


# Warm every cache (meta, permissions, settings, calendar) on a small round, and send today's notices
# of the site's own records, so that the rounds below count only what the size changes.
clear()
seed(20)
run_all()
frappe.db.commit()
print(
	f"{'projects':>9} {'job 1st run':>18} {'job rerun':>15} {'时限预警 Office':>20} {'时限预警 unit':>18} "
	f"{'计划内项目查询':>18} {'baseline list':>15}"
)
for total in (args.projects, args.projects * 10):
	clear()
	seed(total)
	first_ms, first_q, sent = measured(send_deadline_notices)
	frappe.db.commit()
	rerun_ms, rerun_q, resent = measured(send_deadline_notices)
	frappe.db.rollback()
	assert not any(resent.values()), resent
	_ms, office_q, office_result = measured(deadline_alerts, office)
	_ms, unit_q, _result = measured(deadline_alerts, unit_user)
	_ms, lookup_q, _result = measured(lambda: plan_lookup({"project_name": "_Bench"}), finance)
	_ms, base_q, _result = measured(baseline, office)
	office_ms = report_ms(deadline_alerts, office, args.repeat)
	unit_ms = report_ms(deadline_alerts, unit_user, args.repeat)
	lookup_ms = report_ms(lambda: plan_lookup({"project_name": "_Bench"}), finance, args.repeat)
	base_ms = report_ms(baseline, office, args.repeat)
	print(
		f"{total:>9} {first_ms:>9.0f} ms {first_q:>3} q {rerun_ms:>6.0f} ms {rerun_q:>3} q "
		f"{office_ms:>9.0f} ms {office_q:>3} q {unit_ms:>9.0f} ms {unit_q:>3} q "
		f"{lookup_ms:>9.0f} ms {lookup_q:>3} q {base_ms:>7.0f} ms {base_q:>2} q"
	)
	counts = {item["label"]: item["value"] for item in office_result[4]}
	print(
		f"{'':>9} notices sent: {dict(sent)}; 时限预警 for the Office: {len(office_result[1])} rows on its"
		f" first page of {counts}"
	)
clear()
