"""Frappe permission hooks for the unit-scoped DocTypes (each has `unit` and `secrecy_level`)."""

import frappe

from govit_app.permissions.policy import may_see, sees_all_classified
from govit_app.vocabulary import SecrecyLevel


def user_units(user: str) -> set[str]:
	"""Units the user acts for: their User Permissions on Gov Unit, descendants included."""
	permissions = frappe.permissions.get_user_permissions(user) or {}
	return {row.get("doc") for row in permissions.get("Gov Unit", [])}


def query_conditions(user: str | None = None, doctype: str | None = None) -> str:
	"""List/report filter: classified rows only for their unit, the Office and Secrecy."""
	return classified_condition(f"`tab{doctype}`", user)


def classified_condition(table: str, user: str | None = None) -> str:
	"""SQL keeping the classified rows of `table` (a table or alias with `unit` and
	`secrecy_level`) for their unit, the Office and Secrecy (Art 25); "" for those who see all.
	Reports joining a unit-scoped table apply it to that table, as lists do."""
	user = user or frappe.session.user
	if user == "Administrator" or sees_all_classified(frappe.get_roles(user)):
		return ""
	condition = f"ifnull({table}.`secrecy_level`, '') in ('', {frappe.db.escape(SecrecyLevel.UNCLASSIFIED)})"
	units = user_units(user)
	if units:
		values = ", ".join(frappe.db.escape(u) for u in sorted(units))
		condition = f"({condition} or {table}.`unit` in ({values}))"
	return condition


def has_permission(
	doc, ptype: str | None = None, user: str | None = None, debug: bool = False
) -> bool | None:
	"""Single-document check mirroring `query_conditions`; None leaves the decision to Frappe."""
	user = user or frappe.session.user
	if user == "Administrator":
		return None
	if may_see(frappe.get_roles(user), user_units(user), doc.get("unit"), doc.get("secrecy_level")):
		return None
	return False
