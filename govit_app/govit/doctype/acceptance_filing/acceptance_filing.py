"""Acceptance Filing (验收备案, Art 19 ¶2): a passed acceptance filed with the Office, the
Cyberspace Office and the Finance Bureau, each receipting it for itself.

Opened by the passed Completion Acceptance, due N working days after it. The unit attaches
every document GovIT Settings lists and hands it in; each department of the settings records
its receipt through `workflow.countersign` (同意, or 不同意 with the reason, which returns it).
With every receipt the filing is done and the project goes into operation (运维中).
"""

import frappe
from frappe import _
from frappe.model.workflow import apply_workflow
from frappe.utils import getdate, today

from govit_app.errors import throw
from govit_app.permissions.policy import is_classified
from govit_app.rules import construction as C
from govit_app.rules import countersign as CS
from govit_app.rules import text
from govit_app.utils.attachments import validate_attach_values
from govit_app.utils.calendar import add_working_days
from govit_app.utils.findings import throw_if_blocking
from govit_app.utils.settings import get_settings
from govit_app.utils.uniqueness import Unique
from govit_app.vocabulary import Decision, FilingAction, ProjectStage
from govit_app.vocabulary import FilingState as S
from govit_app.workflow import countersign
from govit_app.workflow.document import WorkflowDocument
from govit_app.workflow.filing import project_values, unit_users
from govit_app.workflow.stages import set_project_stage


class AcceptanceFiling(WorkflowDocument):
	initial_state = S.DRAFT
	process_fields = frozenset(
		{
			"due_date",
			"filed_on",
			"is_overdue",
			"received_on",
			"receipts",
			"all_received",
			"has_refusal",
			"return_reason",
			"pending_with",
		}
	)
	unique_by = (Unique(("completion_acceptance",), text._("{0} is already filed as {1}."), 19),)
	frozen_article = 19

	def onload(self):
		self.set_onload("may_countersign", countersign.may_decide_now(self))

	def validate_document(self):
		acceptance = self.acceptance()
		if self.from_state == S.DRAFT and self.docstatus == 0:
			self.validate_content(acceptance)
		self.set_receipt_state()
		if self.to_state == S.PENDING and self.from_state == S.DRAFT:
			self.validate_hand_in()

	def acceptance(self) -> frappe._dict:
		acceptance = frappe.db.get_value(
			"Completion Acceptance",
			self.completion_acceptance,
			["name", "it_project", "result", "docstatus", "acceptance_date"],
			as_dict=True,
		)
		if not acceptance or acceptance.it_project != self.it_project:
			throw(
				_("{0} is not a completion acceptance of project {1}.").format(
					self.completion_acceptance, self.it_project
				),
				article=19,
			)
		return acceptance

	def validate_content(self, acceptance: frappe._dict):
		settings = get_settings()
		facts = C.AcceptanceFilingFacts(
			it_project=self.it_project,
			stage=project_values(self.it_project).stage,
			completion_acceptance=acceptance.name,
			acceptance_result=acceptance.result if acceptance.docstatus == 1 else None,
			document_types=tuple(row.document_type for row in self.documents),
			required=settings.acceptance_filing_documents,
		)
		throw_if_blocking(
			C.check_acceptance_filing(facts), self.doctype, title=_("Please correct the acceptance filing")
		)
		present = {row.document_type for row in self.documents}
		for document_type in settings.acceptance_filing_documents:
			if document_type not in present:
				self.append("documents", {"document_type": document_type})
		validate_attach_values(self, [row.attachment for row in self.documents], article=19)
		self.due_date = add_working_days(acceptance.acceptance_date, settings.filing_deadline_working_days)

	def validate_hand_in(self):
		if is_classified(self.secrecy_level):
			return
		attached = {row.document_type: bool(row.attachment) for row in self.documents}
		throw_if_blocking(
			C.missing_documents(attached, get_settings().acceptance_filing_documents),
			self.doctype,
			title=_("Documents missing"),
		)

	def required_departments(self) -> tuple[str, ...]:
		return C.receipt_departments(
			get_settings().acceptance_filing_departments, is_classified(self.secrecy_level)
		)

	def set_receipt_state(self):
		"""The workflow's conditions from 待备案: `doc.all_received` onward, `doc.has_refusal` back."""
		rows = countersign.decisions(self)
		self.all_received = int(bool(rows) and CS.is_complete(self.required_departments(), rows))
		self.has_refusal = int(bool(CS.refusals(rows)))

	def record_transition(self):
		if self.from_state == S.DRAFT and self.to_state == S.PENDING:
			self.filed_on = today()
			if C.is_late(getdate(self.filed_on), getdate(self.due_date) if self.due_date else None):
				self.is_overdue = 1
			self.return_reason = None
			self.set("receipts", countersign.fresh_rows(self.required_departments()))
			self.all_received = self.has_refusal = 0
		if self.from_state == S.PENDING and self.to_state == S.DRAFT:
			self.return_reason = CS.refusal_summary(countersign.decisions(self))
		if self.to_state == S.FILED:
			self.received_on = today()

	def assert_open_for_decisions(self):
		if self.workflow_state != S.PENDING:
			throw(
				_("The filing is {0}: the departments receipt it while it is {1} (Art 19).").format(
					frappe.bold(_(self.workflow_state)), _(S.PENDING)
				),
				article=19,
				title=_("Not waiting for receipts"),
			)

	def after_decision(self, decision: str) -> None:
		"""A refusal returns the filing to the unit; the last receipt files it (Art 19)."""
		self.flags.ignore_permissions = True  # the department reads the filing; the step is its to take
		if decision == Decision.DISAGREE:
			apply_workflow(self, FilingAction.RETURN)
		elif self.all_received:
			apply_workflow(self, FilingAction.FILE)

	def next_actors(self) -> list[str]:
		"""While it waits, the departments yet to receipt it; otherwise the unit."""
		if self.workflow_state == S.PENDING:
			return countersign.users_deciding(self)
		return unit_users(self.unit, self.owner)

	def on_submit(self):
		set_project_stage([self.it_project], ProjectStage.OPERATING)
