"""计划内项目查询 (Plan Lookup, Art 13 ¶1): is a project in a published annual plan, which plan,
for which amount? The NDRC, the Finance Bureau and the Administrative Approval Bureau handle no
procedure for a project outside the plan, so they look it up here.

Three queries whatever the number of projects: the projects the user may read (classified ones
stay hidden, Art 25), their published plan rows, their project approvals.
"""

import frappe
from frappe import _

from govit_app.vocabulary import YesNo
from govit_app.workflow.gates import published_items_for


def execute(filters: dict | None = None):
	filters = frappe._dict(filters or {})
	conditions = {}
	if filters.get("it_project"):
		conditions["name"] = filters.it_project
	if filters.get("project_name"):
		conditions["project_name"] = ("like", f"%{filters.project_name}%")
	if filters.get("unit"):
		conditions["unit"] = ("descendants of (inclusive)", filters.unit)
	projects = frappe.get_list(
		"IT Project",
		filters=conditions,
		fields=["name", "project_name", "unit", "stage"],
		order_by="name asc",
		limit_page_length=0,
	)
	names = [p.name for p in projects]
	items = published_items_for(names)
	approvals = approvals_of(names)
	rows = []
	for project in projects:
		entries = items.get(project.name, [])
		if filters.get("plan_year"):
			entries = [e for e in entries if str(e.plan_year) == str(filters.plan_year)]
		if filters.get("in_plan") and (filters.in_plan == YesNo.YES) != bool(entries):
			continue
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
	return columns(), rows


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
