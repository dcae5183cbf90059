"""A document written to a GovIT DocType arrives with values of its fields' types and sizes.

Frappe applies a request body to the document before anything validates it, and our rules
compare amounts before Frappe casts them: a text for a table or an amount, 1e308 or 2 MB of
text ended in a 500 with the database's own words. Here every value is judged against its
field first and a malformed body is refused with a 417 naming the field; a number sent as
text ("12.5") is taken as the number.
"""

import json
import math

import frappe
from frappe import _
from frappe.model import table_fields
from frappe.utils import getdate

from govit_app.security import social

GOVIT_MODULE = "GovIT"
NUMERIC = {"Int": int, "Check": int, "Float": float, "Currency": float, "Percent": float}
DATES = {"Date", "Datetime", "Time"}
# MariaDB columns: decimal(21,9) holds less than 10^12, int(11) a signed 32-bit integer, TEXT
# 65,535 bytes.
LIMITS = {"Int": 2**31 - 1, "Check": 1, "Float": 10**12, "Currency": 10**12, "Percent": 10**12}
TEXT_BYTES = 65535
SAVE_ACTIONS = ("Save", "Submit", "Update", "Cancel")


class MalformedInputError(frappe.ValidationError):
	"""A value does not fit its field (type, size, range)."""


def refuse(doctype: str, fieldname: str, reason: str) -> None:
	meta = frappe.get_meta(doctype)
	label = _(meta.get_label(fieldname)) if meta.has_field(fieldname) else fieldname
	frappe.throw(
		_("{0} of {1}: {2}").format(frappe.bold(label), _(doctype), reason),
		MalformedInputError,
		title=_("Please correct the input"),
	)


def too_long(df, value: str) -> bool:
	"""Longer than the field's column holds (varchar counts characters, TEXT bytes)."""
	column = frappe.db.type_map.get(df.fieldtype, ("", ""))[0]
	if column == "varchar":
		return len(value) > (df.length or frappe.db.VARCHAR_LEN)
	if column == "text":
		return len(value.encode()) > TEXT_BYTES
	return False


def normalise(doctype: str, data: object, depth: int = 0) -> dict:
	"""`data` checked against `doctype`'s fields, numbers sent as text made numbers."""
	if not isinstance(data, dict):
		frappe.throw(
			_("A document of {0} is expected as an object of field values.").format(_(doctype)),
			MalformedInputError,
		)
	meta = frappe.get_meta(doctype)
	if "docstatus" in data and data["docstatus"] not in (None, 0, 1, 2, "0", "1", "2"):
		refuse(doctype, "docstatus", _("0, 1 or 2 is expected."))
	for fieldname, value in list(data.items()):
		df = meta.get_field(fieldname) if isinstance(fieldname, str) else None
		if not df or value is None:
			continue
		if df.fieldtype in table_fields:
			if not isinstance(value, list) or depth:
				refuse(doctype, fieldname, _("a list of rows is expected."))
			data[fieldname] = [normalise(df.options, row, depth + 1) for row in value]
		elif df.fieldtype in NUMERIC:
			data[fieldname] = number(doctype, df, value)
		elif df.fieldtype in DATES:
			if value != "" and not _is_date(value, df.fieldtype):
				refuse(doctype, fieldname, _("a date is expected, not {0}.").format(_shown(value)))
		elif isinstance(value, dict | list) and df.fieldtype not in ("JSON", "Table MultiSelect"):
			refuse(doctype, fieldname, _("a text is expected."))
		elif isinstance(value, str) and too_long(df, value):
			refuse(doctype, fieldname, _("the text is too long ({0} characters).").format(len(value)))
	return data


def number(doctype: str, df, value):
	kind = NUMERIC[df.fieldtype]
	if isinstance(value, bool):
		value = int(value)
	if isinstance(value, str):
		try:
			value = kind(value.strip()) if value.strip() else 0
		except ValueError:
			try:
				value = kind(float(value))
			except (ValueError, OverflowError):
				refuse(doctype, df.fieldname, _("a number is expected, not {0}.").format(_shown(value)))
	if not isinstance(value, int | float) or (isinstance(value, float) and not math.isfinite(value)):
		refuse(doctype, df.fieldname, _("a number is expected, not {0}.").format(_shown(value)))
	if abs(value) >= LIMITS[df.fieldtype] + (1 if df.fieldtype in ("Int", "Check") else 0):
		refuse(doctype, df.fieldname, _("{0} is out of range.").format(_shown(value)))
	return kind(value)


def _is_date(value, fieldtype: str) -> bool:
	if not isinstance(value, str):
		return False
	try:
		if fieldtype == "Time":
			frappe.utils.get_time(value)
		else:
			getdate(value)
	except Exception:
		return False
	return True


def _shown(value) -> str:
	text = value if isinstance(value, str) else json.dumps(value, default=str)
	return frappe.bold(frappe.utils.escape_html(text[:40] + ("…" if len(text) > 40 else "")))


def _parsed(value):
	if isinstance(value, str):
		try:
			return json.loads(value)
		except ValueError:
			frappe.throw(_("The document is not valid JSON."), MalformedInputError)
	return value


def check_document(doc: object, doctype: str | None = None) -> object:
	"""One document of a write: checked (and normalised) when its DocType is GovIT's."""
	if not isinstance(doc, dict):
		frappe.throw(_("A document is expected as an object of field values."), MalformedInputError)
	doctype = doctype or doc.get("doctype")
	if not isinstance(doctype, str) or not frappe.db.exists("DocType", doctype):
		return doc
	if doctype in social.REFERENCES and _reference_changes(doctype, doc):
		social.check_reference({**doc, "doctype": doctype})
	if frappe.get_meta(doctype).module == GOVIT_MODULE:
		return normalise(doctype, doc)
	return doc


def _reference_changes(doctype: str, doc: dict) -> bool:
	"""A new record, or one whose reference the write changes."""
	fields = social.REFERENCES[doctype]
	name = doc.get("name")
	stored = (
		frappe.db.get_value(doctype, name, fields, as_dict=True) if isinstance(name, str) and name else None
	)
	return not stored or any(f in doc and doc[f] != stored[f] for f in fields)


def refuse_child_write(doctype: object) -> None:
	"""A child row saved on its own is compared with a parent already holding it: no guard of the
	parent sees the change (a frozen declaration's funding, a countersign decision). Rows change
	through their parent document (the desk's form, `set_value`, `insert` with a parent)."""
	if isinstance(doctype, str) and frappe.db.exists("DocType", doctype) and frappe.is_table(doctype):
		frappe.throw(
			_("Rows of {0} change only through the record they belong to.").format(_(doctype)),
			frappe.PermissionError,
		)


def _child_delete(args: dict) -> None:
	refuse_child_write(args.get("doctype"))


def _rest(args: dict) -> None:
	refuse_child_write(args.get("doctype"))
	data = args.get("data")
	if isinstance(data, list):
		frappe.throw(_("A document is expected as an object of field values."), MalformedInputError)
	if isinstance(data, dict) and args.get("name"):
		data.setdefault("name", args["name"])
	checked = check_document(data, args.get("doctype"))
	if checked is not frappe.local.form_dict and frappe.api.get_api_version() != frappe.api.ApiVersion.V2:
		frappe.local.form_dict["data"] = checked


def _insert(args: dict) -> None:
	args["doc"] = check_document(_parsed(args.get("doc")))


def _save(args: dict) -> None:
	doc = _parsed(args.get("doc"))
	if isinstance(doc, dict):
		refuse_child_write(doc.get("doctype"))
	args["doc"] = check_document(doc)


def _insert_many(args: dict) -> None:
	docs = _parsed(args.get("docs"))
	if not isinstance(docs, list):
		frappe.throw(_("A list of documents is expected."), MalformedInputError)
	args["docs"] = [check_document(doc) for doc in docs]


def _bulk_update(args: dict) -> None:
	docs = _parsed(args.get("docs"))
	if not isinstance(docs, list):
		frappe.throw(_("A list of documents is expected."), MalformedInputError)
	args["docs"] = json.dumps([check_document(doc) for doc in docs])


def _set_value(args: dict) -> None:
	doctype, fieldname, value = args.get("doctype"), args.get("fieldname"), args.get("value")
	if not isinstance(doctype, str):
		frappe.throw(_("DocType must be a string"), MalformedInputError)
	if not value:  # as frappe.client.set_value reads it
		values = fieldname
		if isinstance(values, str):
			try:
				values = json.loads(values)
			except ValueError:
				values = {values: ""}
	else:
		values = {fieldname: value}
	if not isinstance(values, dict):
		frappe.throw(_("Field values are expected as an object."), MalformedInputError)
	checked = check_document(dict(values), doctype)
	if isinstance(checked, dict) and checked != values:
		args["fieldname"], args["value"] = json.dumps(checked, default=str), None


def _savedocs(args: dict) -> None:
	if args.get("action") not in SAVE_ACTIONS:
		frappe.throw(_("Unknown action {0}.").format(_shown(args.get("action"))), MalformedInputError)
	doc = _parsed(args.get("doc"))
	if isinstance(doc, dict):
		refuse_child_write(doc.get("doctype"))
	args["doc"] = json.dumps(check_document(doc), default=str)


CHECKS = {
	"rest.create_doc": _rest,
	"rest.update_doc": _rest,
	"frappe.client.insert": _insert,
	"frappe.client.save": _save,
	"frappe.client.submit": _save,
	"frappe.client.delete": _child_delete,
	"frappe.desk.reportview.delete_items": _child_delete,
	"frappe.client.insert_many": _insert_many,
	"frappe.client.bulk_update": _bulk_update,
	"frappe.client.set_value": _set_value,
	"frappe.desk.form.save.savedocs": _savedocs,
}
