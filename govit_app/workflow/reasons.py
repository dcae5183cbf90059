"""Reasons given with workflow steps: a return (退回修改), a refusal, a termination (终止), the
reference of a classified closure. The server requires them, whatever the channel.

Frappe's `apply_workflow` takes an action and nothing else, so a step that needs a reason is
taken through `apply_workflow` here: the reason travels with the action, the document's rules
decide whether it was needed (`doc.flags.step_reason`), and `record_reason` keeps it in the
document's `reasons` table and its timeline, from where notifications show it.

The filings of Chapter 3 take theirs through `act_with_reason`, into the field their DocType
names in `reason_fields` (action -> field).
"""

import frappe
from frappe import _
from frappe.model.document import Document
from frappe.model.workflow import apply_workflow as frappe_apply_workflow
from frappe.model.workflow import get_transitions, get_workflow
from frappe.utils import now_datetime

from govit_app.errors import NotYourStepError, throw
from govit_app.vocabulary import WORKFLOW_STATES


@frappe.whitelist()
def apply_workflow(doctype: str, name: str, action: str, reason: str | None = None) -> dict:
	"""Take `action` on `doctype` `name` with the reason (or reference number) the actor gives."""
	if doctype not in WORKFLOW_STATES:
		frappe.throw(_("{0} has no workflow of GovIT.").format(doctype))
	doc = frappe.get_doc(doctype, name)
	doc.check_permission("write")
	doc.flags.step_action = action
	doc.flags.step_reason = (reason or "").strip()
	if doc.docstatus == 1:
		# Frappe asks whoever updates a submitted document for the right to submit; a step between
		# submitted states (终止, 涉密办结) is the role's by the workflow's transition (role,
		# condition, no self-approval), which `apply_workflow` checks, and changes nothing else.
		doc.flags.ignore_permissions = True
	return frappe_apply_workflow(doc, action).as_dict()


def record_reason(doc: Document, action: str | None = None) -> str:
	"""Keep the reason given with the step being taken; returns it ("" when none was given)."""
	reason = doc.flags.step_reason or ""
	if not reason:
		return ""
	doc.append(
		"reasons",
		{
			"action": action or doc.flags.step_action or step_action(doc),
			"from_state": doc.from_state,
			"to_state": doc.to_state,
			"reason": reason,
			"user": frappe.session.user,
			"recorded_on": now_datetime(),
		},
	)
	doc.flags.reason_to_show = reason
	return reason


def show_reason(doc: Document) -> None:
	"""After the save: the reason in the timeline, as a comment of the person who gave it."""
	reason = doc.flags.pop("reason_to_show", None)
	if reason:
		doc.add_comment("Comment", f"{_(doc.to_state)}：{frappe.utils.escape_html(reason)}")


def step_action(doc: Document) -> str:
	"""The workflow's action from the document's old state to its new one."""
	for transition in get_workflow(doc.doctype).transitions:
		if transition.state == doc.from_state and transition.next_state == doc.to_state:
			return transition.action
	return ""


def reason_steps(doctype: str, asked_into: dict[str, str]) -> dict[str, str]:
	"""{action: kind of `rules.reasons`} for the transitions of `doctype` into the states of `asked_into`."""
	if not frappe.db.exists("Workflow", {"document_type": doctype, "is_active": 1}):
		return {}
	return {
		t.action: asked_into[t.next_state]
		for t in get_workflow(doctype).transitions
		if t.next_state in asked_into and t.state != t.next_state
	}


@frappe.whitelist(methods=["POST"])
def act_with_reason(doctype: str, name: str, action: str, reason: str) -> dict:
	"""A filing's reasoned step: the reason saved first as a step of the process, then the move."""
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
	return frappe_apply_workflow(doc, action).as_dict()
