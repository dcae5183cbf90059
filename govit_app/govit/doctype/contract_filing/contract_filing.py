"""Contract Filing (合同备案, Art 15-16): the unit files its signed contract with the Office.

Only for a planned project (Art 13) that has its project approval when it needs one (Art 12);
the project's contracts together stay within the approved amount (Art 15). Due the filing
deadline's working days after signing; handed in later, it is marked overdue and stays so. Filed
by the Office, it moves the project to 建设中 with its contract amount and acceptance deadline.
"""

import frappe
from frappe import _
from frappe.utils import flt, getdate, today

from govit_app.rules import construction as C
from govit_app.rules import text
from govit_app.rules.uscc import normalize
from govit_app.utils.calendar import add_working_days
from govit_app.utils.findings import throw_if_blocking
from govit_app.utils.settings import get_settings
from govit_app.utils.uniqueness import Unique
from govit_app.vocabulary import ProjectStage
from govit_app.workflow.filing import FilingDocument, planned_completion
from govit_app.workflow.gates import assert_in_plan, published_items
from govit_app.workflow.stages import set_project_stage


class ContractFiling(FilingDocument):
	process_fields = FilingDocument.process_fields | {"due_date", "is_overdue"}
	attach_fields = ("bid_document", "award_document", "contract_document")
	filing_article = 16
	unique_by = (
		Unique(("it_project", "contract_no"), text._("Project {0} already has contract No. {1}: {2}."), 16),
	)

	def validate_content(self):
		self.supplier_uscc = normalize(self.supplier_uscc)
		items = published_items(self.it_project)
		assert_in_plan(self.it_project, self.doctype, items)
		throw_if_blocking(
			C.check_contract(self.facts(items)), self.doctype, title=_("Please correct the contract filing")
		)
		self.due_date = add_working_days(self.contract_sign_date, get_settings().filing_deadline_working_days)

	def facts(self, items: list[dict]) -> C.ContractFacts:
		approvals = frappe.get_all(
			"Project Approval", filters={"it_project": self.it_project, "docstatus": 1}, pluck="name"
		)
		others = frappe.get_all(
			self.doctype,
			filters={"it_project": self.it_project, "docstatus": ("<", 2), "name": ("!=", self.name or "")},
			pluck="contract_amount",
		)
		return C.ContractFacts(
			it_project=self.it_project,
			stage=self.project.stage,
			needs_approval=bool(items and items[0].needs_approval),
			approvals=tuple(approvals),
			approved_amount=flt(self.project.approved_amount),
			other_contracts=sum(flt(amount) for amount in others),
			contract_amount=None if self.contract_amount is None else flt(self.contract_amount),
			contract_sign_date=getdate(self.contract_sign_date) if self.contract_sign_date else None,
			procurement_method=self.procurement_method,
			procurement_note=self.procurement_note or "",
			supplier_uscc=self.supplier_uscc or "",
			today=getdate(today()),
		)

	def on_handed_in(self):
		self.mark_if_late()

	def on_filed(self):
		"""建设中, with the project's contracts on file and, the first time, its acceptance deadline."""
		filed = frappe.get_all(
			self.doctype, filters={"it_project": self.it_project, "docstatus": 1}, pluck="contract_amount"
		)
		values = {"contract_amount": round(sum(flt(amount) for amount in filed), 2)}
		if not self.project.acceptance_due_date:
			deadline = planned_completion(self.it_project, published_items(self.it_project))
			if deadline:
				values["acceptance_due_date"] = deadline
		set_project_stage([self.it_project], ProjectStage.BUILDING, values={self.it_project: values})
