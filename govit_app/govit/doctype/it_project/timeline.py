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
	# a Check set when the document was filed after its deadline (Art 16, 19)
	overdue_field: str | None = None


TIMELINE_SOURCES: list[TimelineSource] = [
	TimelineSource(
		"Project Declaration",
		"declaration_date",
		title_field="project_name",
		status_field="workflow_state",
		milestones=(("submitted_on", "Submitted On"), ("accepted_on", "Accepted On")),
	),
	TimelineSource(
		"Contract Filing",
		"contract_sign_date",
		title_field="supplier",
		status_field="workflow_state",
		deadline_field="due_date",
		milestones=(("filed_on", "Filed On"), ("received_on", "Received On")),
		overdue_field="is_overdue",
	),
	TimelineSource(
		"Trial Operation Filing",
		"trial_start",
		status_field="workflow_state",
		milestones=(("trial_end", "Trial End"), ("filed_on", "Filed On"), ("received_on", "Received On")),
	),
	TimelineSource("Completion Acceptance", "acceptance_date", status_field="result"),
	TimelineSource(
		"Acceptance Filing",
		"acceptance_date",
		status_field="workflow_state",
		deadline_field="due_date",
		milestones=(("filed_on", "Filed On"), ("received_on", "Received On")),
		overdue_field="is_overdue",
	),
	TimelineSource(
		"Acceptance Extension",
		"creation",
		status_field="workflow_state",
		deadline_field="requested_deadline",
		milestones=(("current_deadline", "Current Acceptance Deadline"), ("decided_on", "Decided On")),
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
		fields.update(
			f
			for f in (source.title_field, source.status_field, source.deadline_field, source.overdue_field)
			if f
		)
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
					"overdue": bool(source.overdue_field and row.get(source.overdue_field)),
					"milestones": [
						{"label": _(label), "date": row.get(field)}
						for field, label in source.milestones
						if row.get(field)
					],
				}
			)
	return sorted(entries, key=lambda e: (str(e["date"] or "")[:10], e["name"]))
