"""Who the checks of `govit_app.security` leave alone: System Managers (and Administrator)."""

import frappe

ADMIN_ROLES = frozenset({"System Manager", "Administrator"})


def is_admin(user: str | None = None) -> bool:
	"""Whether `user` (default: the request's user, if any yet) administers the site."""
	user = user or getattr(getattr(frappe.local, "session", None), "user", None)
	if not user:
		return False
	return user == "Administrator" or not ADMIN_ROLES.isdisjoint(frappe.get_roles(user))
