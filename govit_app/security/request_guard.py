"""Every request is looked at before Frappe runs it (hooks `before_request`).

The request is resolved to the whitelisted method it will run (`/api/method/…`, the
`/api/resource` and `/api/v2/document` lists, which run `frappe.client.get_list`, the v2
count) and its arguments are checked for everyone but System Managers:

- list, report, export, card and chart endpoints take only column text (`query_text`);
- searches never skip the permission hooks of a DocType that has them, and run only
  search queries;
- comments, assignments, likes, follows and tags only by those who work on the record;
- bodies written to GovIT DocTypes are of the field's type and size (`body`);
- a private file is served only to those who may read the record it was first attached to.
"""

from collections.abc import Callable

import frappe
import frappe.api
from frappe import _

from govit_app.security import body, files, lists, responses, social
from govit_app.security.session import is_admin


def before_request() -> None:
	request = frappe.local.request
	_authenticate()
	responses.hide_tracebacks()
	if request.path.startswith("/private/files/"):
		files.check_download(request.path)
		return
	call = resolve(request)
	if not call:
		return
	if is_admin():
		return
	method, args = call
	check = CHECKS.get(method)
	if check:
		check(args)


def _authenticate() -> None:
	"""Frappe authenticates API keys and tokens after `before_request`: do it now, so that the
	checks judge the caller, not Guest (Frappe's own call repeats it harmlessly)."""
	if frappe.get_request_header("Authorization"):
		frappe.auth.validate_auth()


def resolve(request) -> tuple[str, dict] | None:
	"""(whitelisted method, its arguments) of an API request, or None."""
	form = frappe.local.form_dict
	if form.get("cmd"):
		return str(form.cmd), form
	if not request.path.startswith("/api/"):
		return None
	try:
		endpoint, arguments = frappe.api.API_URL_MAP.bind_to_environ(request.environ).match()
	except Exception:  # not an API route: Frappe answers 404
		return None
	name = getattr(endpoint, "__name__", "")
	if name == "handle_rpc_call":
		method = arguments.get("method", "")
		if arguments.get("doctype"):
			return None  # a DocType controller's own method
		return method.split("/")[0], form
	if name == "document_list":
		return "frappe.client.get_list", {**form, "doctype": arguments["doctype"]}
	if name == "count":
		return "frappe.desk.reportview.get_count", {**form, "doctype": arguments["doctype"]}
	if name == "delete_doc":
		return "frappe.client.delete", {"doctype": arguments["doctype"], "name": arguments["name"]}
	if name == "read_doc":
		return "frappe.client.get", {**form, "doctype": arguments["doctype"], "name": arguments["name"]}
	if name in ("create_doc", "update_doc"):
		return f"rest.{name}", {
			"doctype": arguments["doctype"],
			"name": arguments.get("name"),
			"data": _rest_body(request, form),
		}
	return None


def _rest_body(request, form) -> object:
	"""The document a REST create/update sends (Frappe's `get_request_form_data`)."""
	if frappe.api.get_api_version() == frappe.api.ApiVersion.V2:
		return form
	data = form.get("data")
	if data is None:
		data = frappe.safe_decode(request.get_data())
	try:
		return frappe.parse_json(data) if data not in (None, "") else form
	except ValueError:
		return form


def check_child_read(args: dict) -> None:
	"""A child row is read only by those who may read its parent record (Frappe checks the
	parent DocType only when a row is fetched on its own)."""
	doctype, name = args.get("doctype"), args.get("name")
	if (
		not isinstance(doctype, str)
		or not frappe.db.exists("DocType", doctype)
		or not frappe.is_table(doctype)
	):
		return
	if not name and args.get("filters"):
		name = frappe.db.get_value(doctype, frappe.parse_json(args.get("filters")))
	row = frappe.db.get_value(doctype, name, ["parenttype", "parent"], as_dict=True) if name else None
	if row and row.parenttype and not frappe.has_permission(row.parenttype, "read", row.parent):
		frappe.throw(
			_("You may not read {0} {1}.").format(_(row.parenttype), row.parent), frappe.PermissionError
		)


# ---- the table -----------------------------------------------------------------------------

CHECKS: dict[str, Callable[[dict], None]] = {
	"frappe.client.get": check_child_read,
	**lists.CHECKS,
	**social.CHECKS,
	**body.CHECKS,
}
