"""Insert many framework records (Versions, shares…) in one statement, stamped as Frappe stamps them."""

import frappe
from frappe.utils import now_datetime


def insert_rows(doctype: str, rows: list[dict]) -> None:
	"""One INSERT for all `rows` (dicts of the same fields), each named, dated and signed by the session user."""
	if not rows:
		return
	now, user = now_datetime(), frappe.session.user
	stamp = {"creation": now, "modified": now, "owner": user, "modified_by": user}
	fields = ["name", *stamp, *rows[0]]
	frappe.db.bulk_insert(
		doctype,
		fields=fields,
		values=[(frappe.generate_hash(length=10), *stamp.values(), *row.values()) for row in rows],
	)
