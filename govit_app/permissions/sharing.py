"""Read access for the participating units of a cross-department project (Art 8).

Frappe's permission hooks can only deny, so the users of participating units get the
project (and its declarations) shared read-only; classified ones are never shared (Art 25).
Both directions cost a constant number of queries: a project's save syncs its shares, and a
user joining or leaving a unit gains or loses the shares of every project that unit is in.
"""

import frappe

from govit_app.permissions.policy import is_classified
from govit_app.utils.bulk import insert_rows

# DocTypes with `unit`, `secrecy_level`, `is_cross_department` and `participating_units` (IT Project Unit).
SHARED_DOCTYPES = ("IT Project", "Project Declaration")
# The read-only shares this module manages (a share with write or share rights is someone else's).
READ_ONLY = {"read": 1, "write": 0, "share": 0, "submit": 0, "everyone": 0}


def unit_users(units: list[str]) -> dict[str, set[str]]:
	"""unit -> users acting for it through a User Permission."""
	members: dict[str, set[str]] = {}
	if units:
		for row in frappe.get_all(
			"User Permission",
			filters={"allow": "Gov Unit", "for_value": ("in", units)},
			fields=["for_value", "user"],
			limit=0,
		):
			members.setdefault(row.for_value, set()).add(row.user)
	return members


def shared_units(project) -> set[str]:
	"""The units whose users read `project` through a share."""
	if not project.is_cross_department or is_classified(project.secrecy_level):
		return set()
	return {row.unit for row in project.participating_units} - {project.unit}


def wanted_readers(project, members: dict[str, set[str]]) -> set[str]:
	return set().union(*(members.get(unit, set()) for unit in shared_units(project)))


def sync_participant_shares(project) -> None:
	"""Share `project` read-only with exactly the users of its participating units. A project
	that shares with no unit, and shared with none before this save, has no shares to sync (a
	user joining a unit is handled by `on_user_permission_change`)."""
	before = project.get_doc_before_save()
	if not shared_units(project) and not (before and shared_units(before)):
		return
	members = unit_users([row.unit for row in project.participating_units])
	apply_shares(project.doctype, {project.name: wanted_readers(project, members)})


def on_user_permission_change(doc, method=None) -> None:
	"""A user joining or leaving a unit gains or loses its cross-department shares."""
	if doc.allow != "Gov Unit":
		return
	rows = frappe.get_all(
		"IT Project Unit",
		filters={"unit": doc.for_value, "parenttype": ("in", SHARED_DOCTYPES)},
		fields=["parenttype", "parent"],
		distinct=True,
		limit=0,
	)
	for doctype in SHARED_DOCTYPES:
		names = [row.parent for row in rows if row.parenttype == doctype]
		if names:
			sync_user_shares(doctype, names, doc.user)


def sync_user_shares(doctype: str, names: list[str], user: str) -> None:
	"""Recompute whether `user` reads each of `names` (one DocType), in four queries."""
	projects = {
		row.name: frappe._dict(row, participating_units=[])
		for row in frappe.get_all(
			doctype,
			filters={"name": ("in", names)},
			fields=["name", "unit", "is_cross_department", "secrecy_level"],
			limit=0,
		)
	}
	for row in frappe.get_all(
		"IT Project Unit",
		filters={"parenttype": doctype, "parent": ("in", list(projects))},
		fields=["parent", "unit"],
		limit=0,
	):
		projects[row.parent].participating_units.append(row)
	units = {row.unit for project in projects.values() for row in project.participating_units}
	own_units = set(
		frappe.get_all(
			"User Permission",
			filters={"allow": "Gov Unit", "user": user, "for_value": ("in", list(units))},
			pluck="for_value",
			limit=0,
		)
	)
	members = {unit: {user} for unit in own_units}
	apply_shares(
		doctype,
		{name: wanted_readers(project, members) for name, project in projects.items()},
		only_user=user,
	)


def apply_shares(doctype: str, wanted: dict[str, set[str]], only_user: str | None = None) -> None:
	"""Make the read-only shares of `wanted`'s documents exactly `wanted` (for `only_user` alone when
	given): one read, one delete and one insert, whatever the number of documents."""
	filters = {"share_doctype": doctype, "share_name": ("in", list(wanted)), **READ_ONLY}
	if only_user:
		filters["user"] = only_user
	existing = frappe.get_all("DocShare", filters=filters, fields=["name", "share_name", "user"], limit=0)
	have = {(row.share_name, row.user) for row in existing}
	want = {(name, user) for name, users in wanted.items() for user in users}
	stale = [row.name for row in existing if (row.share_name, row.user) not in want]
	if stale:
		frappe.db.delete("DocShare", {"name": ("in", stale)})
	insert_rows(
		"DocShare",
		[
			{"share_doctype": doctype, "share_name": name, "user": user, **READ_ONLY}
			for name, user in sorted(want - have)
		],
	)
