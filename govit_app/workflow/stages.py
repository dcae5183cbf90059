"""Where projects and declarations stand, moved for many at once, each move on the record.

Stages move forward only (`rules.stages`). A plan of N projects is published with the same
number of queries as a plan of one (no
query inside a loop over projects, CONTRIBUTING): one read of the values before, one
update, and one bulk insert of a Version per document that changed — who, when, from, to —
the same record Frappe writes when a single document is saved, so the form's timeline and
the audit show it.
"""

from typing import Any

import frappe
from frappe.query_builder import Case
from frappe.utils import now_datetime

from govit_app.rules.stages import moves_forward
from govit_app.vocabulary import ProjectStage


def set_project_stage(projects: list[str], stage: ProjectStage) -> None:
	"""Move `projects` forward to `stage` (a project already past it stays where it is, `rules.stages`).
	Their amounts are `workflow.amounts`'."""
	current = (
		dict(
			frappe.get_all(
				"IT Project", filters={"name": ("in", list(projects))}, fields=["name", "stage"], as_list=True
			)
		)
		if projects
		else {}
	)
	changes: dict[str, dict[str, Any]] = {
		name: {"stage": stage} for name in projects if moves_forward(current.get(name), stage)
	}
	set_values("IT Project", changes)


def set_values(doctype: str, changes: dict[str, dict[str, Any]]) -> None:
	"""Give each document its new values, in three statements whatever their number."""
	if not changes:
		return
	fields = sorted({field for values in changes.values() for field in values})
	before = {
		row.name: row
		for row in frappe.get_all(
			doctype, filters={"name": ("in", list(changes))}, fields=["name", *fields], limit=0
		)
	}
	diffs = {
		name: [
			[field, before[name][field], value]
			for field, value in values.items()
			if not same(before[name][field], value)
		]
		for name, values in changes.items()
		if name in before
	}
	diffs = {name: changed for name, changed in diffs.items() if changed}
	if not diffs:
		return
	now, user = now_datetime(), frappe.session.user
	table = frappe.qb.DocType(doctype)
	query = frappe.qb.update(table).set(table.modified, now).set(table.modified_by, user)
	for field in fields:
		moved = [name for name in diffs if field in changes[name]]
		if moved:
			case = Case()
			for name in moved:
				case = case.when(table.name == name, changes[name][field])
			query = query.set(table[field], case.else_(table[field]))
	query.where(table.name.isin(list(diffs))).run()
	frappe.db.bulk_insert(
		"Version",
		fields=[
			"name",
			"creation",
			"modified",
			"owner",
			"modified_by",
			"docstatus",
			"ref_doctype",
			"docname",
			"data",
		],
		values=[
			(
				frappe.generate_hash(length=10),
				now,
				now,
				user,
				user,
				0,
				doctype,
				name,
				frappe.as_json(
					{"changed": changed, "added": [], "removed": [], "row_changed": []}, indent=None
				),
			)
			for name, changed in diffs.items()
		],
	)


def same(old: Any, new: Any) -> bool:
	if isinstance(old, int | float) and isinstance(new, int | float):
		return abs(old - new) < 1e-9
	return str(old or "") == str(new or "")
