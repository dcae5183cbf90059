"""时限预警 (Deadline Alerts): every open due date of `deadlines.sources`, with the working days
left and a colour, filtered by unit, type and status.

Read as the user reads (one `frappe.get_list` per source): a unit sees its own, a competent
department the units below it, the Office all, and classified projects stay hidden from whoever
Art 25 keeps them from.
"""

import frappe
from frappe import _
from frappe.utils import getdate, nowdate

from govit_app.deadlines.reading import open_deadlines
from govit_app.deadlines.sources import SOURCES, source
from govit_app.rules.deadlines import COLOURS, deadline_status, working_days_left
from govit_app.rules.text import article_label
from govit_app.utils.calendar import get_calendar
from govit_app.utils.settings import get_settings


def execute(filters: dict | None = None):
	filters = frappe._dict(filters or {})
	today = getdate(nowdate())
	calendar, reminder = get_calendar(), get_settings().reminder_working_days
	chosen = [source(filters.kind)] if filters.get("kind") else None
	# Labels translated once per source, working days counted once per due date.
	labels = {s.key: (_(s.kind), _(article_label(s.article))) for s in SOURCES}
	rows, left = [], {}
	for d in open_deadlines(
		[s for s in chosen if s] if chosen else None, unit=filters.get("unit"), as_reader=True
	):
		if d.due not in left:
			left[d.due] = working_days_left(today, d.due, calendar)
		days_left = left[d.due]
		status = deadline_status(today, d.due, days_left, reminder)
		if filters.get("status") and status != filters.status:
			continue
		rows.append(
			{
				"kind": labels[d.source.key][0],
				"reference_doctype": d.source.doctype,
				"reference_name": d.name,
				"it_project": d.it_project,
				"project_name": d.title,
				"unit": d.unit,
				"due_date": d.due,
				"days_left": days_left,
				"status": status,
				"colour": COLOURS[status],
				"article": labels[d.source.key][1],
			}
		)
	rows.sort(key=lambda row: (row["due_date"], row["reference_name"]))
	return columns(), rows


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
