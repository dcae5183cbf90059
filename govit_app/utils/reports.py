"""What GovIT's reports share, so that they look and filter alike: a filter means the same in
every report (a unit covers the units below it, Art 8), columns and charts have one shape,
and classified rows reach only those who may see them (Art 25). Reports read in a constant
number of queries and run on the read replica when the site has one (`frappe.read_only`).

The desk side is `public/js/report_filters.js` (included by each report's script).
"""

import frappe
from frappe import _
from frappe.utils import cint

# Rows a report shows at once (filter 每页条数; 0 shows all): what a desk renders and a wire
# carries quickly, whatever the number of projects behind the totals.
DEFAULT_PAGE_LENGTH = 500


def units_under(unit: str | None) -> list[str] | None:
	"""`unit` and every unit below it (one query); None when no unit is asked for."""
	if not unit:
		return None
	bounds = frappe.db.get_value("Gov Unit", unit, ["lft", "rgt"], as_dict=True)
	if not bounds:
		return [unit]
	return frappe.get_all(
		"Gov Unit", filters={"lft": (">=", bounds.lft), "rgt": ("<=", bounds.rgt)}, pluck="name"
	)


def sql_in(values: list | tuple | set) -> str:
	"""`(…)` of escaped values for an SQL `in`; never empty."""
	return "({})".format(", ".join(frappe.db.escape(v) for v in values) or "''")


def column(
	fieldname: str,
	label: str,
	fieldtype: str = "Data",
	options: str | None = None,
	width: int = 120,
	**extra,
) -> dict:
	"""A report column; `label` already translated (`_("…")` at the call, for the extractor)."""
	found = {"fieldname": fieldname, "label": label, "fieldtype": fieldtype, "width": width, **extra}
	if options:
		found["options"] = options
	if fieldtype in ("Float", "Currency"):
		found.setdefault("precision", 2)
	return found


def amount_column(fieldname: str, label: str, width: int = 110) -> dict:
	"""An amount in 万元."""
	return column(fieldname, label, "Float", width=width)


def bar_chart(labels: list[str], datasets: dict[str, list[float]], stacked: bool = False) -> dict:
	"""A Frappe bar chart: one bar (or one stacked part) per dataset."""
	chart = {
		"data": {
			"labels": labels,
			"datasets": [{"name": name, "values": values} for name, values in datasets.items()],
		},
		"type": "bar",
	}
	if stacked:
		chart["barOptions"] = {"stacked": 1}
	return chart


def summary_item(label: str, value: float, datatype: str = "Int", indicator: str = "Blue") -> dict:
	return {"label": label, "value": value, "datatype": datatype, "indicator": indicator}


def page_length(filters: dict) -> int:
	"""The filter `page_length`: DEFAULT_PAGE_LENGTH when not given, 0 for every row."""
	value = filters.get("page_length")
	return DEFAULT_PAGE_LENGTH if value in (None, "") else max(cint(value), 0)


def page_number(filters: dict) -> int:
	"""The filter `page`, from 1."""
	return max(cint(filters.get("page")), 1)


def page_limit(filters: dict) -> str:
	"""The SQL `limit … offset …` of the page the filters ask for; empty for all."""
	length = page_length(filters)
	return f"limit {length} offset {(page_number(filters) - 1) * length}" if length else ""


def page_summary(rows: int, filters: dict) -> list[dict]:
	"""Which page of how many, when the rows do not fit on one."""
	length = page_length(filters)
	if not length or rows <= length:
		return []
	pages = -(-rows // length)
	page = min(page_number(filters), pages)
	return [summary_item(_("Page"), f"{page} / {pages}", "Data")]
