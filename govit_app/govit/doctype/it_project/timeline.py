"""The project's life on one page: every document linked to an IT Project, with dates and deadlines.

Each later stage appends its DocType to `TIMELINE_SOURCES` (one line of data); the timeline
costs one query per DocType, whatever the number of documents, and shows only the DocTypes
the user may read.
"""

from dataclasses import dataclass
from datetime import date

import frappe
from frappe import _
from frappe.utils import getdate, today

from govit_app.utils.calendar import get_calendar


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
	# the date the deadline was met (e.g. filed_on): late when after the deadline, or still
	# empty once it passed; without it, a deadline in the past is late
	done_field: str | None = None
	# the DocType holding `link_field` when it is not `doctype`: a child table of it (Annual
	# Plan Item in Annual Plan), or a document the project links (Project Declaration for the
	# Expert Reviews of its declarations)
	link_doctype: str | None = None


TIMELINE_SOURCES: list[TimelineSource] = [
	TimelineSource(
		"Expert Review",
		"review_date",
		link_field="project_declaration",
		link_doctype="Project Declaration",
		title_field="expert_name",
		status_field="conclusion",
	),
	TimelineSource(
		"Video Technical Review",
		"review_date",
		link_field="project_declaration",
		link_doctype="Project Declaration",
		status_field="result",
	),
	TimelineSource(
		"Annual Plan",
		"published_on",
		link_doctype="Annual Plan Item",
		title_field="title",
		status_field="workflow_state",
	),
	TimelineSource("Supplementary Request", "creation", title_field="project_name", status_field="status"),
	TimelineSource("Project Approval", "approval_date", title_field="approval_no"),
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
		done_field="filed_on",
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
		done_field="filed_on",
	),
	TimelineSource(
		"Acceptance Extension",
		"creation",
		status_field="workflow_state",
		deadline_field="requested_deadline",
		done_field="decided_on",
		milestones=(("current_deadline", "Current Acceptance Deadline"), ("decided_on", "Decided On")),
	),
	TimelineSource("Performance Evaluation", "evaluation_date", title_field="grade"),
	TimelineSource(
		"Rectification Notice",
		"issued_on",
		title_field="notice_no",
		status_field="status",
		deadline_field="deadline",
		done_field="answered_on",
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
	"""The linked documents the user may read, oldest first (undated ones, such as a plan not yet
	published, last)."""
	frappe.has_permission("IT Project", "read", project, throw=True)
	entries = []
	linked: dict[str, list[str]] = {}
	for source in TIMELINE_SOURCES:
		if not frappe.has_permission(source.doctype, "read"):
			continue
		filters = link_filters(source, project, linked)
		if filters is None:
			continue
		fields = {"name", "creation", source.date_field, *(f for f, _label in source.milestones)}
		fields.update(
			f
			for f in (source.title_field, source.status_field, source.deadline_field, source.done_field)
			if f
		)
		rows = frappe.get_list(
			source.doctype,
			filters=filters,
			fields=sorted(f"`tab{source.doctype}`.`{f}`" for f in fields),
			limit_page_length=0,
			distinct=True,
		)
		entries.extend(entry(source, row) for row in rows)
	# Documents of one day in the order they were made.
	return sorted(entries, key=lambda e: (e["date"] is None, str(e["date"] or ""), str(e["created"])))


def link_filters(source: TimelineSource, project: str, linked: dict[str, list[str]]) -> list | None:
	"""How `source`'s documents name the project; None when none can (no linked document)."""
	meta = frappe.get_meta(source.link_doctype) if source.link_doctype else None
	if meta and meta.istable:
		return [[source.link_doctype, source.link_field, "=", project]]
	if not meta:
		return [[source.doctype, source.link_field, "=", project]]
	if source.link_doctype not in linked:
		linked[source.link_doctype] = frappe.get_all(
			source.link_doctype, filters={"it_project": project}, pluck="name"
		)
	names = linked[source.link_doctype]
	return [[source.doctype, source.link_field, "in", names]] if names else None


def entry(source: TimelineSource, row: dict) -> dict:
	deadline = (
		getdate(row.get(source.deadline_field))
		if source.deadline_field and row.get(source.deadline_field)
		else None
	)
	done = getdate(row.get(source.done_field)) if source.done_field and row.get(source.done_field) else None
	return {
		"doctype": source.doctype,
		"doctype_label": _(source.doctype),
		"name": row.name,
		"title": row.get(source.title_field) if source.title_field else row.name,
		"status": _(row.get(source.status_field))
		if source.status_field and row.get(source.status_field)
		else "",
		"date": row.get(source.date_field),
		"created": row.creation,
		"deadline": deadline,
		"done": done,
		"milestones": [
			{"label": _(label), "date": row.get(field)}
			for field, label in source.milestones
			if row.get(field)
		],
		**lateness(deadline, done),
	}


def lateness(deadline: date | None, done: date | None) -> dict:
	"""Whether the deadline was missed, and while open the working days left (negative: late by)."""
	if not deadline:
		return {"overdue": False, "days_left": None}
	if done:
		return {"overdue": done > deadline, "days_left": None}
	days_left = get_calendar().working_days_between(getdate(today()), deadline)
	return {"overdue": days_left < 0, "days_left": days_left}
