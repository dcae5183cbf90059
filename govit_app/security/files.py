"""Files belong to the record they were first attached to.

Frappe serves a private file to anyone owning *some* File row with its URL and lets anyone
create such a row (`file_url` = another record's file, no attachment), lists every private
file attached to a readable DocType, and serves an uploaded `.html` as a page. Here:

- a private file is served only to users who may read the record of its first File row
  (the owner, when that row is attached to nothing);
- a File row may reuse an existing file's URL only when its user may read that file's record,
  and uploaded bytes that Frappe would share with another record's file get a file of their own;
- File lists and reads of files attached to records with permission hooks follow the record;
- active content (GovIT Settings: Refused File Types) is never uploaded.
"""

import frappe
from frappe import _

from govit_app.errors import NotYourStepError, throw
from govit_app.rules.attachments import extension
from govit_app.security.session import is_admin
from govit_app.utils.settings import get_settings


class ActiveContentError(frappe.ValidationError):
	"""An upload of a type a browser would run (html, svg, js…)."""


def original(file_url: str) -> dict | None:
	"""The first File row holding `file_url`: its record owns the file."""
	rows = frappe.get_all(
		"File",
		filters={"file_url": file_url, "is_folder": 0},
		fields=["name", "owner", "attached_to_doctype", "attached_to_name"],
		order_by="creation asc, name asc",
		limit=1,
	)
	return rows[0] if rows else None


def may_read_original(row: dict, user: str | None = None) -> bool:
	user = user or frappe.session.user
	if is_admin(user):
		return True
	if row.attached_to_doctype and row.attached_to_name:
		if not frappe.db.exists(row.attached_to_doctype, row.attached_to_name):
			return row.owner == user
		return frappe.has_permission(row.attached_to_doctype, "read", row.attached_to_name, user=user)
	return row.owner == user


def readable_file_urls(urls: list[str]) -> set[str]:
	"""Those of `urls` that are files of this site whose record the user may read (an Attach field
	must not name another unit's file)."""
	if not urls:
		return set()
	rows = frappe.get_all(
		"File",
		filters={"file_url": ("in", urls), "is_folder": 0},
		fields=["name", "file_url", "owner", "attached_to_doctype", "attached_to_name"],
		order_by="creation asc, name asc",
	)
	first: dict[str, dict] = {}
	for row in rows:
		first.setdefault(row.file_url, row)
	return {url for url, row in first.items() if may_read_original(row)}


def check_download(path: str) -> None:
	"""before_request of /private/files/…: Frappe then checks its own rules."""
	if frappe.session.user in (None, "", "Guest"):
		return  # Frappe refuses guests
	row = original(path)
	if row and not may_read_original(row):
		raise frappe.PermissionError(_("You may not read this file."))


# ---- File validate -------------------------------------------------------------------------


def validate_file(file, method=None) -> None:
	if file.is_folder or frappe.flags.in_install or frappe.flags.in_migrate:
		return
	refuse_active_content(file)
	if file.is_new() or file.has_value_changed("file_url"):
		keep_to_its_record(file)


def refuse_active_content(file) -> None:
	if file.is_remote_file:
		return
	refused = set(get_settings().refused_upload_extensions)
	for name in (file.file_name, file.file_url):
		if name and extension(name) in refused:
			throw(
				_(
					"{0}: files of type {1} are active content (a browser would run them) and are not"
					" accepted; upload a PDF or an office document instead."
				).format(name.rsplit("/", 1)[-1], frappe.bold(extension(name))),
				exc=ActiveContentError,
				title=_("Attachment refused"),
			)


def bytes_brought() -> bool:
	"""The file's bytes come with this write (an upload, or server code outside any request),
	not only an existing file's URL."""
	if not getattr(frappe.local, "request", None):
		return True
	return getattr(frappe.local, "uploaded_file", None) is not None or bool(
		(frappe.local.form_dict or {}).get("content")
	)


def keep_to_its_record(file) -> None:
	"""Bytes are never shared with another record's file, and a row may not adopt the file of a
	record its user cannot read."""
	if not file.file_url or file.is_remote_file:
		return
	row = original(file.file_url)
	if not row or row.name == file.name:
		return
	same_record = (row.attached_to_doctype, row.attached_to_name) == (
		file.attached_to_doctype,
		file.attached_to_name,
	)
	if not same_record and bytes_brought() and getattr(file, "_content", None):
		# Frappe matched these bytes with another record's file: they get a file of their own,
		# which this record's readers may download.
		file.file_url = None
		file.save_file(content=file._content, ignore_existing_file_check=True)
		return
	if may_read_original(row):
		return
	throw(
		_("{0} belongs to a record you may not read; upload the document itself.").format(
			file.file_url.rsplit("/", 1)[-1]
		),
		exc=NotYourStepError,
		title=_("Not permitted"),
	)


# ---- permission hooks on File --------------------------------------------------------------


def guarded_doctypes() -> list[str]:
	"""Non-child DocTypes whose records have permission hooks: their files follow the record."""
	hooks = frappe.get_hooks("permission_query_conditions") or {}
	return sorted(
		doctype
		for doctype in hooks
		if doctype not in ("File", "*")
		and frappe.db.exists("DocType", doctype)
		and not frappe.get_meta(doctype).istable
	)


def query_conditions(user: str | None = None, doctype: str | None = None) -> str:
	user = user or frappe.session.user
	if is_admin(user):
		return ""
	guarded = guarded_doctypes()
	if not guarded:
		return ""
	readable = [
		"ifnull(`tabFile`.`attached_to_doctype`, '') not in ({})".format(
			", ".join(frappe.db.escape(d) for d in guarded)
		)
	]
	for parent in guarded:
		try:
			names = frappe.get_list(parent, fields=[f"`tab{parent}`.`name`"], user=user, run=0)
		except frappe.PermissionError:
			frappe.clear_last_message()
			continue
		readable.append(
			f"(`tabFile`.`attached_to_doctype` = {frappe.db.escape(parent)}"
			f" and `tabFile`.`attached_to_name` in ({names}))"
		)
	return "(" + " or ".join(readable) + ")"


def has_permission(doc, ptype: str | None = None, user: str | None = None, debug: bool = False):
	user = user or frappe.session.user
	if is_admin(user) or ptype == "create" or doc.is_new():
		return None
	if doc.attached_to_doctype and doc.attached_to_name and doc.attached_to_doctype in guarded_doctypes():
		if frappe.db.exists(doc.attached_to_doctype, doc.attached_to_name) and not frappe.has_permission(
			doc.attached_to_doctype, "read", doc.attached_to_name, user=user
		):
			return False
	if doc.file_url and not doc.is_folder:
		row = original(doc.file_url)
		if row and row.name != doc.name and not may_read_original(row, user):
			return False
	return None
