"""Optimistic locking over the API: a write of a workflow document states the version it changes.

Frappe refuses a save whose `modified` differs from the database's (TimestampMismatchError),
but a REST PUT, `frappe.client.set_value` or a workflow action that sends no `modified` is
compared with the database's own value: two clients editing one draft both succeed and the
last one silently wins. For our workflow documents such a write must say which version it
read; the desk always does (its form save and workflow buttons send the document they show).

`base_on_stated_version` runs in `WorkflowDocument.check_if_latest`, where Frappe compares
under a row lock: the version the client states becomes the one the save is judged against.
Server steps (process steps, scheduler jobs, tests calling Python) are no request of this kind.
"""

import json
from collections.abc import Callable

import frappe
from frappe import _
from frappe.api import API_URL_MAP, v1, v2
from frappe.model.document import Document
from frappe.utils import get_datetime
from werkzeug.exceptions import HTTPException

from govit_app.errors import VersionNotStatedError

Key = tuple[str, str]
Versions = dict[Key, str | None]


def base_on_stated_version(doc: Document) -> None:
	"""Judge this save against the version the request states for `doc`; refuse it when none is stated."""
	key = (doc.doctype, doc.name)
	stated = stated_versions()
	# Once per document and request: a step saving it again works on what this write produced.
	if key not in stated or key in frappe.flags.setdefault("govit_versions_used", set()):
		return
	frappe.flags.govit_versions_used.add(key)
	version = parse_version(stated[key])
	if version is None:
		frappe.throw(
			_(
				"{0} {1} was not changed: the request does not say which version it changes. "
				"Read the document and send its {2} value with your change (a stale one is refused as a conflict)."
			).format(_(doc.doctype), doc.name, "modified"),
			VersionNotStatedError,
			title=_("Version required"),
		)
	doc._original_modified = version


def parse_version(value):
	"""A stated `modified` as a datetime; None when missing or not a timestamp."""
	try:
		return get_datetime(value) if value else None
	except (ValueError, TypeError, OverflowError):
		return None


def stated_versions() -> Versions:
	"""The documents this HTTP request writes through a guarded endpoint, and the version stated for each."""
	if "govit_stated_versions" not in frappe.flags:
		request = getattr(frappe.local, "request", None)
		frappe.flags.govit_stated_versions = read_request(request) if request else {}
	return frappe.flags.govit_stated_versions


def read_request(request) -> Versions:
	method = frappe.form_dict.cmd
	if request.path.startswith("/api/"):
		try:
			endpoint, args = API_URL_MAP.bind_to_environ(request.environ).match()
		except HTTPException:
			return {}
		if endpoint is v1.update_doc:
			return {target(args["doctype"], args["name"]): v1.get_request_form_data().get("modified")}
		if endpoint is v2.update_doc:
			return {target(args["doctype"], args["name"]): frappe.form_dict.get("modified")}
		rpc = endpoint in (v1.handle_rpc_call, v2.handle_rpc_call) and not args.get("doctype")
		method = args["method"].split("/")[0] if rpc else None
	reader = WRITE_METHODS.get(method)
	return reader(frappe.form_dict) if reader else {}


def target(doctype: str, name: str) -> Key:
	"""A child row is written by saving its parent document."""
	if frappe.is_table(doctype):  # cached: no query per workflow write
		parent = frappe.db.get_value(doctype, name, ["parenttype", "parent"])
		if parent:
			return tuple(parent)
	return (doctype, name)


def parsed(value):
	return json.loads(value) if isinstance(value, str) else (value or {})


def whole_document(args) -> Versions:
	"""Methods sent the whole document (`doc`), as the desk's form and workflow buttons do."""
	doc = parsed(args.get("doc"))
	if not isinstance(doc, dict) or not doc.get("doctype") or not doc.get("name"):
		return {}
	return {target(doc["doctype"], doc["name"]): doc.get("modified")}


def set_value(args) -> Versions:
	"""`modified` among the values (`fieldname` as a JSON object) or as a parameter of its own."""
	values = args.get("fieldname")
	try:
		values = parsed(values) if not args.get("value") else {}
	except ValueError:
		values = {}
	stated = values.get("modified") if isinstance(values, dict) else None
	return {target(args.get("doctype"), args.get("name")): stated or args.get("modified")}


def bulk_update(args) -> Versions:
	docs = parsed(args.get("docs"))
	return {
		target(d["doctype"], d["docname"]): d.get("modified")
		for d in docs
		if isinstance(d, dict) and d.get("doctype") and d.get("docname")
	}


# RPC methods that write an existing document from what a client sends.
WRITE_METHODS: dict[str, Callable[[dict], Versions]] = {
	"frappe.client.save": whole_document,
	"frappe.client.submit": whole_document,
	"frappe.desk.form.save.savedocs": whole_document,
	"frappe.model.workflow.apply_workflow": whole_document,
	"frappe.client.set_value": set_value,
	"frappe.client.bulk_update": bulk_update,
}
