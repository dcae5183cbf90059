"""Who belongs where: the units, and desk users with their roles acting for units (User Permissions)."""

import frappe
from frappe.utils.password import update_password

from govit_app.utils.landing import land_in_workspace
from govit_app.vocabulary import UnitType


def ensure_unit(
	name: str,
	unit_type: str = UnitType.CITY_DEPARTMENT,
	competent: str | None = None,
	function: str | None = None,
) -> str:
	"""The Gov Unit `name`, made with these values if it does not exist yet."""
	if not frappe.db.exists("Gov Unit", name):
		frappe.get_doc(
			{
				"doctype": "Gov Unit",
				"unit_name": name,
				"unit_type": unit_type,
				"competent_unit": competent,
				"department_function": function,
			}
		).insert(ignore_permissions=True)
	return name


def ensure_member(
	email: str, full_name: str, roles: tuple[str, ...], units: tuple[str, ...], password: str
) -> str:
	"""A desk user holding exactly `roles` and acting for `units` (User Permission on Gov Unit)."""
	if not frappe.db.exists("User", email):
		user = frappe.get_doc(
			{
				"doctype": "User",
				"email": email,
				"first_name": full_name,
				"language": "zh",
				"send_welcome_email": 0,
			}
		)
		user.flags.no_welcome_mail = True
		user.insert(ignore_permissions=True)
	user = frappe.get_doc("User", email)
	if {row.role for row in user.roles} != set(roles):
		user.set("roles", [])
		user.add_roles(*roles)
	update_password(email, password)
	land_in_workspace(email)
	for unit in units:
		if not frappe.db.exists("User Permission", {"user": email, "allow": "Gov Unit", "for_value": unit}):
			frappe.get_doc(
				{
					"doctype": "User Permission",
					"user": email,
					"allow": "Gov Unit",
					"for_value": unit,
					"apply_to_all_doctypes": 1,
				}
			).insert(ignore_permissions=True)
	return email
