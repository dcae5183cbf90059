"""The open due dates of every source in `deadlines.sources`, one query per source (to list or to count).

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
	since: date | None = None,
	first: int = 0,
) -> list[OpenDeadline]:
	"""Open documents whose due date is set (and within `since`…`up_to`), of `unit` and the units
	below it; with `first`, only the `first` earliest due of each source."""
	found: list[OpenDeadline] = []
	for s in readable(sources, as_reader):
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
		for row in read(
			s.doctype,
			filters=open_filters(s, unit, since, up_to),
			fields=fields,
			order_by=f"{s.due_field} asc, name asc",
			limit_page_length=first,
		):
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


def count_open(
	sources: list[DeadlineSource] | None,
	ranges: dict[str, tuple[date | None, date | None]],
	unit: str | None = None,
) -> dict[str, int]:
	"""How many open due dates `open_deadlines(…, as_reader=True)` would list within each of
	`ranges` (first, last; None: open), one query per source."""
	totals = dict.fromkeys(ranges, 0)
	for s in readable(sources, as_reader=True):
		fields = [
			f"sum(if({within(s.due_field, first, last)}, 1, 0)) as `n{i}`"
			for i, (first, last) in enumerate(ranges.values())
		]
		counts = frappe.get_list(
			s.doctype, filters=open_filters(s, unit, None, None), fields=fields, as_list=True
		)[0]
		for key, n in zip(ranges, counts, strict=True):
			totals[key] += int(n or 0)
	return totals


def within(field: str, first: date | None, last: date | None) -> str:
	bounds = [
		*([f"`{field}` >= {frappe.db.escape(str(first))}"] if first else []),
		*([f"`{field}` <= {frappe.db.escape(str(last))}"] if last else []),
	]
	return " and ".join(bounds) or "1 = 1"


def readable(sources: list[DeadlineSource] | None, as_reader: bool) -> list[DeadlineSource]:
	chosen = SOURCES if sources is None else sources
	return [s for s in chosen if not as_reader or frappe.has_permission(s.doctype, "read")]


def open_filters(s: DeadlineSource, unit: str | None, since: date | None, up_to: date | None) -> list:
	filters = [[s.doctype, f, *(v if isinstance(v, tuple) else ("=", v))] for f, v in s.open_filters.items()]
	filters.append([s.doctype, s.due_field, "is", "set"])
	if since:
		filters.append([s.doctype, s.due_field, ">=", since])
	if up_to:
		filters.append([s.doctype, s.due_field, "<=", up_to])
	if unit:
		filters.append([s.doctype, s.unit_field, "descendants of (inclusive)", unit])
	return filters
