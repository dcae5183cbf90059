"""Frappe permission hooks for the unit-scoped DocTypes (each has `unit`; some `secrecy_level`)
and for the child tables of every GovIT DocType.

Frappe applies a user's User Permissions only when the caller does not ignore them, and lists
a child table's rows of every parent; these hooks enforce `policy.may_see` themselves, in SQL
for lists and per document for reads.
"""

import frappe
from frappe import _
from frappe.model import table_fields

from govit_app.errors import NotYourStepError, throw
from govit_app.permissions.policy import is_classified, may_see, reads_every_unit, sees_all_classified
from govit_app.vocabulary import SecrecyLevel


def user_units(user: str) -> set[str]:
	"""Units the user acts for: their User Permissions on Gov Unit, descendants included."""
	permissions = frappe.permissions.get_user_permissions(user) or {}
	return {row.get("doc") for row in permissions.get("Gov Unit", [])}


def _in(values: set[str]) -> str:
	return ", ".join(frappe.db.escape(v) for v in sorted(values))


def _shared_with(user: str, doctype: str) -> str:
	"""SQL: the names of `doctype`'s records shared with `user` for reading."""
	doctype, user = frappe.db.escape(doctype), frappe.db.escape(user)
	return (
		f"select `share_name` from `tabDocShare` where `share_doctype` = {doctype} and `read` = 1"
		f" and (`user` = {user} or `everyone` = 1)"
	)


def query_conditions(user: str | None = None, doctype: str | None = None) -> str:
	"""List/report filter mirroring `policy.may_see`."""
	return classified_condition(f"`tab{doctype}`", user, doctype)


def classified_condition(table: str, user: str | None = None, doctype: str = "IT Project") -> str:
	"""SQL keeping the rows of `table` (a table or an alias of `doctype`) the user may see: unit
	scoping and Art 25, as `policy.may_see`; "" for those who see all. Reports joining a
	unit-scoped table apply it to that table, as lists do."""
	user = user or frappe.session.user
	if user == "Administrator":
		return ""
	roles = frappe.get_roles(user)
	units = user_units(user)
	own = f"{table}.`unit` in ({_in(units)})" if units else None
	has_secrecy = frappe.get_meta(doctype).has_field("secrecy_level")
	unclassified = (
		f"ifnull({table}.`secrecy_level`, '') in ('', {frappe.db.escape(SecrecyLevel.UNCLASSIFIED)})"
		if has_secrecy
		else None
	)
	if reads_every_unit(roles):
		if not unclassified or sees_all_classified(roles):
			return ""
		readable = [unclassified]
	else:
		shared = f"{table}.`name` in ({_shared_with(user, doctype)})"
		readable = [f"({shared} and {unclassified})" if unclassified else shared]
	if own:
		readable.append(own)
	return "(" + " or ".join(readable) + ")"


def has_permission(
	doc, ptype: str | None = None, user: str | None = None, debug: bool = False
) -> bool | None:
	"""Single-document check mirroring `query_conditions`; None leaves the decision to Frappe."""
	user = user or frappe.session.user
	if user == "Administrator":
		return None
	roles = frappe.get_roles(user)
	unit, secrecy = doc.get("unit"), doc.get("secrecy_level")
	units = user_units(user)
	if may_see(roles, units, unit, secrecy):
		return None
	shared = (
		not is_classified(secrecy)
		and not doc.is_new()
		and bool(
			frappe.share.get_shared(doc.doctype, user, ["read"], filters=[["share_name", "=", doc.name]])
		)
	)
	return None if shared else False


# ---- child tables ------------------------------------------------------------------------


def parent_doctypes(child: str) -> list[str]:
	"""The DocTypes holding `child` as a table."""
	return sorted(
		set(
			frappe.get_all(
				"DocField",
				filters={"options": child, "fieldtype": ("in", list(table_fields))},
				pluck="parent",
			)
		)
		| set(
			frappe.get_all(
				"Custom Field",
				filters={"options": child, "fieldtype": ("in", list(table_fields))},
				pluck="dt",
			)
		)
	)


def child_query_conditions(user: str | None = None, doctype: str | None = None) -> str:
	"""A child table's rows only of parents the user may read (Frappe lists every parent's)."""
	user = user or frappe.session.user
	if user == "Administrator":
		return ""
	table = f"`tab{doctype}`"
	readable = []
	for parent in parent_doctypes(doctype):
		if frappe.get_meta(parent).issingle:
			if frappe.has_permission(parent, "read", user=user):
				readable.append(f"{table}.`parenttype` = {frappe.db.escape(parent)}")
			continue
		try:
			names = frappe.get_list(parent, fields=[f"`tab{parent}`.`name`"], user=user, run=0)
		except frappe.PermissionError:
			frappe.clear_last_message()
			continue
		readable.append(
			f"({table}.`parenttype` = {frappe.db.escape(parent)} and {table}.`parent` in ({names}))"
		)
	return "(" + " or ".join(readable) + ")" if readable else "1 = 0"


def validate_share(share, method=None) -> None:
	"""DocShare validate: no share opens a classified record to someone Art 25 keeps it from
	(Frappe lets a share grant a read that every hook refused)."""
	doctype = share.share_doctype
	if not doctype or not frappe.get_meta(doctype).has_field("secrecy_level"):
		return
	record = frappe.db.get_value(doctype, share.share_name, ["unit", "secrecy_level"], as_dict=True)
	if not record or not is_classified(record.secrecy_level):
		return
	if share.everyone or not may_see(
		frappe.get_roles(share.user), user_units(share.user), record.unit, record.secrecy_level
	):
		throw(
			_(
				"{0} {1} is classified: it is not shared outside its unit, the Office and the Secrecy Bureau (Art 25)."
			).format(_(doctype), share.share_name),
			article=25,
			exc=NotYourStepError,
			title=_("Classified project"),
		)
