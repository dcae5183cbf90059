"""Where projects and declarations stand, moved for many at once in one statement each.

A plan of N projects is published with the same number of queries as a plan of one: no
query inside a loop over projects (CONTRIBUTING).
"""

import frappe
from frappe.query_builder import Case
from frappe.utils import now_datetime

# IT Project.stage (DESIGN §2)
REVIEWED = "已评审"
IN_PLAN = "已纳入计划"
APPROVED = "已立项"
# The declaration's workflow state once the published plan includes it (set here, not by a transition).
DECLARATION_IN_PLAN = "已纳入计划"


def set_project_stage(
	projects: list[str], stage: str, approved_amounts: dict[str, float] | None = None
) -> None:
	"""Move `projects` to `stage`; with `approved_amounts`, also set each one's approved amount."""
	if not projects:
		return
	table = frappe.qb.DocType("IT Project")
	query = (
		frappe.qb.update(table)
		.set(table.stage, stage)
		.set(table.modified, now_datetime())
		.where(table.name.isin(list(projects)))
	)
	if approved_amounts:
		amount = Case()
		for name, value in approved_amounts.items():
			amount = amount.when(table.name == name, value)
		query = query.set(table.approved_amount, amount.else_(table.approved_amount))
	query.run()


def set_declaration_state(declarations: list[str], state: str) -> None:
	if not declarations:
		return
	table = frappe.qb.DocType("Project Declaration")
	(
		frappe.qb.update(table)
		.set(table.workflow_state, state)
		.set(table.modified, now_datetime())
		.where(table.name.isin(list(declarations)))
	).run()
