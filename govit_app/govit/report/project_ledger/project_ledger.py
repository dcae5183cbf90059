"""项目台账: every IT Project the reader may see, with its unit, nature, stage, the amounts of its
life (declared, planned, approved, contracted), its dates and due dates, latest grade and
sanction.

The project carries what its documents say (`it_project/facts.py`), so the ledger reads one
table through the same permission conditions as the list view (the classified-record rule of
Art 25 included): one query for the totals and the chart over every matching project, one for
the page of rows shown, the projects changed last first (as Frappe's lists, on its index).
Neither grows with the number of projects; a page keeps the desk and the wire light at a
province's hundred thousand projects, and a page length of 0 shows (and exports) them all.
"""

import frappe
from frappe import _
from frappe.model.db_query import DatabaseQuery

from govit_app.govit.doctype.it_project.facts import FACT_SOURCES, OVERDUE_FIELDS
from govit_app.utils.reports import (
	amount_column,
	bar_chart,
	column,
	page_limit,
	page_summary,
	sql_in,
	summary_item,
	units_under,
)
from govit_app.vocabulary import ProjectStage

PROJECT = "IT Project"
TABLE = f"`tab{PROJECT}`"  # not aliased: Frappe's permission conditions name it so
FACTS = {fact.fieldname: fact for source in FACT_SOURCES for fact in source.facts}
OVERDUE = "({})".format(" or ".join(f"ifnull({TABLE}.`{field}`, 0) = 1" for field in OVERDUE_FIELDS))
AMOUNTS = ("declared_amount", "planned_amount", "approved_amount", "contract_amount")


@frappe.read_only()
def execute(filters: dict | None = None):
	filters = frappe._dict(filters or {})
	where = conditions(filters)
	totals = read_totals(where)
	rows = read_page(where, filters)
	return columns(), rows, None, chart(totals), summary(totals, filters)


def conditions(filters: frappe._dict) -> str:
	"""The filters as SQL, and Frappe's read permissions on projects (the list view's)."""
	found = []
	units = units_under(filters.get("unit"))
	if units is not None:
		found.append(f"{TABLE}.`unit` in {sql_in(units)}")
	for field in ("stage", "project_category", "project_nature", "plan_year"):
		if filters.get(field):
			found.append(f"{TABLE}.`{field}` = {frappe.db.escape(str(filters[field]))}")
	if filters.get("overdue_only"):
		found.append(OVERDUE)
	permitted = DatabaseQuery(PROJECT).build_match_conditions()
	if permitted:
		found.append(f"({permitted})")
	return f"where {' and '.join(found)}" if found else ""


def read_totals(where: str) -> list[frappe._dict]:
	"""Per stage: the projects, their amounts and how many are overdue."""
	sums = ", ".join(f"sum(ifnull({TABLE}.`{field}`, 0)) as `{field}`" for field in AMOUNTS)
	return frappe.db.sql(
		f"select {TABLE}.`stage`, count(*) as `projects`, {sums}, sum({OVERDUE}) as `overdue`"
		f" from {TABLE} {where} group by {TABLE}.`stage`",
		as_dict=True,
	)


def read_page(where: str, filters: frappe._dict) -> list[frappe._dict]:
	fields = ", ".join(f"{TABLE}.`{c['fieldname']}`" for c in columns() if c["fieldname"] != "overdue")
	return frappe.db.sql(
		f"select {fields}, {OVERDUE} as `overdue` from {TABLE} {where}"
		f" order by {TABLE}.`modified` desc, {TABLE}.`name` desc {page_limit(filters)}",
		as_dict=True,
	)


def columns() -> list[dict]:
	def fact_column(fieldname: str) -> dict:
		fact = FACTS[fieldname]
		if fact.fieldtype == "Float":
			return amount_column(fact.fieldname, _(fact.label))
		options = "Project Declaration" if fieldname == "declaration" else None
		fieldtype = "Link" if options else fact.fieldtype
		return column(fact.fieldname, _(fact.label), fieldtype, options, width=fact.width)

	listed = {
		"declaration",
		"project_nature",
		"plan_year",
		"declared_amount",
		"planned_amount",
		"declaration_date",
		"published_on",
		"approval_date",
	}
	return [
		column("name", _("IT Project"), "Link", PROJECT, width=130),
		column("project_name", _("Project Name"), width=220),
		column("unit", _("Unit"), "Link", "Gov Unit", width=180),
		fact_column("project_nature"),
		column("project_category", _("Project Category"), width=100),
		column("stage", _("Stage"), width=90),
		column("secrecy_level", _("Secrecy Level"), width=80),
		fact_column("plan_year"),
		fact_column("declared_amount"),
		fact_column("planned_amount"),
		amount_column("approved_amount", _("Approved Amount")),
		amount_column("contract_amount", _("Contract Amount")),
		fact_column("declaration_date"),
		fact_column("published_on"),
		fact_column("approval_date"),
		*(fact_column(name) for name in FACTS if name not in listed),
		column("latest_grade", _("Latest Grade"), width=80),
		column("overdue", _("Overdue"), "Check", width=70),
		fact_column("declaration"),
	]


def chart(totals: list[frappe._dict]) -> dict:
	"""Projects per stage, in the order of the life cycle."""
	counts = {row.stage: row.projects for row in totals}
	stages = [stage.value for stage in ProjectStage if counts.get(stage)]
	return bar_chart(stages, {_("Projects"): [counts[stage] for stage in stages]})


def summary(totals: list[frappe._dict], filters: frappe._dict) -> list[dict]:
	def total(field: str) -> float:
		return round(sum(row.get(field) or 0 for row in totals), 2)

	projects, overdue = int(total("projects")), int(total("overdue"))
	return [
		summary_item(_("Projects"), projects),
		summary_item(_("Declared Amount (10k CNY)"), total("declared_amount"), "Float"),
		summary_item(_("Planned Amount (10k CNY)"), total("planned_amount"), "Float"),
		summary_item(_("Approved Amount (10k CNY)"), total("approved_amount"), "Float", "Green"),
		summary_item(_("Contract Amount (10k CNY)"), total("contract_amount"), "Float", "Green"),
		summary_item(_("Overdue"), overdue, indicator="Red" if overdue else "Green"),
		*page_summary(projects, filters),
	]
