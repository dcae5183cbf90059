"""Whitelisted methods of Frappe that answered without asking (override_whitelisted_methods).

Each keeps its signature and answers only about rows the user may read: a count counts them
(Frappe's counted the whole table, an oracle on any field's value), a title or a link check
names a document only to those who may read it, and the list sidebar's "assigned to" counts
only readable documents.
"""

import frappe
from frappe import _
from frappe.desk import listview, search
from frappe.model import is_default_field
from frappe.query_builder import Order
from frappe.query_builder.functions import Count
from frappe.utils import get_safe_filters


@frappe.whitelist()
def get_count(doctype: str, filters=None, debug=False, cache=False) -> int:
	if not isinstance(doctype, str):
		frappe.throw(_("DocType must be a string"))
	rows = frappe.get_list(doctype, filters=get_safe_filters(filters), fields=["count(*) as total_count"])
	return rows[0].total_count if rows else 0


def _may_name(doctype: str, name: str) -> bool:
	"""Whether the user may learn that `name` exists and what it is called."""
	if doctype == "DocType" or not frappe.db.exists(doctype, name):
		return True  # Frappe's own answer then says nothing of a record
	ptype = "select" if frappe.only_has_select_perm(doctype) else "read"
	return frappe.has_permission(doctype, ptype, name)


@frappe.whitelist()
def get_link_title(doctype: str, docname: str):
	if not (isinstance(doctype, str) and isinstance(docname, str)):
		frappe.throw(_("DocType and name must be strings"))
	if not _may_name(doctype, docname):
		return None
	return search.get_link_title(doctype, docname)


@frappe.whitelist()
def validate_link(doctype: str, docname: str, fields=None):
	from frappe.client import validate_link as frappe_validate_link

	if isinstance(doctype, str) and isinstance(docname, str) and not _may_name(doctype, docname):
		return frappe._dict()  # as for a name that does not exist
	return frappe_validate_link(doctype, docname, fields)


@frappe.whitelist()
def get_group_by_count(doctype: str, current_filters: str, field: str) -> list[dict]:
	frappe.has_permission(doctype, "read", throw=True)
	if field != "assigned_to" and not (frappe.get_meta(doctype).has_field(field) or is_default_field(field)):
		frappe.throw(_("{0} is not a field of {1}.").format(field, _(doctype)))
	if field != "assigned_to":
		return listview.get_group_by_count(doctype, current_filters, field)
	names = frappe.get_list(doctype, filters=frappe.parse_json(current_filters), pluck="name", limit=0)
	if not names:
		return []
	todo = frappe.qb.DocType("ToDo")
	user = frappe.qb.DocType("User")
	count = Count("*").as_("count")
	return (
		frappe.qb.from_(todo)
		.from_(user)
		.select(todo.allocated_to.as_("name"), count)
		.where(
			(todo.status != "Cancelled")
			& (todo.allocated_to == user.name)
			& (user.user_type == "System User")
			& (todo.reference_type == doctype)
			& (todo.reference_name.isin(names))
		)
		.groupby(todo.allocated_to)
		.orderby(count, order=Order.desc)
		.limit(50)
		.run(as_dict=True)
	)
