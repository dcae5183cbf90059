"""计划内项目查询 (Plan Lookup, Art 13 ¶1): is a project in a published annual plan, which plan,
for which amount? The NDRC, the Finance Bureau and the Administrative Approval Bureau handle no
procedure for a project outside the plan, so they look it up here.

Four queries whatever the number of projects: how many match and the page of them the user may
read (the list view's permission conditions, so classified ones stay hidden, Art 25; whether a
project is in a published plan of the year asked is asked of the database), then the page's
published plan rows and project approvals.
"""

import frappe
from frappe import _
from frappe.model.db_query import DatabaseQuery

from govit_app.utils.reports import page_limit, page_summary, sql_in, units_under
from govit_app.vocabulary import YesNo
from govit_app.workflow.gates import published_items_for

TABLE = "`tabIT Project`"  # not aliased: Frappe's permission conditions name it so


@frappe.read_only()
def execute(filters: dict | None = None):
	filters = frappe._dict(filters or {})
	where = conditions(filters)
	total = frappe.db.sql(f"select count(*) from {TABLE} {where}")[0][0]
	projects = frappe.db.sql(
		f"select `name`, `project_name`, `unit`, `stage` from {TABLE} {where}"
		f" order by {TABLE}.`name` {page_limit(filters)}",
		as_dict=True,
	)
	names = [p.name for p in projects]
	items = published_items_for(names)
	approvals = approvals_of(names)
	rows = []
	for project in projects:
		entries = items.get(project.name, [])
		if filters.get("plan_year"):
			entries = [e for e in entries if str(e.plan_year) == str(filters.plan_year)]
		latest = entries[0] if entries else frappe._dict()
		approval = approvals.get(project.name, frappe._dict())
		rows.append(
			{
				"it_project": project.name,
				"project_name": project.project_name,
				"unit": project.unit,
				"stage": project.stage,
				"in_plan": YesNo.YES if entries else YesNo.NO,
				"annual_plan": latest.annual_plan,
				"plan_year": latest.plan_year,
				"plan_amount": latest.approved_amount,
				"supplementary_request": latest.supplementary_request,
				"project_approval": approval.name,
				"approval_no": approval.approval_no,
				"approved_amount": approval.approved_amount,
			}
		)
	return columns(), rows, None, None, page_summary(total, filters)


def conditions(filters: frappe._dict) -> str:
	"""The filters as SQL, with Frappe's read permissions on projects (the list view's)."""
	found = []
	if filters.get("it_project"):
		found.append(f"{TABLE}.`name` = {frappe.db.escape(filters.it_project)}")
	if filters.get("project_name"):
		found.append(f"{TABLE}.`project_name` like {frappe.db.escape(f'%{filters.project_name}%')}")
	units = units_under(filters.get("unit"))
	if units is not None:
		found.append(f"{TABLE}.`unit` in {sql_in(units)}")
	if filters.get("in_plan"):
		year = (
			f" and plan.`plan_year` = {frappe.db.escape(str(filters.plan_year))}"
			if filters.get("plan_year")
			else ""
		)
		in_a_plan = (
			"exists (select 1 from `tabAnnual Plan Item` item join `tabAnnual Plan` plan"
			" on plan.`name` = item.`parent` and item.`parenttype` = 'Annual Plan'"
			f" where item.`it_project` = {TABLE}.`name` and plan.`docstatus` = 1{year})"
		)
		found.append(in_a_plan if filters.in_plan == YesNo.YES else f"not {in_a_plan}")
	permitted = DatabaseQuery("IT Project").build_match_conditions()
	if permitted:
		found.append(f"({permitted})")
	return f"where {' and '.join(found)}" if found else ""


def approvals_of(projects: list[str]) -> dict[str, frappe._dict]:
	"""Each project's latest submitted Project Approval."""
	if not projects:
		return {}
	found = {}
	for row in frappe.get_all(
		"Project Approval",
		filters={"it_project": ("in", projects), "docstatus": 1},
		fields=["name", "it_project", "approval_no", "approved_amount"],
		order_by="approval_date asc",
		limit=0,
	):
		found[row.it_project] = row
	return found


def columns() -> list[dict]:
	return [
		{
			"fieldname": "it_project",
			"label": _("IT Project"),
			"fieldtype": "Link",
			"options": "IT Project",
			"width": 130,
		},
		{"fieldname": "project_name", "label": _("Project Name"), "fieldtype": "Data", "width": 220},
		{"fieldname": "unit", "label": _("Unit"), "fieldtype": "Link", "options": "Gov Unit", "width": 180},
		{"fieldname": "in_plan", "label": _("In a Published Plan"), "fieldtype": "Data", "width": 100},
		{
			"fieldname": "annual_plan",
			"label": _("Annual Plan"),
			"fieldtype": "Link",
			"options": "Annual Plan",
			"width": 120,
		},
		{"fieldname": "plan_year", "label": _("Plan Year"), "fieldtype": "Int", "width": 80},
		{
			"fieldname": "plan_amount",
			"label": _("Amount in the Plan (10k CNY)"),
			"fieldtype": "Float",
			"precision": 2,
			"width": 130,
		},
		{
			"fieldname": "supplementary_request",
			"label": _("Supplementary Request"),
			"fieldtype": "Link",
			"options": "Supplementary Request",
			"width": 130,
		},
		{
			"fieldname": "project_approval",
			"label": _("Project Approval"),
			"fieldtype": "Link",
			"options": "Project Approval",
			"width": 130,
		},
		{"fieldname": "approval_no", "label": _("Approval Document No."), "fieldtype": "Data", "width": 160},
		{
			"fieldname": "approved_amount",
			"label": _("Approved Amount (10k CNY)"),
			"fieldtype": "Float",
			"precision": 2,
			"width": 130,
		},
		{"fieldname": "stage", "label": _("Stage"), "fieldtype": "Data", "width": 90},
	]
