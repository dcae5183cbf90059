"""IT Projects and Project Declarations over REST against Frappe's plain ToDo, on the same site.

Measures, as a unit-scoped user (User Permission on a Gov Unit, permission hooks active):
  - creating documents through POST /api/resource (docs per second): IT Projects, and draft
    declarations with their funding rows (every Art 7-9, 12, 14, 17, 18 rule runs on save),
  - listing a page of 20 through GET /api/resource,
and, in-process, the number of SQL queries a unit user's project list takes with N and 10×N
projects (it must not grow). Prints each figure with the ToDo baseline and the ratio.
"""

import frappe
from bench_site import connect, median_ms, timed

from govit_app import roles as R
from govit_app.tests.plan_fixtures import declaration_values
from govit_app.tests.utils import ApiClient, count_queries, ensure_unit, ensure_user

args = connect(__doc__, creates=200, lists=50, projects=1000)
unit = ensure_unit("_Bench 测试单位")
other = ensure_unit("_Bench 其他单位")
user = ensure_user("bench-unit@bench.local", [R.UNIT_USER], (unit,))
# A plain user for the baseline: ToDo needs only the default desk access.
baseline_user = ensure_user("bench-plain@bench.local", [R.UNIT_USER])


def seed_projects(total: int) -> None:
	"""Bulk-insert projects (half of them another unit's) so that lists have something to filter."""
	have = frappe.db.count("IT Project", {"project_name": ("like", "_Bench%")})
	rows = [
		(f"_BENCH-{i:06d}", f"_Bench 项目 {i}", unit if i % 2 else other, "非涉密", "业务应用", "申报中")
		for i in range(have, total)
	]
	if rows:
		frappe.db.bulk_insert(
			"IT Project",
			["name", "project_name", "unit", "secrecy_level", "project_category", "stage"],
			rows,
			ignore_duplicates=True,
		)
		frappe.db.commit()


def create_rate(api: ApiClient, doctype: str, payload, n: int) -> float:
	def create():
		response = api.insert(doctype, payload())
		if response.status_code != 200:
			raise SystemExit(
				f"{api.user} could not create {doctype}: {response.status_code} {response.text[:300]}"
			)

	return n / sum(timed(create, n))


def list_ms(api: ApiClient, doctype: str, n: int) -> float:
	return median_ms(timed(lambda: api.get_list(doctype, limit_page_length=20), n))


def list_queries(total: int) -> int:
	seed_projects(total)
	frappe.set_user(user)
	with count_queries() as counter:
		frappe.get_list("IT Project", fields=["name", "project_name", "stage"], limit_page_length=20)
	frappe.set_user("Administrator")
	return counter["n"]


api = ApiClient(user)
plain = ApiClient(baseline_user)
seq = iter(range(10**9))

project_rate = create_rate(
	api,
	"IT Project",
	lambda: {"project_name": f"_Bench 新建 {next(seq)}", "unit": unit, "project_category": "其他"},
	args.creates,
)
draft = declaration_values(2090, unit, "")  # opens the 2090 round once, outside the timing
draft.pop("doctype")
declaration_rate = create_rate(
	api, "Project Declaration", lambda: {**draft, "project_name": f"_Bench 申报 {next(seq)}"}, args.creates
)
todo_rate = create_rate(
	plain,
	"ToDo",
	lambda: {"description": f"_Bench todo {next(seq)}", "allocated_to": baseline_user},
	args.creates,
)
seed_projects(args.projects)
project_list = list_ms(api, "IT Project", args.lists)
todo_list = list_ms(plain, "ToDo", args.lists)
small, large = list_queries(args.projects), list_queries(args.projects * 10)

print(
	f"create over REST      IT Project {project_rate:7.1f} docs/s   ToDo {todo_rate:7.1f} docs/s   ratio {project_rate / todo_rate:.2f}"
)
print(
	f"create over REST      Project Declaration {declaration_rate:7.1f} docs/s   ToDo {todo_rate:7.1f} docs/s   ratio {declaration_rate / todo_rate:.2f}"
)
print(
	f"list 20 over REST     IT Project {project_list:7.1f} ms       ToDo {todo_list:7.1f} ms       ratio {project_list / todo_list:.2f}"
)
print(
	f"queries for a unit user's list: {small} with {args.projects} projects, {large} with {args.projects * 10}"
)
