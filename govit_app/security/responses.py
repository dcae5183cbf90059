"""What a failed request tells a client that is not a System Manager (hooks `after_request`).

Frappe puts the exception's text (`exception`, a database's own words such as "Data too long
for column …") and, when tracebacks are allowed, the whole traceback (`exc`) into the JSON of
a failed request. Only System Managers get them; everyone else gets the messages written for
users. A body that is not JSON fails in Frappe before any hook runs and answered 500: it is
a 400 with a message saying so.
"""

import json

import frappe
from frappe import _

from govit_app.security.session import is_admin

# Keys of Frappe's JSON that carry exception texts or tracebacks (API v1 and v2).
EXCEPTION_KEYS = ("exc", "exception", "_exc_source", "_debug_messages", "_error_message", "debug")


def after_request(response, request) -> None:
	if response is None or response.status_code < 400 or response.mimetype != "application/json":
		return
	if is_admin():
		return
	try:
		body = json.loads(response.get_data(as_text=True) or "{}")
	except ValueError:
		return
	if not isinstance(body, dict):
		return
	if body.get("exc_type") == "JSONDecodeError" or _v2_type(body) == "JSONDecodeError":
		response.status_code = 400
		body = {
			"exc_type": "ValidationError",
			"_server_messages": json.dumps(
				[
					json.dumps(
						{
							"message": _("The request holds text that is not valid JSON.", lang=_lang()),
							"indicator": "red",
						}
					)
				]
			),
		}
	for key in EXCEPTION_KEYS:
		body.pop(key, None)
	for error in body.get("errors") or []:
		if isinstance(error, dict):
			error.pop("exception", None)
	response.set_data(json.dumps(body, separators=(",", ":")))


def _v2_type(body: dict) -> str | None:
	errors = body.get("errors")
	if isinstance(errors, list) and errors and isinstance(errors[0], dict):
		return errors[0].get("type")
	return None


def _lang() -> str:
	try:
		return frappe.db.get_default("lang") or "zh"
	except Exception:
		return "zh"


def hide_tracebacks() -> None:
	"""Frappe's error pages and JSON leave the traceback out for this request."""
	if not is_admin():
		frappe.local.flags.disable_traceback = True
