"""Where a desk user lands after logging in: the workspace 政务信息化项目管理.

Frappe's desk opens, in this order, the user's `default_workspace`, a private "home", a public
"Home" workspace, and otherwise the first workspace the user may see, whose order depends on
the other apps and workspaces of the site. A default_workspace makes the landing certain for
every new user (demo users, unit staff, a new administrator); an explicit choice is kept.
"""

import frappe

WORKSPACE = "E-Government IT Projects"  # shown as 政务信息化项目管理


def workspace_exists() -> bool:
	return bool(frappe.db.exists("Workspace", WORKSPACE))


def set_default_workspace(doc, method=None) -> None:
	"""User before_insert."""
	if not doc.get("default_workspace") and workspace_exists():
		doc.default_workspace = WORKSPACE


def land_in_workspace(user: str) -> None:
	"""For a user made before the app (Administrator on install) or by the demo's helpers."""
	if workspace_exists() and not frappe.db.get_value("User", user, "default_workspace"):
		frappe.db.set_value("User", user, "default_workspace", WORKSPACE, update_modified=False)
		frappe.clear_cache(user=user)


def forget_workspace() -> None:
	"""On uninstall: no user keeps a default workspace that is about to disappear."""
	users = frappe.get_all("User", filters={"default_workspace": WORKSPACE}, pluck="name", limit=0)
	for user in users:
		frappe.db.set_value("User", user, "default_workspace", None, update_modified=False)
