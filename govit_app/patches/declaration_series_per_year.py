"""Declarations are numbered per plan year (SB-2027-00001); continue each year after its highest number."""

import frappe
from frappe.query_builder import DocType


def execute() -> None:
	highest: dict[str, int] = {}
	for name in frappe.get_all("Project Declaration", pluck="name"):
		prefix, _sep, number = name.rpartition("-")
		if prefix and number.isdigit():
			highest[prefix + "-"] = max(highest.get(prefix + "-", 0), int(number))
	series = DocType("Series")
	for prefix, current in highest.items():
		if frappe.db.exists("Series", prefix):
			frappe.qb.update(series).set(series.current, current).where(
				(series.name == prefix) & (series.current < current)
			).run()
		else:
			frappe.qb.into(series).insert(prefix, current).run()
