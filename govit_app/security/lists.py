"""Lists, reports, exports, cards, charts and searches take column names, not SQL.

Frappe pastes `fields`, `order_by`, `group_by`, a card's or a chart's aggregate field and a
search's filter fields into SQL, blacklisting only some functions; these checks accept only
what `query_text` allows. A search never skips the permission hooks of a DocType that has
them (`ignore_user_permissions` made Frappe skip every hook) and runs only search queries.
"""

import inspect
import json

import frappe
from frappe import _

from govit_app.security.query_text import Clause, Refusal, check_clause, check_fields, is_column_name
from govit_app.security.session import is_admin


class QueryTextError(frappe.ValidationError):
	"""A list, report, card or chart request carries SQL beyond column names."""


def refuse_text(what: str, refusal) -> None:
	frappe.throw(
		_(
			"{0}: {1} is not accepted here; name columns of the DocType (aggregates: count, sum, avg,"
			" min, max), without sub-queries, other functions or comments."
		).format(what, frappe.bold(frappe.utils.escape_html(refusal.text[:200]))),
		QueryTextError,
		title=_("Query refused"),
	)


def _json(value):
	if isinstance(value, str):
		if value.strip() == "*":
			return "*"
		try:
			return json.loads(value)
		except ValueError:
			return value.split(",")  # Frappe splits a plain text on commas
	return value


def check_list_args(args: dict) -> None:
	"""fields, order_by, group_by, pluck and the report view's aggregate of a list request."""
	fields = _json(args.get("fields"))
	if fields not in (None, "", []):
		refusal = check_fields(fields)
		if refusal:
			refuse_text(_("Fields"), refusal)
	for key, clause, label in (
		("order_by", Clause.ORDER_BY, _("Order by")),
		("group_by", Clause.GROUP_BY, _("Group by")),
	):
		value = args.get(key)
		if value not in (None, ""):
			refusal = check_clause(value, clause)
			if refusal:
				refuse_text(label, refusal)
	for key in ("pluck", "aggregate_on_field"):
		value = args.get(key)
		if value not in (None, "") and not is_column_name(value):
			refuse_text(key, _refusal(value))
	function = args.get("aggregate_function")
	if function not in (None, "") and str(function).lower() not in ("count", "sum", "avg"):
		refuse_text(_("Aggregate"), _refusal(function))
	on_doctype = args.get("aggregate_on_doctype")
	if on_doctype not in (None, "") and on_doctype != args.get("doctype"):
		children = {df.options for df in frappe.get_meta(args.get("doctype")).get_table_fields()}
		if on_doctype not in children:
			refuse_text(_("Aggregate"), _refusal(on_doctype))
	for key in ("run", "debug", "ignore_ddl", "user"):
		if args.get(key) not in (None, "", 0, "0", False, "false"):
			refuse_text(key, _refusal(args.get(key)))


def _refusal(value) -> Refusal:
	return Refusal(str(value), "")


def check_get_value(args: dict) -> None:
	check_list_args({**args, "fields": args.get("fieldname")})


def check_card(args: dict) -> None:
	"""A number card sent by the client: its aggregate names one column."""
	doc = frappe.parse_json(args.get("doc")) or {}
	if not isinstance(doc, dict):
		refuse_text(_("Number Card"), _refusal(doc))
	check_card_fields(frappe._dict(doc))


def check_card_fields(doc) -> None:
	"""A card counts, or aggregates one column (also checked when a card is saved)."""
	if doc.get("function") not in (None, "", "Count", "Sum", "Average", "Minimum", "Maximum"):
		refuse_text(_("Number Card"), _refusal(doc.get("function")))
	based_on = doc.get("aggregate_function_based_on")
	if doc.get("function") not in (None, "", "Count") and not is_column_name(based_on):
		refuse_text(_("Number Card"), _refusal(based_on))


def check_stored_card(args: dict) -> None:
	doc = frappe.parse_json(args.get("doc")) or {}
	name = doc.get("name") if isinstance(doc, dict) else None
	if name and frappe.db.exists("Number Card", name):
		check_card_fields(frappe.get_doc("Number Card", name))


def check_chart(args: dict) -> None:
	"""A dashboard chart, named or sent whole: its columns are columns; no heatmap (Frappe reads
	a heatmap's data without any permission)."""
	name = args.get("chart_name")
	if name:
		if not frappe.has_permission("Dashboard Chart", "read", name):
			frappe.throw(_("You may not read the chart {0}.").format(name), frappe.PermissionError)
		chart = frappe.get_doc("Dashboard Chart", name)
	else:
		chart = frappe.parse_json(args.get("chart")) or {}
		if not isinstance(chart, dict):
			refuse_text(_("Dashboard Chart"), _refusal(chart))
		chart = frappe._dict(chart)
	check_chart_fields(chart)


def check_chart_fields(chart) -> None:
	if chart.get("type") == "Heatmap" and not is_admin():
		frappe.throw(
			_("Heatmap charts are for System Managers: Frappe reads their data without permissions."),
			frappe.PermissionError,
		)
	for key in ("based_on", "value_based_on", "group_by_based_on", "aggregate_function_based_on"):
		value = chart.get(key)
		if value not in (None, "") and not is_column_name(value):
			refuse_text(_("Dashboard Chart"), _refusal(value))
	for key, allowed in (
		("group_by_type", ("Count", "Sum", "Average")),
		("chart_type", ("Count", "Sum", "Average", "Group By", "Custom", "Report")),
	):
		if chart.get(key) not in (None, "", *allowed):
			refuse_text(_("Dashboard Chart"), _refusal(chart.get(key)))


# ---- search --------------------------------------------------------------------------------


def has_permission_hooks(doctype: str) -> bool:
	hooks = frappe.get_hooks("permission_query_conditions") or {}
	return bool(hooks.get(doctype))


def check_search(args: dict) -> None:
	"""A search never skips a DocType's permission hooks, takes plain filter fields and runs only
	a search query (a function taking `txt`), not any whitelisted method."""
	doctype = args.get("doctype")
	if doctype and has_permission_hooks(doctype) and args.get("ignore_user_permissions"):
		frappe.local.form_dict["ignore_user_permissions"] = 0
	filter_fields = _json(args.get("filter_fields"))
	if filter_fields not in (None, "", []):
		if not isinstance(filter_fields, list) or not all(is_column_name(f) for f in filter_fields):
			refuse_text(_("Fields"), _refusal(filter_fields))
	query = args.get("query")
	if query and not is_search_query(query):
		frappe.throw(_("{0} is not a search query.").format(query), frappe.PermissionError)


def is_search_query(method: str) -> bool:
	try:
		fn = frappe.get_attr(method)
		parameters = list(inspect.signature(fn).parameters)
	except Exception:
		return False
	return len(parameters) >= 2 and parameters[1] == "txt"


def validate_number_card(doc, method=None) -> None:
	"""A stored card (anyone may create one through Frappe's create_number_card) names columns."""
	if doc.type in (None, "", "Document Type"):
		check_card_fields(doc)


def validate_dashboard_chart(doc, method=None) -> None:
	if doc.chart_type not in ("Custom", "Report"):
		check_chart_fields(doc)


CHECKS = {
	"frappe.client.get_list": check_list_args,
	"frappe.client.get_value": check_get_value,
	"frappe.desk.reportview.get": check_list_args,
	"frappe.desk.reportview.get_list": check_list_args,
	"frappe.desk.reportview.get_count": check_list_args,
	"frappe.desk.reportview.export_query": check_list_args,
	"frappe.desk.doctype.number_card.number_card.get_result": check_card,
	"frappe.desk.doctype.number_card.number_card.get_percentage_difference": check_stored_card,
	"frappe.desk.doctype.dashboard_chart.dashboard_chart.get": check_chart,
	"frappe.desk.search.search_link": check_search,
	"frappe.desk.search.search_widget": check_search,
}
