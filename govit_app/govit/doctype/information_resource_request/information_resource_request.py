"""Information Resource Request (政务信息资源共享申请, Art 6): a unit asks another for a resource.

The requesting unit states its purpose; a user of the owning unit answers 同意 (with any
conditions) or 不同意 with the reason, once. The rules are in `govit_app.rules.resources`.
"""

import frappe
from frappe import _
from frappe.utils import today

from govit_app.govit.doctype.information_resource.information_resource import assert_acts_for
from govit_app.rules.resources import check_answer, check_request
from govit_app.utils.findings import throw_if_blocking
from govit_app.vocabulary import ResourceRequestStatus
from govit_app.workflow.document import WorkflowDocument

DT = "Information Resource Request"


class InformationResourceRequest(WorkflowDocument):
	process_fields = frozenset({"status", "answer", "answered_by", "answered_on"})

	def validate_document(self):
		resource = frappe.db.get_value(
			"Information Resource", self.information_resource, ["unit", "share_type"], as_dict=True
		)
		self.resource_unit, self.share_type = resource.unit, resource.share_type
		if self.acts_as_process():
			return
		if not self.is_new() and self.get_doc_before_save().status != ResourceRequestStatus.PENDING:
			throw_if_blocking(check_answer(self.get_doc_before_save().status, None, None), self.doctype)
		assert_acts_for(
			self.requesting_unit, _("You do not act for {0}: a unit requests resources for itself (Art 6).")
		)
		throw_if_blocking(
			check_request(
				self.requesting_unit, self.resource_unit, self.share_type, self.information_resource
			),
			self.doctype,
			title=_("Request not possible"),
		)

	def on_trash(self):
		if self.status != ResourceRequestStatus.PENDING:
			throw_if_blocking(check_answer(self.status, None, None), self.doctype)


@frappe.whitelist()
def answer(name: str, decision: str, answer: str | None = None) -> dict:
	"""The owning unit answers the request `name`: 同意 (with conditions) or 不同意 with the reason."""
	doc = frappe.get_doc(DT, name)
	doc.check_permission("read")
	assert_acts_for(doc.resource_unit, _("Only {0}, which holds the resource, answers this request (Art 6)."))
	throw_if_blocking(check_answer(doc.status, decision, answer), DT, title=_("Cannot answer"))
	doc.update(
		{
			"status": decision,
			"answer": (answer or "").strip(),
			"answered_by": frappe.session.user,
			"answered_on": today(),
		}
	)
	doc.flags.process_step = True
	doc.save(ignore_permissions=True)
	return doc.as_dict()
