"""Who acts next: the enabled users of a role, optionally those acting for given units."""

import frappe
from frappe.utils.nestedset import get_ancestors_of


def users_with_role(role: str, units: list[str] | None = None) -> list[str]:
	"""Enabled users holding `role`; with `units`, only those with a User Permission on one of them."""
	has_role = frappe.qb.DocType("Has Role")
	user = frappe.qb.DocType("User")
	query = (
		frappe.qb.from_(has_role)
		.join(user)
		.on(user.name == has_role.parent)
		.select(user.name)
		.distinct()
		.where((has_role.role == role) & (has_role.parenttype == "User") & (user.enabled == 1))
	)
	if units is not None:
		if not units:
			return []
		permission = frappe.qb.DocType("User Permission")
		query = (
			query.join(permission)
			.on(permission.user == user.name)
			.where((permission.allow == "Gov Unit") & permission.for_value.isin(units))
		)
	return sorted(query.run(pluck=True))


def unit_and_ancestors(unit: str | None) -> list[str]:
	"""A User Permission on a unit covers the units below it, so these users act for `unit`."""
	if not unit:
		return []
	return [unit, *get_ancestors_of("Gov Unit", unit)]


def users_by_unit(role: str, units: list[str]) -> dict[str, list[str]]:
	"""unit -> enabled users holding `role` with a User Permission on that very unit, in one query."""
	if not units:
		return {}
	has_role = frappe.qb.DocType("Has Role")
	user = frappe.qb.DocType("User")
	permission = frappe.qb.DocType("User Permission")
	rows = (
		frappe.qb.from_(permission)
		.join(user)
		.on(user.name == permission.user)
		.join(has_role)
		.on((has_role.parent == user.name) & (has_role.parenttype == "User"))
		.select(permission.for_value, user.name)
		.distinct()
		.where(
			(permission.allow == "Gov Unit")
			& permission.for_value.isin(units)
			& (has_role.role == role)
			& (user.enabled == 1)
		)
		.run()
	)
	found: dict[str, list[str]] = {}
	for unit, name in rows:
		found.setdefault(unit, []).append(name)
	return {unit: sorted(users) for unit, users in found.items()}
