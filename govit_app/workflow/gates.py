"""Gates between the steps of a project's life that Frappe's workflow engine cannot see.

`assert_in_plan` is Art 13's gate: every document after the plan (Project Approval,
Contract Filing, acceptance…) calls it before it is made. The predicate is
`govit_app.rules.plan_gate`.

`assert_project_active` is Art 21's (DESIGN rule 13): a project whose construction a
rectification notice suspended, or which one terminated, takes no further document, and the
refusal names the notice. `assert_in_plan` calls it, so every document after the plan passes
it; the documents before or outside the plan (declarations, O&M self-evaluations) call it
themselves. The predicate is `govit_app.rules.supervision.check_project_active`.
"""

import frappe
from frappe import _

from govit_app.rules.plan_gate import PlanStanding, check_in_plan
from govit_app.rules.supervision import Stop, check_project_active
from govit_app.utils.findings import throw_if_blocking
from govit_app.vocabulary import Sanction


def published_items(it_project: str) -> list[dict]:
	"""The project's rows in published Annual Plans, the latest plan year first."""
	return published_items_for([it_project]).get(it_project, [])


def published_items_for(projects: list[str]) -> dict[str, list[dict]]:
	"""Each project's rows in published Annual Plans, the latest plan year first, in one query."""
	if not projects:
		return {}
	item = frappe.qb.DocType("Annual Plan Item")
	plan = frappe.qb.DocType("Annual Plan")
	rows = (
		frappe.qb.from_(item)
		.join(plan)
		.on(plan.name == item.parent)
		.select(
			item.it_project,
			item.parent.as_("annual_plan"),
			plan.plan_year,
			item.project_declaration,
			item.project_nature,
			item.approved_amount,
			item.needs_approval,
			item.is_supplementary,
			item.supplementary_request,
		)
		.where(
			(item.parenttype == "Annual Plan") & item.it_project.isin(list(projects)) & (plan.docstatus == 1)
		)
		.orderby(plan.plan_year, order=frappe.qb.desc)
		.run(as_dict=True)
	)
	found: dict[str, list[dict]] = {}
	for row in rows:
		found.setdefault(row.it_project, []).append(row)
	return found


def plan_standing(it_project: str, items: list[dict] | None = None) -> PlanStanding:
	items = published_items(it_project) if items is None else items
	supplements = frappe.get_all(
		"Supplementary Request", filters={"it_project": it_project, "docstatus": 1}, pluck="name"
	)
	return PlanStanding(
		it_project,
		published_plans=tuple(row.annual_plan for row in items),
		approved_supplements=tuple(supplements),
	)


def assert_in_plan(it_project: str, doctype: str, items: list[dict] | None = None) -> None:
	"""Refuse a `doctype` document for a project outside the plan (Art 13), or stopped (Art 21)."""
	assert_project_active(it_project, doctype)
	throw_if_blocking(
		check_in_plan(plan_standing(it_project, items), _(doctype)),
		doctype,
		title=_("Not in the annual plan"),
	)


def project_stops(it_project: str) -> list[Stop]:
	"""The suspensions in force and the termination of `it_project` (one query)."""
	row = frappe.qb.DocType("Rectification Sanction")
	notice = frappe.qb.DocType("Rectification Notice")
	found = (
		frappe.qb.from_(row)
		.join(notice)
		.on(notice.name == row.parent)
		.select(row.parent, row.sanction, row.decided_on)
		.where(
			(row.parenttype == "Rectification Notice")
			& (notice.it_project == it_project)
			& row.sanction.isin([Sanction.SUSPEND, Sanction.TERMINATE])
			& row.lifted_on.isnull()
		)
		.orderby(row.decided_on)
		.run()
	)
	return [Stop(name, sanction, decided_on) for name, sanction, decided_on in found]


def assert_project_active(it_project: str | None, doctype: str, allow_suspended: bool = False) -> None:
	"""Refuse a `doctype` document for a suspended or terminated project, naming the notice (Art 21)."""
	if not it_project:
		return
	throw_if_blocking(
		check_project_active(it_project, project_stops(it_project), _(doctype), allow_suspended),
		doctype,
		title=_("Project stopped"),
	)
