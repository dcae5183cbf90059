"""An expert sees only the reviews assigned to them (Art 10); the Office, the Leading Group and
Audit see them all. Roles grant the read; these hooks only narrow it."""

import frappe

from govit_app import roles as R

SEES_ALL_REVIEWS = frozenset({R.OFFICE, R.LEADING_GROUP, R.AUDIT, "System Manager"})


def sees_all_reviews(user: str) -> bool:
	return user == "Administrator" or not SEES_ALL_REVIEWS.isdisjoint(frappe.get_roles(user))


def query_conditions(user: str | None = None, doctype: str | None = None) -> str:
	user = user or frappe.session.user
	if sees_all_reviews(user):
		return ""
	return f"`tabExpert Review`.`expert` = {frappe.db.escape(user)}"


def has_permission(
	doc, ptype: str | None = None, user: str | None = None, debug: bool = False
) -> bool | None:
	user = user or frappe.session.user
	if sees_all_reviews(user) or doc.get("expert") == user:
		return None
	return False
