"""What a deleted document must not leave behind in Frappe's workflow tables.

Frappe deletes a document's Workflow Actions when the document is deleted, but not the rows of
their child table Workflow Action Permitted Role: every deleted draft left one orphan row per
role that could act on it. `clear_workflow_actions` runs in `WorkflowDocument.on_trash`;
`purge_orphans` (daily, and once as a patch) removes what deletions outside `on_trash` left.
"""

import frappe
from frappe.query_builder import DocType

ACTION = DocType("Workflow Action")
PERMITTED_ROLE = DocType("Workflow Action Permitted Role")


def clear_workflow_actions(doctype: str, name: str) -> None:
	"""The Workflow Actions of `doctype` `name`, with their permitted roles."""
	actions = (
		frappe.qb.from_(ACTION)
		.select(ACTION.name)
		.where((ACTION.reference_doctype == doctype) & (ACTION.reference_name == name))
	)
	frappe.qb.from_(PERMITTED_ROLE).delete().where(PERMITTED_ROLE.parent.isin(actions)).run()
	frappe.db.delete("Workflow Action", {"reference_doctype": doctype, "reference_name": name})


def purge_orphans() -> None:
	"""Permitted roles whose Workflow Action is gone (left by deletions before this module, or outside `on_trash`)."""
	frappe.qb.from_(PERMITTED_ROLE).delete().where(
		(PERMITTED_ROLE.parenttype == "Workflow Action")
		& PERMITTED_ROLE.parent.notin(frappe.qb.from_(ACTION).select(ACTION.name))
	).run()
