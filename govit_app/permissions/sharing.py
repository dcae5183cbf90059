"""Read access for the participating units of a cross-department project (Art 8).

Frappe's permission hooks can only deny, so the users of participating units get the
project (and its declarations) shared read-only; classified ones are never shared (Art 25).
"""

import frappe

from govit_app.permissions.policy import is_classified

# DocTypes with `unit`, `secrecy_level`, `is_cross_department` and `participating_units` (IT Project Unit).
SHARED_DOCTYPES = ("IT Project", "Project Declaration")


def participant_users(units: list[str]) -> set[str]:
	if not units:
		return set()
	return set(
		frappe.get_all(
			"User Permission",
			filters={"allow": "Gov Unit", "for_value": ("in", units)},
			pluck="user",
			distinct=True,
			limit=0,
		)
	)


def sync_participant_shares(project) -> None:
	"""Share `project` read-only with exactly the users of its participating units."""
	wanted = set()
	if project.is_cross_department and not is_classified(project.secrecy_level):
		units = [row.unit for row in project.participating_units if row.unit != project.unit]
		wanted = participant_users(units)

	existing = frappe.get_all(
		"DocShare",
		filters={"share_doctype": project.doctype, "share_name": project.name, "write": 0, "share": 0},
		fields=["name", "user"],
		limit=0,
	)
	have = {row.user for row in existing}
	for row in existing:
		if row.user not in wanted:
			frappe.delete_doc("DocShare", row.name, ignore_permissions=True)
	for user in sorted(wanted - have):
		frappe.share.add_docshare(
			project.doctype, project.name, user, read=1, flags={"ignore_share_permission": True}, notify=0
		)


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
	for row in rows:
		sync_participant_shares(frappe.get_doc(row.parenttype, row.parent))
