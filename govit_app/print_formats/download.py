"""Frappe's PDF download — the print view's PDF button and the REST method — for our formats.

hooks.override_whitelisted_methods sends `frappe.utils.print_format.download_pdf` here: a
GovIT print format is rendered by us, every other format by Frappe as before.
"""

import frappe
from frappe.translate import print_language
from frappe.utils.print_format import download_pdf as frappe_download_pdf
from frappe.www.printview import validate_print_permission

from govit_app.print_formats.documents import get_pdf, govit_print_format


@frappe.whitelist(allow_guest=True)
def download_pdf(
	doctype: str,
	name: str,
	format: str | None = None,
	no_letterhead: str | int = 0,
	language: str | None = None,
	letterhead: str | None = None,
):
	print_format = govit_print_format(doctype, format)
	if not print_format:
		return frappe_download_pdf(
			doctype, name, format, no_letterhead=no_letterhead, language=language, letterhead=letterhead
		)
	doc = frappe.get_doc(doctype, name)
	# As Frappe: read or print permission, or a valid document share key (guests).
	validate_print_permission(doc)
	with print_language(language):
		pdf = get_pdf(doc, print_format, no_letterhead=no_letterhead, letterhead=letterhead)
	frappe.local.response.filename = "{name}.pdf".format(name=name.replace(" ", "-").replace("/", "-"))
	frappe.local.response.filecontent = pdf
	frappe.local.response.type = "pdf"
