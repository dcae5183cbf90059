"""Files attached to GovIT documents: classified records take none (Art 25), others within limits.

Hooked on File `validate`, so it holds for the desk's upload, `upload_file` over REST and
a file re-attached by editing its File record.
"""

import frappe
from frappe import _

from govit_app.errors import NotYourStepError, throw
from govit_app.permissions.policy import is_classified
from govit_app.rules.attachments import check_attachment
from govit_app.security.files import readable_file_urls
from govit_app.utils.findings import throw_if_blocking
from govit_app.utils.settings import get_settings

MODULE = "GovIT"
FILE_URL_PREFIXES = ("/files/", "/private/files/")


def validate_file(file, method=None) -> None:
	if file.is_folder or not file.attached_to_doctype or not _attachment_changed(file):
		return
	meta = frappe.get_meta(file.attached_to_doctype)
	if meta.module != MODULE:
		return
	target = _target(file)
	if target and meta.has_field("secrecy_level") and is_classified(target.secrecy_level):
		throw(
			_(
				"{0} {1} is classified ({2}): classified material is never uploaded to this system; hand it"
				" over through the secrecy channel (Art 25)."
			).format(_(file.attached_to_doctype), target.name, target.secrecy_level),
			exc=NotYourStepError,
			title=_("Classified project"),
			article=25,
		)
	# Frappe's upload_file does not enforce write permission on the document it attaches to.
	if (
		target
		and not file.flags.ignore_permissions
		and not frappe.has_permission(file.attached_to_doctype, "write", target.name)
	):
		throw(
			_("You may not attach files to {0} {1}.").format(_(file.attached_to_doctype), target.name),
			exc=NotYourStepError,
		)
	throw_if_blocking(
		check_attachment(file.file_name, file.file_size, get_settings()),
		file.attached_to_doctype,
		title=_("Attachment refused"),
	)


def _attachment_changed(file) -> bool:
	return (
		file.is_new()
		or file.has_value_changed("attached_to_doctype")
		or file.has_value_changed("attached_to_name")
	)


def _target(file):
	"""The document the file goes to; None while it is still unsaved (named new-…)."""
	fields = (
		["name", "secrecy_level"]
		if frappe.get_meta(file.attached_to_doctype).has_field("secrecy_level")
		else ["name"]
	)
	return frappe.db.get_value(file.attached_to_doctype, file.attached_to_name, fields, as_dict=True)


def validate_attach_values(doc, urls: list[str], article: int | None = None) -> None:
	"""Attach fields name files uploaded here, of an accepted type (a REST client could name any URL).

	Classified documents take no file at all (Art 25), however the URL arrives.
	"""
	urls = [url for url in urls if url]
	if urls and doc.meta.has_field("secrecy_level") and is_classified(doc.get("secrecy_level")):
		throw(
			_(
				"{0} {1} is classified ({2}): classified material is never uploaded to this system; hand it"
				" over through the secrecy channel (Art 25)."
			).format(_(doc.doctype), doc.name, doc.secrecy_level),
			exc=NotYourStepError,
			title=_("Classified project"),
			article=25,
		)
	# A URL the saved document already held was checked when it came, and stays with its record.
	held = saved_attach_values(doc)
	urls = [url for url in urls if url not in held]
	uploaded = readable_file_urls(urls)
	settings = get_settings()
	for url in urls:
		if not url.startswith(FILE_URL_PREFIXES) or url not in uploaded:
			throw(
				_("{0} is not a file uploaded to this system; upload the document itself.").format(url),
				article=article,
			)
		throw_if_blocking(
			check_attachment(url.rsplit("/", 1)[-1], None, settings),
			doc.doctype,
			title=_("Attachment refused"),
		)


def saved_attach_values(doc) -> set[str]:
	"""The file URLs in the attach fields of `doc` as it was saved before this save."""
	before = doc.get_doc_before_save()
	if not before:
		return set()
	return {
		value
		for row in (before, *before.get_all_children())
		for df in row.meta.fields
		if df.fieldtype in ("Attach", "Attach Image") and (value := row.get(df.fieldname))
	}
