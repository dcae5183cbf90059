"""Workflow steps that carry a reason: a return (退回修改) or a refusal (不予批准) says why.

Frappe's `apply_workflow` reloads the document before it moves, so the reason is saved first,
as a step of the process, and the move follows in the same request: when the move is refused
the reason is rolled back with it. A DocType names its reasoned actions in `reason_fields`
(action -> field) and refuses the move without a reason in its own validation, so a plain
`apply_workflow` without one fails too.
"""

import frappe
from frappe import _
from frappe.model.workflow import apply_workflow, get_transitions

from govit_app.errors import NotYourStepError, throw


@frappe.whitelist(methods=["POST"])
def act_with_reason(doctype: str, name: str, action: str, reason: str) -> dict:
	doc = frappe.get_doc(doctype, name)
	field = (getattr(doc, "reason_fields", None) or {}).get(action)
	if not field:
		throw(_("{0} takes no reason on {1}.").format(frappe.bold(_(action)), _(doctype)))
	if action not in {t.action for t in get_transitions(doc)}:
		throw(
			_("{0} is not a step you can take on {1} {2} now.").format(
				frappe.bold(_(action)), _(doctype), name
			),
			exc=NotYourStepError,
			title=_("Not your step"),
		)
	doc.set(field, (reason or "").strip())
	doc.flags.process_step = True
	doc.save()
	doc.flags.process_step = False
	return apply_workflow(doc, action).as_dict()
