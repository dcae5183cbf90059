"""项目台账: every IT Project the reader may see, with its unit, nature, stage, the amounts of its
life (declared, planned, approved, contracted), its dates and due dates, latest grade and
sanction.

One query reads the projects (through the same permission conditions as the list view, the
classified-record rule of Art 25 included) joined with the newest document of each source in
`facts.FACT_SOURCES`: the number of queries does not depend on the number of projects.
"""

from collections import Counter

import frappe
from frappe import _
from frappe.model.db_query import DatabaseQuery

from govit_app.govit.report.project_ledger.facts import FACT_SOURCES, Fact, FactSource
from govit_app.utils.reports import (
	amount_column,
	bar_chart,
	column,
	sql_in,
	summary_item,
	units_under,
)
from govit_app.vocabulary import ProjectStage

PROJECT = "IT Project"
TABLE = f"`tab{PROJECT}`"  # not aliased: Frappe's permission conditions name it so
PROJECT_FIELDS = (
	"name",
	"project_name",
	"unit",
	"secrecy_level",
	"project_category",
	"stage",
	"approved_amount",
	"contract_amount",
	"latest_grade",
)


@frappe.read_only()
def execute(filters: dict | None = None):
	filters = frappe._dict(filters or {})
	sources = installed(FACT_SOURCES)
	rows = read(filters, sources)
	for row in rows:
		row.overdue = int(
			any(row.get(fact.fieldname) for source in sources for fact in source.facts if fact.overdue)
		)
	if filters.get("overdue_only"):
		rows = [row for row in rows if row.overdue]
	return columns(), rows, None, chart(rows), summary(rows)


def installed(sources: list[FactSource]) -> list[FactSource]:
	"""The sources whose DocType (and parent) are on this site, each with the facts it has fields for."""
	doctypes = {s.doctype for s in sources} | {s.parent_doctype for s in sources if s.parent_doctype}
	present = set(frappe.get_all("DocType", filters={"name": ("in", sorted(doctypes))}, pluck="name"))
	found = []
	for source in sources:
		if source.doctype not in present or (source.parent_doctype and source.parent_doctype not in present):
			continue
		facts = tuple(fact for fact in source.facts if has_field(source, fact.field))
		if facts and all(has_field(source, field) for field, _op, _v in source.conditions):
			found.append(FactSource(**{**source.__dict__, "facts": facts}))
	return found


def has_field(source: FactSource, field: str) -> bool:
	doctype, field = (
		(source.parent_doctype, field.removeprefix("parent."))
		if field.startswith("parent.")
		else (source.doctype, field)
	)
	return field in ("name", "docstatus", "creation") or frappe.get_meta(doctype).has_field(field)


def read(filters: frappe._dict, sources: list[FactSource]) -> list[frappe._dict]:
	selected = [f"{TABLE}.`{field}`" for field in PROJECT_FIELDS]
	joins = []
	fact_columns = {}
	projects = project_conditions(filters)
	for index, source in enumerate(sources):
		alias = f"`source_{index}`"
		for fact in source.facts:
			selected.append(f"{alias}.`{fact.fieldname}`")
			fact_columns[fact.fieldname] = f"{alias}.`{fact.fieldname}`"
		joins.append(f"left join ({newest(source, projects)}) {alias} on {alias}.`_project` = {TABLE}.`name`")
	where = projects + fact_conditions(filters, fact_columns)
	query = "select {} from {} {} {} order by {}.`name`".format(
		", ".join(selected),
		TABLE,
		" ".join(joins),
		f"where {' and '.join(where)}" if where else "",
		TABLE,
	)
	return frappe.db.sql(query, as_dict=True)


def newest(source: FactSource, projects: list[str]) -> str:
	"""The newest counting document of `source` per project, with its facts as columns; only for
	the projects meeting `projects` (the ledger's own conditions), so a filtered ledger reads less."""
	parent_join = (
		f" join `tab{source.parent_doctype}` parent on parent.`name` = t.`parent`"
		f" and t.`parenttype` = {frappe.db.escape(source.parent_doctype)}"
		if source.parent_doctype
		else ""
	)
	where = [f"t.`{source.link_field}` is not null", *(condition(c) for c in source.conditions)]
	if projects:
		where.append(
			f"t.`{source.link_field}` in (select `name` from {TABLE} where {' and '.join(projects)})"
		)
	order = ", ".join(f"t.`{field}` desc" for field in source.newest_by)
	facts = ", ".join(f"{sql_field(fact)} as `{fact.fieldname}`" for fact in source.facts)
	return (
		f"select * from (select t.`{source.link_field}` as `_project`, {facts},"
		f" row_number() over (partition by t.`{source.link_field}` order by {order}) as `_rank`"
		f" from `tab{source.doctype}` t{parent_join} where {' and '.join(where)}) ranked where `_rank` = 1"
	)


def sql_field(fact: Fact) -> str:
	field = (
		f"parent.`{fact.field.removeprefix('parent.')}`"
		if fact.field.startswith("parent.")
		else f"t.`{fact.field}`"
	)
	# A number shown as text (a year) is not added up in the totals row.
	return f"cast({field} as char)" if fact.fieldtype == "Data" else field


def condition(spec: tuple[str, str, object]) -> str:
	field, operator, value = spec
	if operator == "is set":
		return f"ifnull(t.`{field}`, '') != ''"
	if operator not in ("=", "<"):
		raise ValueError(f"unsupported operator {operator}")
	return f"t.`{field}` {operator} {frappe.db.escape(value)}"


def project_conditions(filters: frappe._dict) -> list[str]:
	"""The filters on the project itself as SQL, and Frappe's read permissions on projects (the
	list view's, the classified-record rule of Art 25 included)."""
	found = []
	units = units_under(filters.get("unit"))
	if units is not None:
		found.append(f"{TABLE}.`unit` in {sql_in(units)}")
	for field in ("stage", "project_category"):
		if filters.get(field):
			found.append(f"{TABLE}.`{field}` = {frappe.db.escape(filters[field])}")
	permitted = DatabaseQuery(PROJECT).build_match_conditions()
	if permitted:
		found.append(f"({permitted})")
	return found


def fact_conditions(filters: frappe._dict, fact_columns: dict[str, str]) -> list[str]:
	"""A filter on a fact (nature, plan year) filters on what the ledger shows: the newest declaration's."""
	return [
		f"{fact_columns[field]} = {frappe.db.escape(filters[field])}"
		for field in ("project_nature", "plan_year")
		if filters.get(field) and field in fact_columns
	]


def columns() -> list[dict]:
	facts = {fact.fieldname: fact for source in FACT_SOURCES for fact in source.facts}

	def fact_column(fieldname: str) -> dict:
		fact = facts[fieldname]
		if fact.fieldtype == "Float":
			return amount_column(fact.fieldname, _(fact.label))
		options = "Project Declaration" if fact.fieldtype == "Link" else None
		return column(fact.fieldname, _(fact.label), fact.fieldtype, options, width=fact.width)

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
		*(fact_column(name) for name in facts if name not in listed),
		column("latest_grade", _("Latest Grade"), width=80),
		column("overdue", _("Overdue"), "Check", width=70),
		fact_column("declaration"),
	]


def chart(rows: list[frappe._dict]) -> dict:
	"""Projects per stage, in the order of the life cycle."""
	counts = Counter(row.stage for row in rows)
	stages = [stage.value for stage in ProjectStage if counts[stage]]
	return bar_chart(stages, {_("Projects"): [counts[stage] for stage in stages]})


def summary(rows: list[frappe._dict]) -> list[dict]:
	def total(field: str) -> float:
		return round(sum(row.get(field) or 0 for row in rows), 2)

	overdue = sum(row.overdue for row in rows)
	return [
		summary_item(_("Projects"), len(rows)),
		summary_item(_("Declared Amount (10k CNY)"), total("declared_amount"), "Float"),
		summary_item(_("Planned Amount (10k CNY)"), total("planned_amount"), "Float"),
		summary_item(_("Approved Amount (10k CNY)"), total("approved_amount"), "Float", "Green"),
		summary_item(_("Contract Amount (10k CNY)"), total("contract_amount"), "Float", "Green"),
		summary_item(_("Overdue"), overdue, indicator="Red" if overdue else "Green"),
	]
