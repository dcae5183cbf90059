"""Who sees and changes the information resource catalogue and its requests (Art 6).

The catalogue is open to every unit, so that they find what to share (its `unit` link ignores
User Permissions); only the resource's own unit (or the Office) changes an entry, and
classified projects' entries stay with their unit, the Office and Secrecy (Art 25). A request
is seen by the two units it concerns, the Office and the Audit Bureau; the requesting unit
writes it, the owner answers it through `answer`.
"""

import frappe

from govit_app import roles as R
from govit_app.permissions.hooks import user_units
from govit_app.permissions.policy import acts_for, is_classified, sees_all_classified
from govit_app.vocabulary import SecrecyLevel

READ_ONLY_PTYPES = frozenset({"read", "print", "report", "export", "email", "share", "select"})
# Roles that see every request (the Office supervises sharing; the Audit Bureau reads everything, Art 22).
ALL_REQUESTS_ROLES = frozenset({R.OFFICE, R.AUDIT, "System Manager"})


def sees_entry(roles, units, unit: str | None, secrecy_level: str | None) -> bool:
	"""Every unit reads the catalogue; a classified project's entry stays with its unit, the Office
	and Secrecy (Art 25)."""
	return not is_classified(secrecy_level) or sees_all_classified(roles) or (bool(unit) and unit in units)


def resource_query_conditions(user: str | None = None, doctype: str | None = None) -> str:
	"""`sees_entry` for lists and reports."""
	user = user or frappe.session.user
	if user == "Administrator" or sees_all_classified(frappe.get_roles(user)):
		return ""
	table = "`tabInformation Resource`"
	condition = f"ifnull({table}.`secrecy_level`, '') in ('', {frappe.db.escape(SecrecyLevel.UNCLASSIFIED)})"
	units = sorted(user_units(user))
	if units:
		condition = f"({condition} or {table}.`unit` in ({', '.join(frappe.db.escape(u) for u in units)}))"
	return condition


def resource_has_permission(doc, ptype: str | None = None, user: str | None = None, debug: bool = False):
	user = user or frappe.session.user
	if user == "Administrator":
		return None
	roles, units = frappe.get_roles(user), user_units(user)
	if not sees_entry(roles, units, doc.get("unit"), doc.get("secrecy_level")):
		return False
	# A new entry has no unit until its project is fetched: the controller judges it then.
	if (ptype or "read") not in READ_ONLY_PTYPES and doc.get("unit") and not acts_for(roles, units, doc.unit):
		return False
	return None


def request_query_conditions(user: str | None = None, doctype: str | None = None) -> str:
	user = user or frappe.session.user
	if user == "Administrator" or not ALL_REQUESTS_ROLES.isdisjoint(frappe.get_roles(user)):
		return ""
	units = sorted(user_units(user))
	if not units:
		return "1=0"
	values = ", ".join(frappe.db.escape(unit) for unit in units)
	table = "`tabInformation Resource Request`"
	return f"({table}.`requesting_unit` in ({values}) or {table}.`resource_unit` in ({values}))"


def request_has_permission(doc, ptype: str | None = None, user: str | None = None, debug: bool = False):
	user = user or frappe.session.user
	if user == "Administrator":
		return None
	roles, units = frappe.get_roles(user), user_units(user)
	if not ALL_REQUESTS_ROLES.isdisjoint(roles):
		return None
	requester = doc.get("requesting_unit")
	if (ptype or "read") in READ_ONLY_PTYPES:
		return None if {requester, doc.get("resource_unit")} & units else False
	# The requesting unit writes its request; a new one is judged by the controller.
	return None if not requester or requester in units else False
