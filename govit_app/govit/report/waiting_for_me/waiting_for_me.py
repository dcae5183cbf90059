"""待我处理: every document waiting for the session user, whatever its DocType, with its state,
since when it waits, and its due date in working days where its DocType has one
(`govit_app.workflow.pending`). The user's own queue: nobody reads another's."""

import frappe
from frappe import _

from govit_app.utils.reports import bar_chart, column, summary_item
from govit_app.workflow.pending import waiting_for

# Due within this many working days: shown as "due soon".
DUE_SOON_WORKING_DAYS = 3


@frappe.read_only()
def execute(filters: dict | None = None):
	filters = frappe._dict(filters or {})
	rows = [item.as_row() for item in waiting_for()]
	if filters.get("document_type"):
		rows = [row for row in rows if row["doctype"] == filters.document_type]
	if filters.get("overdue_only"):
		rows = [row for row in rows if row["overdue"]]
	return columns(), rows, None, chart(rows), summary(rows)


def columns() -> list[dict]:
	return [
		column("doctype_label", _("Document Type"), width=130),
		column("name", _("Document"), "Dynamic Link", "doctype", width=150),
		column("title", _("Title"), width=240),
		column("state", _("State"), width=120),
		column("unit", _("Unit"), "Link", "Gov Unit", width=180),
		column("since", _("Waiting Since"), "Datetime", width=150),
		column("waiting_days", _("Working Days Waiting"), "Int", width=110),
		column("due_date", _("Due Date"), "Date", width=100),
		column("days_left", _("Working Days Left"), "Int", width=110),
		column("overdue", _("Overdue"), "Check", width=70),
		column("doctype", _("DocType"), "Data", width=10, hidden=1),
	]


def chart(rows: list[dict]) -> dict:
	"""How much waits in each kind of document."""
	labels = list(dict.fromkeys(row["doctype_label"] for row in rows))
	return bar_chart(
		labels, {_("Documents"): [sum(1 for r in rows if r["doctype_label"] == label) for label in labels]}
	)


def summary(rows: list[dict]) -> list[dict]:
	overdue = sum(row["overdue"] for row in rows)
	soon = sum(
		1 for row in rows if row["days_left"] is not None and 0 <= row["days_left"] <= DUE_SOON_WORKING_DAYS
	)
	return [
		summary_item(_("Waiting For Me"), len(rows)),
		summary_item(
			_("Due Within {0} Working Days").format(DUE_SOON_WORKING_DAYS),
			soon,
			indicator="Orange" if soon else "Green",
		),
		summary_item(_("Overdue"), overdue, indicator="Red" if overdue else "Green"),
	]
