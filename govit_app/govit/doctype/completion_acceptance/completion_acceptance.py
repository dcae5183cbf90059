"""Completion Acceptance (竣工验收, Art 19 ¶1): the unit records the acceptance it organized.

Only for a planned project (Art 13) whose trial-operation report the Office filed, on or after
the day the trial ended; a project passes once. Submitted: 通过 moves the project to 已验收 and
opens its Acceptance Filing, due N working days later (Art 19 ¶2); 不通过 leaves it 验收不合格,
not to be used, until a later acceptance passes.
"""

import frappe
from frappe import _
from frappe.utils import getdate, today

from govit_app.permissions.policy import is_classified
from govit_app.rules import construction as C
from govit_app.utils.attachments import validate_attach_values
from govit_app.utils.findings import throw_if_blocking
from govit_app.vocabulary import ProjectStage, ReviewResult
from govit_app.workflow.document import WorkflowDocument
from govit_app.workflow.filing import passed_acceptance, project_values
from govit_app.workflow.gates import assert_in_plan
from govit_app.workflow.stages import set_project_stage


class CompletionAcceptance(WorkflowDocument):
	process_fields = frozenset({"trial_operation_filing", "acceptance_filing"})
	frozen_article = 19

	def validate_document(self):
		assert_in_plan(self.it_project, self.doctype)
		validate_attach_values(self, [self.acceptance_report], article=19)
		trial = self.filed_trial()
		self.trial_operation_filing = trial.name
		facts = C.AcceptanceFacts(
			it_project=self.it_project,
			stage=project_values(self.it_project).stage,
			acceptance_date=getdate(self.acceptance_date) if self.acceptance_date else None,
			result=self.result,
			today=getdate(today()),
			trial_end=getdate(trial.trial_end) if trial.trial_end else None,
			passed_acceptance=passed_acceptance(self.it_project, other_than=self.name),
		)
		throw_if_blocking(C.check_acceptance(facts), self.doctype, title=_("Please correct the acceptance"))

	def filed_trial(self) -> frappe._dict:
		"""The latest trial run the Office filed for the project."""
		rows = frappe.get_all(
			"Trial Operation Filing",
			filters={"it_project": self.it_project, "docstatus": 1},
			fields=["name", "trial_end"],
			order_by="trial_end desc",
			limit=1,
		)
		return rows[0] if rows else frappe._dict()

	def before_submit(self):
		if not is_classified(self.secrecy_level):
			throw_if_blocking(
				C.check_documents_attached({"acceptance_report": bool(self.acceptance_report)}, 19),
				self.doctype,
			)

	def on_submit(self):
		if self.result != ReviewResult.PASSED:
			set_project_stage([self.it_project], ProjectStage.ACCEPTANCE_FAILED)
			return
		set_project_stage([self.it_project], ProjectStage.ACCEPTED)
		self.open_filing()

	def open_filing(self):
		"""Art 19 ¶2: the filing of a passed acceptance, the unit's draft with its due date."""
		filing = frappe.get_doc(
			{
				"doctype": "Acceptance Filing",
				"it_project": self.it_project,
				"completion_acceptance": self.name,
			}
		)
		filing.flags.process_step = True
		filing.insert(ignore_permissions=True)
		self.db_set("acceptance_filing", filing.name)
