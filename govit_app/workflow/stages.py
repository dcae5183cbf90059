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

from govit_app.govit.doctype.it_project.facts import refresh_documents
from govit_app.rules.stages import moves_forward, sanction_moves
from govit_app.utils.bulk import insert_rows
from govit_app.vocabulary import DeclarationState, ProjectStage


def set_project_stage(
	projects: list[str],
	stage: ProjectStage,
	approved_amounts: dict[str, float] | None = None,
	values: dict[str, dict[str, Any]] | None = None,
) -> None:
	"""Move `projects` forward to `stage` (a project already past it stays where it is, `rules.stages`);
	with `approved_amounts`, also set each one's approved amount, with `values` any further process
	fields (contract amount, acceptance deadline), on the same trail."""
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
	for name, amount in (approved_amounts or {}).items():
		changes.setdefault(name, {})["approved_amount"] = amount
	for name, fields in (values or {}).items():
		changes.setdefault(name, {}).update(fields)
	set_values("IT Project", changes)


def set_sanction_stage(project: str, stage: ProjectStage) -> str | None:
	"""Art 21: suspend (已暂停), terminate (已终止), or on lifting a suspension return `project` to
	`stage`; a move `rules.stages.sanction_moves` does not allow leaves it where it is. Returns the
	stage the project had, which a suspension keeps so that lifting it can restore it."""
	current = frappe.db.get_value("IT Project", project, "stage")
	if sanction_moves(current, stage):
		set_values("IT Project", {project: {"stage": stage}})
	return current


def set_declaration_state(declarations: list[str], state: DeclarationState) -> None:
	set_values("Project Declaration", {name: {"workflow_state": state} for name in declarations})


def set_values(doctype: str, changes: dict[str, dict[str, Any]]) -> None:
	"""Give each document its new values, in three statements whatever their number (and, for a
	source of the ledger's facts, two more to copy them onto the projects)."""
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
		values = {str(changes[name][field]) for name in moved}
		if len(moved) == len(diffs) and len(values) == 1:
			# The same value for every document (an overdue mark, a stage): no CASE to walk per row.
			query = query.set(table[field], changes[moved[0]][field])
		elif moved:
			case = Case()
			for name in moved:
				case = case.when(table.name == name, changes[name][field])
			query = query.set(table[field], case.else_(table[field]))
	query.where(table.name.isin(list(diffs))).run()
	insert_rows(
		"Version",
		[
			{
				"docstatus": 0,
				"ref_doctype": doctype,
				"docname": name,
				"data": frappe.as_json(
					{"changed": changed, "added": [], "removed": [], "row_changed": []}, indent=None
				),
			}
			for name, changed in diffs.items()
		],
	)
	# No doc events ran: the ledger facts copied from these documents follow here.
	refresh_documents(doctype, list(diffs))


def same(old: Any, new: Any) -> bool:
	if isinstance(old, int | float) and isinstance(new, int | float):
		return abs(old - new) < 1e-9
	return str(old or "") == str(new or "")
