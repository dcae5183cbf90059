"""Project Approval (立项批复, Art 12): the NDRC approves a planned project that needs it.

Made only for a project in a published plan or an approved supplement (Art 13, the plan
gate) that needs approval (Art 12); submitting it moves the project to 已立项.
"""

import frappe
from frappe import _

from govit_app.rules.approval import ApprovalFacts, check_approval
from govit_app.rules.project_amounts import AmountRow
from govit_app.utils.findings import throw_if_blocking
from govit_app.utils.settings import get_settings
from govit_app.vocabulary import ProjectStage
from govit_app.workflow.amounts import record_amounts
from govit_app.workflow.document import WorkflowDocument
from govit_app.workflow.gates import assert_in_plan, published_items
from govit_app.workflow.stages import set_project_stage


class ProjectApproval(WorkflowDocument):
	process_fields = frozenset({"annual_plan", "plan_amount"})

	def validate_document(self):
		items = published_items(self.it_project)
		assert_in_plan(self.it_project, self.doctype, items)
		self.set_plan_entry(items)
		self.validate_approval()

	def on_submit(self):
		"""The project moves forward to 已立项 (a running one stays where it is) and the plan year's
		amount becomes the approved one; a renewal's approval leaves the project's own amount."""
		set_project_stage([self.it_project], ProjectStage.APPROVED)
		entry = self.plan_entry(published_items(self.it_project))
		record_amounts(
			{
				self.it_project: AmountRow(
					entry.plan_year,
					entry.project_declaration,
					entry.project_nature or "",
					self.approved_amount,
					entry.annual_plan,
					self.name,
				)
			}
		)

	def plan_entry(self, items: list[dict]) -> dict:
		"""The latest published plan listing the project (an approved supplement adds its row too)."""
		return items[0] if items else frappe._dict()

	def set_plan_entry(self, items: list[dict]):
		entry = self.plan_entry(items)
		self.annual_plan = entry.annual_plan
		self.plan_amount = entry.approved_amount
		self.flags.project_nature = entry.project_nature

	def validate_approval(self):
		others = frappe.get_all(
			self.doctype,
			filters={
				"it_project": self.it_project,
				"annual_plan": self.annual_plan,
				"docstatus": ("<", 2),
				"name": ("!=", self.name),
			},
			pluck="name",
		)
		facts = ApprovalFacts(
			it_project=self.it_project,
			project_nature=self.flags.project_nature,
			plan_amount=self.plan_amount,
			approved_amount=self.approved_amount,
			other_approvals=tuple(others),
		)
		throw_if_blocking(check_approval(facts, get_settings()), self.doctype, title=_("No project approval"))
