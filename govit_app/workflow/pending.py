"""待我处理: everything waiting for a user, across every DocType that keeps `pending_with`.

A workflow document names who acts next in its `pending_with` table (GovIT Pending User,
filled by `WorkflowDocument.next_actors`, each row with the moment the wait began). One
query finds the user's rows in that table, then one list per DocType reads the documents
through Frappe's permissions (a user sees only what they may read): the cost grows with
the number of DocTypes, never with the number of documents. A DocType joins by having the
table; nothing here names it, unless its step has a due date, which it declares in
`DUE_DATE_FIELDS`.
"""

from dataclasses import dataclass
from datetime import date, datetime

import frappe
from frappe import _
from frappe.model.workflow import get_workflow_name
from frappe.utils import getdate, today

from govit_app.utils.calendar import get_calendar

PENDING_TABLE = "GovIT Pending User"
# The state of a document without a workflow or status: Frappe's own words (translated by it).
DOCSTATUS_STATES = {0: "Draft", 1: "Submitted"}

# DocType -> the Date field holding the due date of the step it waits on (one line per
# DocType). The names are DESIGN §2's; an entry whose DocType or field is not there is ignored.
DUE_DATE_FIELDS: dict[str, str] = {
	"Contract Filing": "due_date",  # Art 16
	"Acceptance Filing": "due_date",  # Art 19
	"Rectification Notice": "deadline",  # Art 21
}


@dataclass(frozen=True)
class Waiting:
	"""One document waiting for the user."""

	doctype: str
	name: str
	title: str
	state: str
	unit: str | None
	since: datetime
	waiting_days: int  # working days since the wait began
	due_date: date | None
	days_left: int | None  # working days until the due date; negative once overdue

	@property
	def overdue(self) -> bool:
		return self.days_left is not None and self.days_left < 0

	def as_row(self) -> dict:
		return {
			"doctype": self.doctype,
			"doctype_label": _(self.doctype),
			"name": self.name,
			"title": self.title,
			"state": _(self.state) if self.state else "",
			"unit": self.unit,
			"since": self.since,
			"waiting_days": self.waiting_days,
			"due_date": self.due_date,
			"days_left": self.days_left,
			"overdue": int(self.overdue),
		}


def waiting_for(user: str | None = None) -> list[Waiting]:
	"""What waits for `user` (default: the session user) and they may read, most urgent first:
	overdue first, then by due date, then the longest wait."""
	user = user or frappe.session.user
	table = frappe.qb.DocType(PENDING_TABLE)
	rows = (
		frappe.qb.from_(table)
		.select(table.parenttype, table.parent, table.since)
		.where((table.user == user) & (table.parentfield == "pending_with"))
		.run(as_dict=True)
	)
	since_by_doctype: dict[str, dict[str, datetime | None]] = {}
	for row in rows:
		since_by_doctype.setdefault(row.parenttype, {})[row.parent] = row.since
	found = [
		item
		for doctype, since in sorted(since_by_doctype.items())
		if frappe.db.exists("DocType", doctype) and frappe.has_permission(doctype, "read", user=user)
		for item in documents(doctype, since, user)
	]
	return sorted(
		found,
		key=lambda w: (not w.overdue, w.due_date or date.max, w.since, w.doctype, w.name),
	)


def documents(doctype: str, since: dict[str, datetime | None], user: str) -> list[Waiting]:
	"""The documents of `doctype` among `since` that still wait (not cancelled, not in a final
	state of their workflow) and that `user` may read."""
	meta = frappe.get_meta(doctype)
	fields = {"name", "modified", "docstatus"}
	title_field = meta.title_field if meta.title_field and meta.has_field(meta.title_field) else None
	state_field = state_field_of(doctype)
	due_field = DUE_DATE_FIELDS.get(doctype)
	due_field = due_field if due_field and meta.has_field(due_field) else None
	unit_field = "unit" if meta.has_field("unit") else None
	fields.update(f for f in (title_field, state_field, due_field, unit_field) if f)
	filters = [["name", "in", list(since)], ["docstatus", "<", 2]]
	final = final_states(doctype)
	if state_field and final:
		filters.append([state_field, "not in", sorted(final)])
	calendar = get_calendar()
	now = getdate(today())
	found = []
	for row in frappe.get_list(
		doctype, filters=filters, fields=sorted(fields), limit_page_length=0, user=user
	):
		began = since.get(row.name) or row.modified
		due = getdate(row.get(due_field)) if due_field and row.get(due_field) else None
		found.append(
			Waiting(
				doctype=doctype,
				name=row.name,
				title=row.get(title_field) if title_field else row.name,
				state=row.get(state_field) or "" if state_field else DOCSTATUS_STATES[row.docstatus],
				unit=row.get(unit_field) if unit_field else None,
				since=began,
				waiting_days=max(calendar.working_days_between(getdate(began), now), 0),
				due_date=due,
				days_left=calendar.working_days_between(now, due) if due else None,
			)
		)
	return found


def state_field_of(doctype: str) -> str | None:
	"""The workflow's state field, else a `status` field."""
	workflow = get_workflow_name(doctype)
	if workflow:
		return frappe.get_cached_value("Workflow", workflow, "workflow_state_field")
	return "status" if frappe.get_meta(doctype).has_field("status") else None


def final_states(doctype: str) -> set[str]:
	"""States of the DocType's workflow that no transition leaves: nobody acts on them any more
	(those named in `pending_with` there were told of the outcome, not asked to act)."""
	workflow = get_workflow_name(doctype)
	if not workflow:
		return set()
	doc = frappe.get_cached_doc("Workflow", workflow)
	return {row.state for row in doc.states} - {row.state for row in doc.transitions}


@frappe.whitelist()
def count_for_card(filters: str | dict | None = None) -> dict:
	"""The workspace card 待我处理: how many documents wait for the session user; a click opens the list."""
	return {
		"value": len(waiting_for()),
		"fieldtype": "Int",
		"route": ["query-report", "Waiting For Me"],
	}
