"""年度计划汇总: the annual plans by year, unit and nature — how many projects, what was declared,
recommended by the experts, planned, approved by the NDRC (Art 12) and added in the year
(Art 13) — with the totals and each year's budget.

One query over the plans' items, joined with their declarations, the NDRC's approvals and the
projects (whose secrecy level decides who sees a row, Art 25), and one for the budgets: the
number of queries does not depend on the number of items.
"""

import frappe
from frappe import _

from govit_app.permissions.hooks import classified_condition
from govit_app.utils.reports import amount_column, bar_chart, column, sql_in, summary_item, units_under

AMOUNTS = (
	"declared_amount",
	"recommended_amount",
	"planned_amount",
	"approved_amount",
	"supplementary_amount",
)


@frappe.read_only()
def execute(filters: dict | None = None):
	filters = frappe._dict(filters or {})
	rows = read(filters)
	budget = budget_of(filters)
	return columns(), rows, None, chart(rows), summary(rows, budget)


def plan_conditions(filters: frappe._dict) -> list[str]:
	found = ["plan.`docstatus` = 1" if filters.get("published_only") else "plan.`docstatus` < 2"]
	if filters.get("plan_year"):
		found.append(f"plan.`plan_year` = {int(filters.plan_year)}")
	return found


def read(filters: frappe._dict) -> list[frappe._dict]:
	where = plan_conditions(filters)
	units = units_under(filters.get("unit"))
	if units is not None:
		where.append(f"item.`unit` in {sql_in(units)}")
	if filters.get("project_nature"):
		where.append(f"item.`project_nature` = {frappe.db.escape(filters.project_nature)}")
	secrecy = classified_condition("project")
	if secrecy:
		where.append(f"(item.`it_project` is null or {secrecy})")
	return frappe.db.sql(
		f"""
		select cast(plan.`plan_year` as char) as `plan_year`, item.`unit`, item.`project_nature`,
			count(*) as `projects`,
			cast(sum(item.`needs_approval`) as signed) as `needing_approval`,
			round(sum(ifnull(declaration.`estimate_amount`, 0)), 2) as `declared_amount`,
			round(sum(ifnull(item.`recommended_amount`, 0)), 2) as `recommended_amount`,
			round(sum(ifnull(item.`approved_amount`, 0)), 2) as `planned_amount`,
			round(sum(ifnull(approval.`approved_amount`, 0)), 2) as `approved_amount`,
			round(sum(if(item.`is_supplementary`, ifnull(item.`approved_amount`, 0), 0)), 2)
				as `supplementary_amount`
		from `tabAnnual Plan Item` item
		join `tabAnnual Plan` plan on plan.`name` = item.`parent` and item.`parenttype` = 'Annual Plan'
		left join `tabProject Declaration` declaration on declaration.`name` = item.`project_declaration`
		left join `tabIT Project` project on project.`name` = item.`it_project`
		left join (
			select `annual_plan`, `it_project`, sum(`approved_amount`) as `approved_amount`
			from `tabProject Approval` where `docstatus` = 1 group by `annual_plan`, `it_project`
		) approval on approval.`annual_plan` = plan.`name` and approval.`it_project` = item.`it_project`
		where {" and ".join(where)}
		group by plan.`plan_year`, item.`unit`, item.`project_nature`
		order by plan.`plan_year` desc, `planned_amount` desc, item.`unit`, item.`project_nature`
		""",
		as_dict=True,
	)


def budget_of(filters: frappe._dict) -> float:
	"""The budget of the plans in view (one per year)."""
	budget = frappe.db.sql(
		f"select sum(ifnull(plan.`budget_amount`, 0)) from `tabAnnual Plan` plan where {' and '.join(plan_conditions(filters))}"
	)
	return round(budget[0][0] or 0, 2)


def columns() -> list[dict]:
	return [
		column("plan_year", _("Plan Year"), "Data", width=80),
		column("unit", _("Unit"), "Link", "Gov Unit", width=200),
		column("project_nature", _("Project Nature"), width=90),
		column("projects", _("Projects"), "Int", width=80),
		column("needing_approval", _("Needing Approval (Art 12)"), "Int", width=110),
		amount_column("declared_amount", _("Declared Amount")),
		amount_column("recommended_amount", _("Recommended Amount")),
		amount_column("planned_amount", _("Planned Amount")),
		amount_column("approved_amount", _("Approved Amount")),
		amount_column("supplementary_amount", _("Supplementary Amount (Art 13)"), width=130),
	]


def chart(rows: list[frappe._dict]) -> dict:
	"""Planned amount per unit, one stacked part per nature."""
	units = list(dict.fromkeys(row.unit for row in rows))
	natures = list(dict.fromkeys(row.project_nature for row in rows))
	planned = {(row.unit, row.project_nature): 0.0 for row in rows}
	for row in rows:
		planned[(row.unit, row.project_nature)] += row.planned_amount or 0
	return bar_chart(
		units,
		{nature: [round(planned.get((unit, nature), 0), 2) for unit in units] for nature in natures},
		stacked=True,
	)


def summary(rows: list[frappe._dict], budget: float) -> list[dict]:
	planned = round(sum(row.planned_amount or 0 for row in rows), 2)
	return [
		summary_item(_("Projects"), sum(row.projects for row in rows)),
		summary_item(_("Planned Amount (10k CNY)"), planned, "Float"),
		summary_item(_("Budget (10k CNY)"), budget, "Float", "Green"),
		summary_item(
			_("Over Budget") if planned > budget else _("Within Budget"),
			round(abs(budget - planned), 2),
			"Float",
			"Red" if planned > budget else "Green",
		),
		summary_item(
			_("Approved Amount (10k CNY)"), round(sum(row.approved_amount or 0 for row in rows), 2), "Float"
		),
	]
