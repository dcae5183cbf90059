"""时限预警 (Deadline Alerts): every open due date of `deadlines.sources`, with the working days
left and a colour, filtered by unit, type and status.

Read as the user reads (`frappe.get_list` per source): a unit sees its own, a competent
department the units below it, the Office all, and classified projects stay hidden from whoever
Art 25 keeps them from. A status is a range of due dates (`rules.deadlines.status_due_dates`),
so the database counts each status and hands over only the page shown, earliest due first: a
constant number of queries, and light whatever the number of projects.
"""

import frappe
from frappe import _
from frappe.utils import getdate, nowdate

from govit_app.deadlines.reading import count_open, open_deadlines
from govit_app.deadlines.sources import SOURCES, source
from govit_app.rules.deadlines import COLOURS, deadline_status, status_due_dates, working_days_left
from govit_app.rules.text import article_label
from govit_app.utils.calendar import get_calendar
from govit_app.utils.reports import page_length, page_number, page_summary, summary_item
from govit_app.utils.settings import get_settings
from govit_app.vocabulary import DeadlineStatus

INDICATORS = {
	DeadlineStatus.OVERDUE: "Red",
	DeadlineStatus.DUE_SOON: "Orange",
	DeadlineStatus.ON_TIME: "Green",
}


@frappe.read_only()
def execute(filters: dict | None = None):
	filters = frappe._dict(filters or {})
	today = getdate(nowdate())
	calendar, reminder = get_calendar(), get_settings().reminder_working_days
	sources = [s for s in [source(filters.kind)] if s] if filters.get("kind") else None
	ranges = status_due_dates(today, calendar, reminder)
	counted = {s: r for s, r in ranges.items() if not filters.get("status") or s == filters.status}
	counts = count_open(sources, counted, filters.get("unit"))
	since, up_to = ranges[filters.status] if filters.get("status") else (None, None)
	length = page_length(filters)
	page = page_number(filters)
	# The earliest (page × length) of each source hold the page of all sources merged.
	found = open_deadlines(
		sources, unit=filters.get("unit"), as_reader=True, since=since, up_to=up_to, first=page * length
	)
	found.sort(key=lambda d: (d.due, d.name))
	if length:
		found = found[(page - 1) * length : page * length]
	# Labels translated once per source, working days counted once per due date.
	labels = {s.key: (_(s.kind), _(article_label(s.article))) for s in SOURCES}
	left = {due: working_days_left(today, due, calendar) for due in {d.due for d in found}}
	rows = []
	for d in found:
		status = deadline_status(today, d.due, left[d.due], reminder)
		rows.append(
			{
				"kind": labels[d.source.key][0],
				"reference_doctype": d.source.doctype,
				"reference_name": d.name,
				"it_project": d.it_project,
				"project_name": d.title,
				"unit": d.unit,
				"due_date": d.due,
				"days_left": left[d.due],
				"status": status,
				"colour": COLOURS[status],
				"article": labels[d.source.key][1],
			}
		)
	return columns(), rows, None, None, summary(counts, filters)


def summary(counts: dict[DeadlineStatus, int], filters: frappe._dict) -> list[dict]:
	return [
		*(summary_item(_(status), n, indicator=INDICATORS[status]) for status, n in counts.items()),
		*page_summary(sum(counts.values()), filters),
	]


def columns() -> list[dict]:
	return [
		{"fieldname": "status", "label": _("Status"), "fieldtype": "Data", "width": 100},
		{"fieldname": "days_left", "label": _("Working Days Left"), "fieldtype": "Int", "width": 110},
		{"fieldname": "due_date", "label": _("Due Date"), "fieldtype": "Date", "width": 110},
		{"fieldname": "kind", "label": _("Type"), "fieldtype": "Data", "width": 120},
		{
			"fieldname": "reference_name",
			"label": _("Document"),
			"fieldtype": "Dynamic Link",
			"options": "reference_doctype",
			"width": 150,
		},
		{
			"fieldname": "it_project",
			"label": _("IT Project"),
			"fieldtype": "Link",
			"options": "IT Project",
			"width": 130,
		},
		{"fieldname": "project_name", "label": _("Project Name"), "fieldtype": "Data", "width": 220},
		{"fieldname": "unit", "label": _("Unit"), "fieldtype": "Link", "options": "Gov Unit", "width": 180},
		{"fieldname": "article", "label": _("Article"), "fieldtype": "Data", "width": 80},
		# Data, not a Link to DocType: Frappe filters a unit user's report rows by every Link column.
		{"fieldname": "reference_doctype", "label": _("Document Type"), "fieldtype": "Data", "hidden": 1},
		{"fieldname": "colour", "label": _("Colour"), "fieldtype": "Data", "hidden": 1},
	]


@frappe.whitelist()
def kinds() -> list[dict]:
	"""The report's Type filter: one option per source."""
	return [{"value": s.key, "label": _(s.kind)} for s in SOURCES]
