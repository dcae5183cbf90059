"""Comments, assignments, likes, follows and tags are writes on a record.

Frappe lets anyone who reads a record comment on it or assign it (the Audit Bureau, an
expert reading a shared declaration) and anyone at all like, follow or tag any record. Here
each needs the record to be readable, and on a GovIT record also the user's part in it: write
permission or a step of its workflow (the departments that return a plan from 会签 with a
reason). So Audit, Admin Approval and experts outside their own reviews only read.
"""

import frappe
from frappe import _
from frappe.model.workflow import get_workflow_name

from govit_app.errors import NotYourStepError, throw

GOVIT_MODULE = "GovIT"


def takes_a_step(doctype: str, roles: set[str]) -> bool:
	"""Some transition of the DocType's workflow is allowed to one of `roles`."""
	workflow = get_workflow_name(doctype)
	if not workflow:
		return False
	return any(t.allowed in roles for t in frappe.get_cached_doc("Workflow", workflow).transitions)


def may_converse(doctype: str, name: str, user: str | None = None) -> bool:
	user = user or frappe.session.user
	if user == "Administrator":
		return True
	if not (doctype and name) or not frappe.db.exists(doctype, name):
		return False
	if not frappe.has_permission(doctype, "read", name, user=user):
		return False
	if frappe.get_meta(doctype).module != GOVIT_MODULE:
		return True
	if frappe.has_permission(doctype, "write", name, user=user):
		return True
	return takes_a_step(doctype, set(frappe.get_roles(user)))


def check(doctype: str, name: str, what: str) -> None:
	if not may_converse(doctype, name):
		frappe.clear_last_message()
		throw(
			_("{0} on {1} {2}: only those who work on the record may do this; you may only read it.").format(
				what, _(doctype or ""), name or ""
			),
			exc=NotYourStepError,
			title=_("Not permitted"),
		)


def _names(value) -> list[str]:
	parsed = frappe.parse_json(value) if isinstance(value, str) and value.startswith("[") else value
	return [str(v) for v in parsed] if isinstance(parsed, list) else [str(parsed or "")]


def _comment(args):
	check(args.get("reference_doctype"), args.get("reference_name"), _("Comment"))


def _assign(args):
	for name in _names(args.get("name")):
		check(args.get("doctype"), name, _("Assignment"))


def _like(args):
	check(args.get("doctype"), args.get("name"), _("Like"))


def _follow(args):
	user = args.get("user")
	if user and user != frappe.session.user:
		frappe.throw(_("You may follow records only for yourself."), frappe.PermissionError)
	check(args.get("doctype"), args.get("doc_name"), _("Follow"))


def _tag(args):
	for name in _names(args.get("docs") or args.get("dn")):
		check(args.get("dt"), name, _("Tag"))


# Documents that attach a conversation to a record, written straight over REST: the reference
# fields they carry (ToDo is an assignment, Tag Link a tag).
REFERENCES = {
	"ToDo": ("reference_type", "reference_name"),
	"Document Follow": ("ref_doctype", "ref_docname"),
	"Tag Link": ("document_type", "document_name"),
	"Comment": ("reference_doctype", "reference_name"),
}


def check_reference(doc: dict) -> None:
	"""A ToDo, Document Follow, Tag Link or Comment sent as a document obeys the same rule."""
	doctype_field, name_field = REFERENCES[doc.get("doctype")]
	if doc.get("doctype") == "Document Follow" and doc.get("user") not in (None, frappe.session.user):
		frappe.throw(_("You may follow records only for yourself."), frappe.PermissionError)
	if doc.get(doctype_field) and doc.get(name_field):
		check(doc.get(doctype_field), doc.get(name_field), _(doc.get("doctype")))


CHECKS = {
	"frappe.desk.form.utils.add_comment": _comment,
	"frappe.desk.form.assign_to.add": _assign,
	"frappe.desk.form.assign_to.add_multiple": _assign,
	"frappe.desk.form.assign_to.remove": _assign,
	"frappe.desk.form.assign_to.close": _assign,
	"frappe.desk.like.toggle_like": _like,
	"frappe.desk.form.document_follow.update_follow": _follow,
	"frappe.desk.form.document_follow.follow_document": _follow,
	"frappe.desk.form.document_follow.unfollow_document": _follow,
	"frappe.desk.doctype.tag.tag.add_tag": _tag,
	"frappe.desk.doctype.tag.tag.add_tags": _tag,
	"frappe.desk.doctype.tag.tag.remove_tag": _tag,
}
