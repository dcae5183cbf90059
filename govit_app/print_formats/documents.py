"""A document printed to PDF with a GovIT print format (a standard Jinja print format).

Frappe renders the print format's Jinja with the document exactly as its print view does
(permission, draft and cancelled rules, `before_print`, letter head); we wrap the result in
a bare HTML page and style it with our print CSS plus the format's own CSS field — not
Frappe's bootstrap print bundle, which is 200 KB of CSS that WeasyPrint would have to match.
"""

import frappe
from frappe.core.doctype.access_log.access_log import make_access_log
from frappe.utils import escape_html
from frappe.www.printview import get_print_format_doc, get_rendered_template

from govit_app.print_formats.render import render_pdf

MODULE = "GovIT"
PAGE = '<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><title>{title}</title></head><body>{body}</body></html>'


def renders_with_us(print_format) -> bool:
	"""A Jinja print format of the GovIT module; the desk gives the module of the DocType to a
	print format created there, so administrators' own formats for our DocTypes count too."""
	if not print_format or print_format.module != MODULE:
		return False
	jinja = print_format.custom_format or (print_format.standard == "Yes" and not print_format.format_data)
	return bool(jinja) and print_format.print_format_type == "Jinja" and not print_format.raw_printing


def govit_print_format(doctype: str, print_format_name: str | None):
	"""The Print Format document if it is one of ours, else None (Frappe's formats and "Standard")."""
	print_format = get_print_format_doc(print_format_name, meta=frappe.get_meta(doctype))
	return print_format if renders_with_us(print_format) else None


def get_pdf(
	doc, print_format, no_letterhead: int | str | None = None, letterhead: str | None = None
) -> bytes:
	"""PDF bytes of `doc` printed with `print_format` (a Print Format document or name).

	Raises frappe.PermissionError unless the session user may read or print `doc`.
	"""
	if isinstance(print_format, str):
		print_format = frappe.get_doc("Print Format", print_format)
	body = get_rendered_template(
		doc, print_format=print_format, meta=doc.meta, no_letterhead=no_letterhead, letterhead=letterhead
	)
	make_access_log(doctype=doc.doctype, document=doc.name, file_type="PDF", method="Print")
	title = escape_html(str(doc.get_title() or doc.name))
	return render_pdf(PAGE.format(title=title, body=body), stylesheets=[print_format.css or ""])
