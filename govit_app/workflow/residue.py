"""What a deleted document must not leave behind in Frappe's workflow tables.

Frappe deletes a document's Workflow Actions when the document is deleted, but not the rows of
their child table Workflow Action Permitted Role: every deleted draft left one orphan row per
role that could act on it. `clear_workflow_actions` runs in `WorkflowDocument.on_trash`;
`purge_orphans` (daily, and once as a patch) removes what deletions outside `on_trash` left.
"""

import frappe
from frappe.query_builder import DocType


def tables() -> tuple[DocType, DocType]:
	"""Workflow Action and its permitted roles; built when used, since the query builder needs a
	site (a script may import this module before it connects)."""
	return DocType("Workflow Action"), DocType("Workflow Action Permitted Role")


def clear_workflow_actions(doctype: str, name: str) -> None:
	"""The Workflow Actions of `doctype` `name`, with their permitted roles."""
	action, permitted_role = tables()
	actions = (
		frappe.qb.from_(action)
		.select(action.name)
		.where((action.reference_doctype == doctype) & (action.reference_name == name))
	)
	frappe.qb.from_(permitted_role).delete().where(permitted_role.parent.isin(actions)).run()
	frappe.db.delete("Workflow Action", {"reference_doctype": doctype, "reference_name": name})


def purge_orphans() -> None:
	"""Permitted roles whose Workflow Action is gone (left by deletions before this module, or outside `on_trash`)."""
	action, permitted_role = tables()
	frappe.qb.from_(permitted_role).delete().where(
		(permitted_role.parenttype == "Workflow Action")
		& permitted_role.parent.notin(frappe.qb.from_(action).select(action.name))
	).run()
