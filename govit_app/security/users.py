"""Nobody becomes System Manager by accident.

Frappe adds System Manager to any system user it saves while no user but Administrator holds
it ("there must be at least one System Manager"), so the first unit user of a new city, and
any user saved later while that holds, could grant themselves another unit. Administrator is
this site's System Manager; the role is given on purpose (a user saved with it in the form),
never by that rule, to a user acting for the city's departments or units.
"""

import frappe
from frappe import _

from govit_app.roles import ALL_ROLES

SYSTEM_MANAGER = "System Manager"
# Frappe's message when it adds the role (its own msgid, translated by Frappe).
FRAPPE_ADDED_MESSAGE = "Adding System Manager to this User as there must be atleast one System Manager"


def remember_roles(user, method=None) -> None:
	"""before_validate: the roles the user is being saved with."""
	user.flags.govit_roles_asked = {row.role for row in user.get("roles")}


def keep_system_manager_off(user, method=None) -> None:
	"""validate (after Frappe's): take back a System Manager role Frappe added on its own."""
	asked = user.flags.govit_roles_asked
	if asked is None or SYSTEM_MANAGER in asked:
		return
	roles = {row.role for row in user.get("roles")}
	if SYSTEM_MANAGER not in roles or roles.isdisjoint(ALL_ROLES):
		return
	user.set("roles", [row for row in user.get("roles") if row.role != SYSTEM_MANAGER])
	added = _(FRAPPE_ADDED_MESSAGE)
	frappe.local.message_log = [
		m
		for m in frappe.local.message_log
		if added not in str(m.get("message") if isinstance(m, dict) else m)
	]
