"""The base of GovIT's workflow documents: one validation order, rules declared as data.

Every save of a document built on `WorkflowDocument` is judged in this order, whatever the
channel (desk, REST PUT, `frappe.client.set_value`, a workflow action):

1. guards — the write is judged against the document as it was before it: the user may write
   that document, the state's editing role makes a save that stays in a state, nobody takes
   an approving step on their own document, and `process_fields` change only through the
   step that owns them, and `owned_fields` (whose the record is) never by hand;
2. frozen content — outside `editable_states` the declared content stands as handed in;
3. uniqueness declared in `unique_by`;
4. the DocType's own checks, `validate_document()`;
5. the step's record, `record_transition()`, and who acts next (`pending_with`).

A DocType declares its process fields, editable states and uniqueness as class attributes
and implements `validate_document`, `record_transition` and `next_actors`; nothing else
repeats the skeleton.
"""

from typing import ClassVar

import frappe
from frappe import _
from frappe.model import no_value_fields, table_fields
from frappe.model.document import Document
from frappe.model.workflow import get_workflow_name, is_transition_condition_satisfied
from frappe.utils import cint, flt, get_datetime, getdate, now_datetime

from govit_app.errors import FrozenContentError, NotYourStepError, throw
from govit_app.utils.uniqueness import Unique, check_unique
from govit_app.workflow.residue import clear_workflow_actions
from govit_app.workflow.versions import base_on_stated_version

# Frappe's own bookkeeping, never part of what a user declares.
FRAMEWORK_FIELDS = frozenset({"amended_from", "naming_series"})


class WorkflowDocument(Document):
	# The state of a new document; None for a DocType without a Frappe workflow.
	initial_state: ClassVar[str | None] = None
	# Fields the process sets (read-only in the form); users change them only through their step.
	process_fields: ClassVar[frozenset[str]] = frozenset()
	# Whose the record is: set when it is made, changed only by a process step (a unit must not
	# take another unit's record, nor a user pass theirs off as someone else's). Of Frappe's
	# standard fields only `owner` is meant here.
	owned_fields: ClassVar[frozenset[str]] = frozenset({"unit", "owner"})
	# Roles that may correct process fields by hand (e.g. the Office for a project recorded late).
	process_correctors: ClassVar[frozenset[str]] = frozenset()
	# States in which the declared content may change (default: the initial state only).
	editable_states: ClassVar[frozenset[str] | None] = None
	# Further fields recorded in a given state (e.g. the Leading Group's minutes).
	recorded_in_state: ClassVar[dict[str, frozenset[str]]] = {}
	unique_by: ClassVar[tuple[Unique, ...]] = ()
	# The article that freezes the content, named in the error.
	frozen_article: ClassVar[int | None] = None

	# ---- the fixed order -------------------------------------------------------------

	def validate(self):
		self.set_transition()
		self.check_guards()
		self.validate_frozen_content()
		self.validate_unique()
		self.validate_document()
		if self.is_transition or self.is_new():
			self.record_transition()
		self.set_pending_with()

	def before_update_after_submit(self):
		"""A submitted document changes only through a process step (panel result, supplement…)."""
		self.set_transition()
		self.check_guards()
		self.validate_after_submit()
		self.set_pending_with()

	def check_if_latest(self):
		"""Frappe's conflict check, judged over the API against the version the client read."""
		if not self.is_new() and not (self.flags.process_step or self.flags.ignore_permissions):
			base_on_stated_version(self)
		super().check_if_latest()

	def on_trash(self):
		"""A deleted document leaves no rows in Frappe's workflow tables (a subclass calls super())."""
		clear_workflow_actions(self.doctype, self.name)

	# ---- what a DocType implements ---------------------------------------------------

	def validate_document(self) -> None:
		"""The DocType's own checks."""

	def validate_after_submit(self) -> None:
		"""Checks of an update after submit (a process step)."""

	def record_transition(self) -> None:
		"""Dates and signatures of the step being taken (also called for a new document)."""

	def next_actors(self) -> list[str] | None:
		"""Who acts next (notified through `pending_with`); None leaves the list as it is."""
		return None

	# ---- states ----------------------------------------------------------------------

	def set_transition(self) -> None:
		before = self.get_doc_before_save()
		field = self.state_field()
		old = before.get(field) if (before and field) else None
		new = self.get(field) if field else None
		start = self.initial_state
		self.flags.states = (old or start, new or start)

	def state_field(self) -> str | None:
		if not self.initial_state:
			return None
		return frappe.get_cached_value("Workflow", get_workflow_name(self.doctype), "workflow_state_field")

	@property
	def from_state(self) -> str | None:
		return self.flags.states[0]

	@property
	def to_state(self) -> str | None:
		return self.flags.states[1]

	@property
	def is_transition(self) -> bool:
		return self.from_state != self.to_state

	def acts_as_process(self) -> bool:
		"""Server code taking a step (flags set by the owning method), or the Administrator."""
		return bool(
			self.flags.process_step or self.flags.ignore_permissions or frappe.session.user == "Administrator"
		)

	# ---- 1. guards -------------------------------------------------------------------

	def check_guards(self) -> None:
		self.check_write_before()
		self.check_state_editor()
		self.check_self_approval()
		self.check_process_fields()
		self.check_owned_fields()

	def check_write_before(self) -> None:
		"""Frappe checks write permission on the document *after* applying the request body (a
		unit could move another unit's record to itself); judge it as it was before."""
		before = self.get_doc_before_save()
		if not before or self.acts_as_process():
			return
		if not frappe.has_permission(self.doctype, "write", doc=before):
			throw(
				_("You may not change {0} {1}.").format(_(self.doctype), self.name),
				exc=NotYourStepError,
				title=_("Not permitted"),
			)

	def workflow(self):
		return (
			frappe.get_cached_doc("Workflow", get_workflow_name(self.doctype)) if self.initial_state else None
		)

	def check_state_editor(self) -> None:
		"""A save that stays in a state is made by that state's editing role only (the desk
		honours "Only Allow Edit For"; a REST PUT would not)."""
		if self.is_new() or self.is_transition or not self.initial_state or self.acts_as_process():
			return
		editors = {row.allow_edit for row in self.workflow().states if row.state == self.from_state}
		if editors and editors.isdisjoint(frappe.get_roles()):
			throw(
				_("In the state {0} only {1} may change this document.").format(
					frappe.bold(_(self.from_state)), ", ".join(frappe.bold(_(r)) for r in sorted(editors))
				),
				exc=NotYourStepError,
				title=_("Not your step"),
			)

	def check_self_approval(self) -> None:
		"""Nobody takes an approving step on a document they created (DESIGN §6)."""
		user = frappe.session.user
		if self.is_new() or not self.is_transition or user != self.owner or self.acts_as_process():
			return
		before = self.get_doc_before_save()
		roles = set(frappe.get_roles())
		steps = [
			t
			for t in self.workflow().transitions
			if t.state == self.from_state
			and t.next_state == self.to_state
			and t.allowed in roles
			and is_transition_condition_satisfied(t, before)
		]
		if steps and not any(t.allow_self_approval for t in steps):
			throw(
				_("You created this document: someone else takes the step {0} (no self-approval).").format(
					frappe.bold(_(steps[0].action))
				),
				exc=NotYourStepError,
				title=_("Not your step"),
			)

	def check_process_fields(self) -> None:
		"""Process fields stay as the process set them, however the write arrives."""
		if self.acts_as_process() or not self.process_correctors.isdisjoint(frappe.get_roles()):
			return
		before = self.get_doc_before_save() or frappe.new_doc(self.doctype)
		changed = [f for f in sorted(self.process_fields) if field_value(self, f) != field_value(before, f)]
		if changed:
			labels = "、".join(_(self.meta.get_label(f)) for f in changed)
			message = (
				_("{0}: set by the process; only {1} corrects it by hand.").format(
					labels, "、".join(_(r) for r in sorted(self.process_correctors))
				)
				if self.process_correctors
				else _("{0}: set by the process, not by hand.").format(labels)
			)
			throw(message, exc=NotYourStepError, title=_("Not your step"))

	def check_owned_fields(self) -> None:
		"""Owned fields keep the value the record was made with (a field fetched from a link
		follows that link, whose own rules hold)."""
		before = self.get_doc_before_save()
		if not before or self.acts_as_process():
			return
		changed = [
			f
			for f in sorted(self.owned_fields)
			if (f == "owner" or (self.meta.has_field(f) and not self.meta.get_field(f).fetch_from))
			and field_value(self, f) != field_value(before, f)
		]
		if changed:
			labels = "、".join(
				_(self.meta.get_label(f) if self.meta.has_field(f) else "Created By") for f in changed
			)
			throw(
				_(
					"{0}: says whose the record is; it is set when the record is made and never changed by hand."
				).format(labels),
				exc=NotYourStepError,
				title=_("Not your step"),
			)

	# ---- 2. frozen content -----------------------------------------------------------

	def content_is_frozen(self) -> bool:
		if self.is_new() or self.docstatus != 0 or not self.initial_state:
			return False
		return self.from_state not in (self.editable_states or {self.initial_state})

	def validate_frozen_content(self) -> None:
		if not self.content_is_frozen():
			return
		# The state itself moves through the workflow, which Frappe checks.
		allowed = (
			self.process_fields
			| FRAMEWORK_FIELDS
			| {self.state_field()}
			| self.recorded_in_state.get(self.from_state, frozenset())
		)
		changed = changed_labels(self, allowed)
		if changed:
			throw(
				self.frozen_message(changed, allowed),
				article=self.frozen_article,
				exc=FrozenContentError,
				title=_("Content frozen"),
			)

	def frozen_message(self, changed: list[str], allowed: frozenset[str]) -> str:
		"""What the refusal says: the labels `changed`, while only `allowed` fields may change."""
		return _(
			"{0} is {1}: its content is frozen ({2}); return it for changes (退回修改) to edit it."
		).format(_(self.doctype), frappe.bold(_(self.from_state)), "、".join(changed))

	# ---- 3. uniqueness ---------------------------------------------------------------

	def validate_unique(self) -> None:
		check_unique(self, self.unique_by)

	# ---- 5. who acts next --------------------------------------------------------------

	def set_pending_with(self) -> None:
		"""Who acts next, each since when: a step taken starts every wait anew; within a step
		those still waiting keep their start (待我处理 counts from it)."""
		if not self.meta.has_field("pending_with"):
			return
		users = self.next_actors()
		if users is None:
			return
		waiting = {} if self.is_transition else {row.user: row.since for row in self.pending_with}
		if self.is_transition or sorted(waiting) != sorted(users):
			now = now_datetime()
			self.set("pending_with", [{"user": user, "since": waiting.get(user) or now} for user in users])


def field_value(doc: Document, fieldname: str):
	"""A field's value for comparison: a table as its rows' values, empty values as None."""
	df = doc.meta.get_field(fieldname)
	if df and df.fieldtype in table_fields:
		return [
			{
				d.fieldname: comparable(row.get(d.fieldname), d.fieldtype)
				for d in row.meta.fields
				if d.fieldtype not in no_value_fields
			}
			for row in doc.get(fieldname) or []
		]
	return comparable(doc.get(fieldname), df.fieldtype if df else "Data")


def comparable(value, fieldtype: str):
	"""The same value whether it came from the database or from a request body ("10" and 10.0)."""
	if value in (None, ""):
		return None
	if fieldtype in ("Float", "Currency", "Percent"):
		return round(flt(value), 6) or None
	if fieldtype in ("Int", "Check"):
		return cint(value) or None
	if fieldtype == "Date":
		return str(getdate(value))
	if fieldtype == "Datetime":
		return str(get_datetime(value))
	return str(value)


def changed_labels(doc: Document, ignore: frozenset[str] | set[str]) -> list[str]:
	"""Labels of the fields (tables included) this save changes, except `ignore`."""
	before = doc.get_doc_before_save()
	if not before:
		return []
	return [
		_(df.label)
		for df in doc.meta.fields
		if df.fieldname not in ignore
		and (df.fieldtype not in no_value_fields or df.fieldtype in table_fields)
		and field_value(doc, df.fieldname) != field_value(before, df.fieldname)
	]
