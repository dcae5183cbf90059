"""Acceptance Extension (延期验收申请, Art 19 ¶3): a unit whose project cannot be accepted by its
deadline asks the Office for more time, with a written report and the reason.

Asked for a project whose acceptance is still ahead, one request at a time, for a later date;
asked after the deadline passed, the request also says why only now. The Office approves it,
which moves the project's acceptance deadline, or refuses it with a reason.
"""

import frappe
from frappe import _
from frappe.utils import getdate, today

from govit_app import roles as R
from govit_app.permissions.policy import is_classified
from govit_app.rules import construction as C
from govit_app.utils.attachments import validate_attach_values
from govit_app.utils.findings import throw_if_blocking
from govit_app.vocabulary import ExtensionAction, ExtensionDecision
from govit_app.vocabulary import ExtensionState as S
from govit_app.workflow.actors import users_with_role
from govit_app.workflow.document import WorkflowDocument
from govit_app.workflow.filing import project_values, unit_users
from govit_app.workflow.stages import set_values

DECISIONS = {S.APPROVED: ExtensionDecision.APPROVED, S.REFUSED: ExtensionDecision.REFUSED}


class AcceptanceExtension(WorkflowDocument):
	initial_state = S.DRAFT
	process_fields = frozenset(
		{"current_deadline", "decision", "opinion", "decided_by", "decided_on", "pending_with"}
	)
	reason_fields = {ExtensionAction.REFUSE: "opinion"}
	frozen_article = 19

	def onload(self):
		self.set_onload("reason_actions", list(self.reason_fields))

	def validate_document(self):
		if self.from_state == S.DRAFT and self.docstatus == 0:
			self.validate_request()
		if self.to_state == S.REFUSED:
			throw_if_blocking(
				C.check_reason_given("opinion", self.opinion, 19), self.doctype, title=_("Reason required")
			)

	def validate_request(self):
		project = project_values(self.it_project)
		self.current_deadline = project.acceptance_due_date
		pending = frappe.get_all(
			self.doctype,
			filters={
				"it_project": self.it_project,
				"workflow_state": S.PENDING,
				"name": ("!=", self.name or ""),
			},
			pluck="name",
		)
		facts = C.ExtensionFacts(
			it_project=self.it_project,
			stage=project.stage,
			current_deadline=getdate(self.current_deadline) if self.current_deadline else None,
			requested_deadline=getdate(self.requested_deadline) if self.requested_deadline else None,
			reason=self.reason or "",
			late_reason=self.late_reason or "",
			today=getdate(today()),
			pending=tuple(pending),
		)
		findings = C.check_extension(facts)
		if self.to_state == S.PENDING and not is_classified(self.secrecy_level):
			findings += C.check_documents_attached({"report": bool(self.report)}, 19)
		throw_if_blocking(findings, self.doctype, title=_("Please correct the extension request"))
		validate_attach_values(self, [self.report], article=19)

	def record_transition(self):
		if self.to_state in DECISIONS:
			self.decision = DECISIONS[self.to_state]
			self.decided_by = frappe.session.user
			self.decided_on = today()

	def next_actors(self) -> list[str] | None:
		if not self.is_transition and not self.is_new():
			return None
		if self.to_state == S.PENDING:
			return users_with_role(R.OFFICE)
		return unit_users(self.unit, self.owner)

	def on_submit(self):
		"""An approved extension moves the project's acceptance deadline (on the project's trail)."""
		if self.workflow_state == S.APPROVED:
			set_values(
				"IT Project", {self.it_project: {"acceptance_due_date": getdate(self.requested_deadline)}}
			)
