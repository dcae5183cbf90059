"""Server-side guards Frappe's workflow engine leaves to the desk.

Frappe checks who may *move* a document between states, but a state's "Only Allow Edit
For" role and the self-approval rule are only honoured by the desk form and by
`apply_workflow`; a REST `PUT` bypasses both. These guards make them hold on every save.
"""

import frappe
from frappe import _
from frappe.model import no_value_fields, table_fields
from frappe.model.document import Document
from frappe.model.workflow import get_workflow_name, is_transition_condition_satisfied


def state_change(doc: Document) -> tuple[str | None, str | None]:
	"""(state before this save, state after it); the first is None for a new document."""
	before = doc.get_doc_before_save()
	field = workflow_state_field(doc)
	return (before.get(field) if before else None), doc.get(field)


class TracksTransition:
	"""Mixin for workflow controllers: the states before and after the save being validated.

	Call `set_transition()` first in `validate`; a new document counts as moving from
	`initial_state`.
	"""

	initial_state: str

	def set_transition(self) -> None:
		old, new = state_change(self)
		self.flags.states = (old or self.initial_state, new or self.initial_state)

	@property
	def from_state(self) -> str:
		return self.flags.states[0]

	@property
	def to_state(self) -> str:
		return self.flags.states[1]


def workflow_state_field(doc: Document) -> str:
	return frappe.get_cached_value("Workflow", get_workflow_name(doc.doctype), "workflow_state_field")


def _acts_freely(doc: Document) -> bool:
	return doc.flags.ignore_permissions or frappe.session.user == "Administrator"


def check_state_editor(doc: Document) -> None:
	"""A save that stays in a state is made by that state's editing role only."""
	old, new = state_change(doc)
	if doc.is_new() or old != new or _acts_freely(doc):
		return
	workflow = frappe.get_cached_doc("Workflow", get_workflow_name(doc.doctype))
	editors = {row.allow_edit for row in workflow.states if row.state == old}
	if editors and editors.isdisjoint(frappe.get_roles()):
		frappe.throw(
			_("In the state {0} only {1} may change this document.").format(
				frappe.bold(_(old)), ", ".join(frappe.bold(_(r)) for r in sorted(editors))
			),
			frappe.PermissionError,
			title=_("Not your step"),
		)


def check_self_approval(doc: Document) -> None:
	"""Nobody takes an approving step on a document they created (DESIGN §6)."""
	old, new = state_change(doc)
	user = frappe.session.user
	if doc.is_new() or old == new or user != doc.owner or _acts_freely(doc):
		return
	workflow = frappe.get_cached_doc("Workflow", get_workflow_name(doc.doctype))
	roles = set(frappe.get_roles())
	before = doc.get_doc_before_save()
	steps = [
		t
		for t in workflow.transitions
		if t.state == old
		and t.next_state == new
		and t.allowed in roles
		and is_transition_condition_satisfied(t, before)
	]
	if steps and not any(t.allow_self_approval for t in steps):
		frappe.throw(
			_("You created this document: someone else takes the step {0} (no self-approval).").format(
				frappe.bold(_(steps[0].action))
			),
			frappe.PermissionError,
			title=_("Not your step"),
		)


def changed_fields(doc: Document, ignore: set[str]) -> list[str]:
	"""Labels of the fields (tables included) whose value this save changes, except `ignore`."""
	before = doc.get_doc_before_save()
	if not before:
		return []
	changed = []
	for df in doc.meta.fields:
		if df.fieldname in ignore or (df.fieldtype in no_value_fields and df.fieldtype not in table_fields):
			continue
		if df.fieldtype in table_fields:
			same = _rows(doc, df.fieldname) == _rows(before, df.fieldname)
		else:
			same = (doc.get_value(df.fieldname) or None) == (before.get_value(df.fieldname) or None)
		if not same:
			changed.append(_(df.label))
	return changed


def _rows(doc: Document, fieldname: str) -> list[dict]:
	rows = []
	for row in doc.get(fieldname) or []:
		meta = frappe.get_meta(row.doctype)
		rows.append(
			{
				df.fieldname: row.get_value(df.fieldname) or None
				for df in meta.fields
				if df.fieldtype not in no_value_fields
			}
		)
	return rows


def check_process_fields(doc: Document, fieldnames: tuple[str, ...], may_correct: set[str]) -> None:
	"""Fields the process sets (read-only in the form) stay so over REST; `may_correct` roles fix them by hand."""
	if _acts_freely(doc) or not may_correct.isdisjoint(frappe.get_roles()):
		return
	before = doc.get_doc_before_save() or frappe.new_doc(doc.doctype)
	changed = [f for f in fieldnames if (doc.get(f) or None) != (before.get(f) or None)]
	if changed:
		frappe.throw(
			_(
				"{0}: set by the process (declaration, plan, approval, filings, evaluation); only {1} corrects it."
			).format(
				"、".join(_(doc.meta.get_label(f)) for f in changed),
				"、".join(_(r) for r in sorted(may_correct)),
			),
			frappe.PermissionError,
			title=_("Not your step"),
		)
