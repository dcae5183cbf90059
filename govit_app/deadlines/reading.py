"""The open due dates of every source in `deadlines.sources`, one query per source.

The job reads them all (`as_reader=False`); the report reads them as its user does, through
`frappe.get_list`, so User Permissions keep a unit to its own records and the permission hooks
hide classified ones (Art 25).
"""

from dataclasses import dataclass
from datetime import date

import frappe
from frappe.utils import getdate

from govit_app.deadlines.sources import SOURCES, DeadlineSource


@dataclass(frozen=True)
class OpenDeadline:
	source: DeadlineSource
	name: str
	it_project: str
	title: str
	unit: str
	due: date
	is_overdue: bool = False


def open_deadlines(
	sources: list[DeadlineSource] | None = None,
	up_to: date | None = None,
	unit: str | None = None,
	as_reader: bool = False,
) -> list[OpenDeadline]:
	"""Open documents whose due date is set (and not after `up_to`), of `unit` and the units below it."""
	found: list[OpenDeadline] = []
	for s in SOURCES if sources is None else sources:
		if as_reader and not frappe.has_permission(s.doctype, "read"):
			continue
		filters = [
			[s.doctype, f, *(v if isinstance(v, tuple) else ("=", v))] for f, v in s.open_filters.items()
		]
		filters.append(
			[s.doctype, s.due_field, "<=", up_to] if up_to else [s.doctype, s.due_field, "is", "set"]
		)
		if unit:
			filters.append([s.doctype, s.unit_field, "descendants of (inclusive)", unit])
		fields = [
			"name",
			f"{s.due_field} as due",
			f"{s.unit_field} as unit",
			f"{s.project_field} as it_project",
			f"{s.title_field} as title",
		]
		if s.overdue_field:
			fields.append(f"{s.overdue_field} as is_overdue")
		read = frappe.get_list if as_reader else frappe.get_all
		for row in read(s.doctype, filters=filters, fields=fields, limit_page_length=0):
			found.append(
				OpenDeadline(
					s,
					row.name,
					row.it_project,
					row.title or row.it_project,
					row.unit,
					getdate(row.due),
					bool(row.get("is_overdue")),
				)
			)
	return found
