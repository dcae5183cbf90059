"""Project Declaration (项目申报表, Art 5-9): what a unit declares for next year's plan.

The rules are in `govit_app.rules.declaration*`; this controller reads the facts, stores
the findings and lets the workflow move only as the regulation allows.
"""

from dataclasses import asdict

import frappe
from frappe import _
from frappe.utils import getdate, today

from govit_app import roles as R
from govit_app.errors import throw
from govit_app.govit.doctype.project_declaration.declaration_facts import (
	attach_values,
	declaration_facts,
	material_rows_of,
)
from govit_app.permissions.sharing import sync_participant_shares
from govit_app.rules import declaration_workflow as W
from govit_app.rules.declaration import check_input, needs_approval
from govit_app.rules.declaration_compliance import check_compliance
from govit_app.rules.declaration_materials import material_rows
from govit_app.rules.review import PanelResult
from govit_app.utils.attachments import validate_attach_values
from govit_app.utils.findings import render, throw_if_blocking
from govit_app.utils.settings import get_settings
from govit_app.vocabulary import DeclarationState as S
from govit_app.vocabulary import ProjectStage
from govit_app.workflow.actors import unit_and_ancestors, users_with_role
from govit_app.workflow.document import WorkflowDocument
from govit_app.workflow.gates import assert_project_active
from govit_app.workflow.numbering import OfficialNumber, issue
from govit_app.workflow.stages import set_project_stage

# 申报编号, per plan year (SB-2027-00001): given at the first hand-in, kept through returns.
DECLARATION_NO = OfficialNumber("declaration_no", "SB-.plan_year.-.#####")


class ProjectDeclaration(WorkflowDocument):
	initial_state = S.DRAFT
	# Set by the steps of the process; the unit's content is everything else, frozen outside 草稿.
	process_fields = frozenset(
		{
			"competent_opinion_date",
			"review_score",
			"review_result",
			"recommended_amount",
			"submitted_on",
			"accepted_on",
			"pending_with",
			"declaration_no",
		}
	)
	# The competent department writes its opinion while the declaration waits for it (Art 8).
	recorded_in_state = {S.COMPETENT_REVIEW: frozenset({"competent_opinion", "competent_signer"})}
	frozen_article = 8

	def validate_document(self):
		# Art 21: nothing more for a project whose construction is suspended, or which is terminated.
		assert_project_active(self.it_project, self.doctype)
		if self.from_state == S.DRAFT:
			self.set_derived_fields()
			self.validate_input()
		if self.docstatus == 0:
			self.set_compliance_findings()
		self.validate_transition()

	def transition(self) -> W.Transition:
		return W.Transition(
			self.from_state,
			self.to_state,
			competent_unit=self.competent_unit,
			competent_opinion=self.competent_opinion or "",
			review_result=self.review_result or "",
		)

	def set_derived_fields(self):
		settings = get_settings()
		self.competent_unit = (
			frappe.db.get_value("Gov Unit", self.unit, "competent_unit") if self.unit else None
		)
		if self.is_cross_department and not self.lead_unit:
			self.lead_unit = self.unit
		if not self.is_cross_department:
			self.lead_unit = None
			self.participating_units = []
		self.funding_total = round(sum(row.amount or 0 for row in self.funding), 2)
		self.needs_approval = needs_approval(self.project_nature, self.estimate_amount, settings)
		self.fill_materials()

	@frappe.whitelist()
	def fill_materials(self):
		"""Art 9: the materials table follows the project nature (the desk calls this on change)."""
		current = material_rows_of(self)
		rows = material_rows(self.project_nature, get_settings(), current)
		if rows != current:
			self.set("materials", [asdict(row) for row in rows])

	def validate_input(self):
		findings = check_input(declaration_facts(self, getdate(today())), get_settings())
		throw_if_blocking(findings, self.doctype, title=_("Please correct the declaration"))
		validate_attach_values(self, attach_values(self), article=9)

	def set_compliance_findings(self):
		"""A draft is judged today; a declaration handed in, on the day it was handed in (Art 8)."""
		on_date = getdate(today() if self.from_state == S.DRAFT else self.submitted_on)
		findings = check_compliance(declaration_facts(self, on_date), get_settings())
		self.flags.findings = findings
		self.set(
			"compliance_findings",
			[
				{"article": f.article, "severity": f.severity, "message": render(f, self.doctype)}
				for f in findings
			],
		)

	def validate_transition(self):
		if self.from_state == self.to_state:
			return
		throw_if_blocking(
			W.check_transition(self.transition(), self.flags.findings or []),
			self.doctype,
			title=_("The declaration cannot go on to {0}").format(self.to_state),
		)

	def record_transition(self):
		"""Dates and signature of the step taken."""
		if self.transition().is_submission:
			self.submitted_on = today()
			issue(self, DECLARATION_NO)
			# The unit never signs for its competent department.
			self.competent_opinion = self.competent_signer = self.competent_opinion_date = None
		if self.from_state == S.COMPETENT_REVIEW and self.to_state == S.INTAKE:
			self.competent_signer = self.competent_signer or frappe.utils.get_fullname()
			self.competent_opinion_date = today()
		if self.to_state == S.UNDER_REVIEW:
			self.accepted_on = today()

	def next_actors(self) -> list[str] | None:
		if not self.is_transition and not self.is_new():
			return None
		if self.to_state == S.DRAFT:
			return sorted({self.owner, *users_with_role(R.UNIT_USER, [self.unit])})
		if self.to_state == S.COMPETENT_REVIEW:
			actors = users_with_role(R.COMPETENT_DEPT, unit_and_ancestors(self.competent_unit))
		elif self.to_state in (S.INTAKE, S.UNDER_REVIEW):
			actors = users_with_role(R.OFFICE)
		else:
			return []
		return [user for user in actors if user != self.owner]

	def on_update(self):
		sync_participant_shares(self)

	def on_submit(self):
		self.create_it_project()

	def create_it_project(self):
		"""受理 of a declaration without a project (新建) opens its project record, in the same transaction."""
		if self.it_project:
			return
		project = frappe.get_doc(
			{
				"doctype": "IT Project",
				"project_name": self.project_name,
				"unit": self.unit,
				"secrecy_level": self.secrecy_level,
				"project_category": self.project_category,
				"is_cross_department": self.is_cross_department,
				"participating_units": [{"unit": row.unit} for row in self.participating_units],
			}
		)
		# The Office accepts on the city's behalf; the unit's own permissions do not apply here.
		project.insert(ignore_permissions=True)
		self.db_set("it_project", project.name)

	def on_trash(self):
		if self.docstatus == 0 and (self.workflow_state or S.DRAFT) != S.DRAFT:
			throw(
				_("Only a draft declaration can be deleted; this one is {0}.").format(
					frappe.bold(_(self.workflow_state))
				),
				article=8,
			)
		super().on_trash()

	def record_panel_result(self, result: PanelResult) -> None:
		"""The expert panel concluded (Art 10): its result is recorded on the declaration, as a
		change of the declaration (Version, modified_by), for the Office to take 评审通过/评审不通过."""
		self.review_score = result.review_score
		self.review_result = result.review_result
		self.recommended_amount = result.recommended_amount or 0  # the column holds no NULL
		self.flags.process_step = True
		self.save(ignore_permissions=True)
		if self.it_project:
			set_project_stage([self.it_project], ProjectStage.REVIEWED)
