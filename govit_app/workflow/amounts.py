"""The approved amounts of IT Projects, written for many projects at once (`rules.project_amounts`).

A constant number of queries whatever the number of projects: one read of their histories,
one delete and one insert of the histories that change, and the totals through
`stages.set_values` (which leaves a Version per project).
"""

from dataclasses import astuple, fields

import frappe

from govit_app.rules.project_amounts import AmountRow, merge, sets_project_amount, total
from govit_app.utils.settings import get_settings
from govit_app.workflow.stages import set_values

TABLE = "IT Project Amount"
COLUMNS = [f.name for f in fields(AmountRow)]


def record_amounts(entries: dict[str, AmountRow]) -> None:
	"""Give each project (key) the row `entries` holds for its plan year's declaration."""
	if not entries:
		return
	histories: dict[str, list[AmountRow]] = {name: [] for name in entries}
	for row in frappe.get_all(
		TABLE,
		filters={"parenttype": "IT Project", "parent": ("in", list(entries))},
		fields=["parent", *COLUMNS],
		order_by="idx asc",
		limit=0,
	):
		histories[row.parent].append(AmountRow(**{c: row[c] or default(c) for c in COLUMNS}))
	merged = {name: merge(histories[name], entry) for name, entry in entries.items()}
	changed = [name for name in entries if merged[name] != histories[name]]
	if changed:
		rewrite(changed, merged)
	settings = get_settings()
	set_values(
		"IT Project",
		{
			name: {
				"total_approved_amount": total(merged[name]),
				**(
					{"approved_amount": entry.approved_amount}
					if sets_project_amount(entry.project_nature, settings)
					else {}
				),
			}
			for name, entry in entries.items()
		},
	)


def default(column: str):
	return 0 if column in ("plan_year", "approved_amount") else ""


def rewrite(projects: list[str], histories: dict[str, list[AmountRow]]) -> None:
	frappe.db.delete(TABLE, {"parenttype": "IT Project", "parent": ("in", projects)})
	now, user = frappe.utils.now_datetime(), frappe.session.user
	frappe.db.bulk_insert(
		TABLE,
		fields=[
			"name",
			"creation",
			"modified",
			"owner",
			"modified_by",
			"docstatus",
			"parent",
			"parenttype",
			"parentfield",
			"idx",
			*COLUMNS,
		],
		values=[
			(
				frappe.generate_hash(length=10),
				now,
				now,
				user,
				user,
				0,
				project,
				"IT Project",
				"amount_history",
				idx,
				*astuple(row),
			)
			for project in projects
			for idx, row in enumerate(histories[project], start=1)
		],
	)
