"""The project's life on one page: every document linked to an IT Project, with dates and deadlines.

Each later stage appends its DocType to `TIMELINE_SOURCES`; the timeline costs one query
per DocType, whatever the number of documents.
"""

from dataclasses import dataclass

import frappe
from frappe import _


@dataclass(frozen=True)
class TimelineSource:
	doctype: str
	date_field: str  # when the document was made
	link_field: str = "it_project"
	title_field: str | None = None
	status_field: str | None = None
	deadline_field: str | None = None
	# further dates worth seeing, as (fieldname, label)
	milestones: tuple[tuple[str, str], ...] = ()


TIMELINE_SOURCES: list[TimelineSource] = [
	TimelineSource(
		"Project Declaration",
		"declaration_date",
		title_field="project_name",
		status_field="workflow_state",
		milestones=(("submitted_on", "Submitted On"), ("accepted_on", "Accepted On")),
	),
	TimelineSource("Performance Evaluation", "evaluation_date", title_field="grade"),
	TimelineSource(
		"Rectification Notice",
		"issued_on",
		title_field="notice_no",
		status_field="status",
		deadline_field="deadline",
		milestones=(
			("overdue_on", "Overdue Since"),
			("answered_on", "Answered On"),
			("rechecked_on", "Re-Checked On"),
		),
	),
	TimelineSource(
		"OM Self Evaluation",
		"submitted_on",
		title_field="period",
		status_field="workflow_state",
		milestones=(("received_on", "Received On"),),
	),
]


@frappe.whitelist()
def get_timeline(project: str) -> list[dict]:
	"""The linked documents the user may read, oldest first."""
	frappe.has_permission("IT Project", "read", project, throw=True)
	entries = []
	for source in TIMELINE_SOURCES:
		fields = {"name", source.date_field, *(f for f, _label in source.milestones)}
		fields.update(f for f in (source.title_field, source.status_field, source.deadline_field) if f)
		for row in frappe.get_list(
			source.doctype, filters={source.link_field: project}, fields=sorted(fields), limit_page_length=0
		):
			entries.append(
				{
					"doctype": source.doctype,
					"doctype_label": _(source.doctype),
					"name": row.name,
					"title": row.get(source.title_field) if source.title_field else row.name,
					"status": _(row.get(source.status_field)) if source.status_field else "",
					"date": row.get(source.date_field),
					"deadline": row.get(source.deadline_field) if source.deadline_field else None,
					"milestones": [
						{"label": _(label), "date": row.get(field)}
						for field, label in source.milestones
						if row.get(field)
					],
				}
			)
	return sorted(entries, key=lambda e: (str(e["date"] or ""), e["name"]))
