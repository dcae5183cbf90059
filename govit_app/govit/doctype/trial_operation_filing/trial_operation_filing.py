"""Trial Operation Filing (试运行报告备案, Art 19 ¶1): before its completion acceptance, the unit
files the report of the trial run with the Office.

The trial runs under a contract the Office filed and not after a passed acceptance; it ends
after it starts. Filed by the Office, it moves the project to 试运行 and opens the acceptance.
"""

import frappe
from frappe import _
from frappe.utils import getdate, today

from govit_app.rules import construction as C
from govit_app.utils.findings import throw_if_blocking
from govit_app.vocabulary import ProjectStage
from govit_app.workflow.filing import FilingDocument, passed_acceptance
from govit_app.workflow.gates import assert_in_plan
from govit_app.workflow.stages import set_project_stage


class TrialOperationFiling(FilingDocument):
	attach_fields = ("report",)
	filing_article = 19
	frozen_article = 19

	def validate_content(self):
		assert_in_plan(self.it_project, self.doctype)
		filed_contracts = frappe.get_all(
			"Contract Filing", filters={"it_project": self.it_project, "docstatus": 1}, pluck="name"
		)
		facts = C.TrialFacts(
			it_project=self.it_project,
			stage=self.project.stage,
			trial_start=getdate(self.trial_start) if self.trial_start else None,
			trial_end=getdate(self.trial_end) if self.trial_end else None,
			today=getdate(today()),
			filed_contracts=tuple(filed_contracts),
			passed_acceptance=passed_acceptance(self.it_project),
		)
		throw_if_blocking(
			C.check_trial(facts), self.doctype, title=_("Please correct the trial-operation filing")
		)

	def on_filed(self):
		set_project_stage([self.it_project], ProjectStage.TRIAL)
