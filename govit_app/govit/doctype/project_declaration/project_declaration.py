"""Project Declaration (项目申报表, Art 5-9): what a unit declares for next year's plan.

The rules are in `govit_app.rules.declaration*`; this controller reads the facts, stores
the findings and lets the workflow move only as the regulation allows.
"""

from dataclasses import asdict
from datetime import date

import frappe
from frappe import _
from frappe.desk.form import assign_to
from frappe.utils import getdate, today

from govit_app import roles as R
from govit_app.errors import NotYourStepError, throw
from govit_app.govit.doctype.project_declaration.declaration_facts import (
	attach_values,
	declaration_facts,
	material_rows_of,
)
from govit_app.permissions.sharing import sync_participant_shares
from govit_app.rules import declaration_workflow as W
from govit_app.rules.declaration import DeclarationFacts, approval_decision, check_input, effective_nature
from govit_app.rules.declaration_compliance import awaits_exception_consent, check_compliance
from govit_app.rules.declaration_materials import material_rows
from govit_app.rules.review import PanelResult
from govit_app.utils.attachments import validate_attach_values
from govit_app.utils.findings import render, throw_if_blocking
from govit_app.utils.settings import get_settings
from govit_app.vocabulary import DeclarationAction, ProjectNature, ProjectStage
from govit_app.vocabulary import DeclarationState as S
from govit_app.workflow.actors import unit_and_ancestors, users_with_role
from govit_app.workflow.document import WorkflowDocument
from govit_app.workflow.gates import assert_project_active
from govit_app.workflow.numbering import OfficialNumber, issue
from govit_app.workflow.reasons import record_reason, show_reason, step_action
from govit_app.workflow.stages import set_project_stage

# 申报编号, per plan year (SB-2027-00001): given at the first hand-in, kept through returns.
DECLARATION_NO = OfficialNumber("declaration_no", "SB-.plan_year.-.#####")

# What the Office settles at intake and the unit cannot: the nature of a 其他 declaration (Art 2)
# and its consent to an exception from Art 18.
INTAKE_RECORDS = ("classified_nature", "exception_consent")
ART18_ANSWERS = (
	"deploy_on_gov_cloud",
	"gov_cloud_exception_reason",
	"connect_big_data_platform",
	"big_data_exception_reason",
)


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
			"first_submitted_on",
			"accepted_on",
			"pending_with",
			"declaration_no",
			"approval_basis",
			"approval_basis_amount",
			"exception_consent_by",
			"exception_consent_on",
			"closed_by",
			"closed_on",
			"secrecy_reference",
			"reasons",
		}
	)
	recorded_in_state = {
		# The competent department writes its opinion while the declaration waits for it (Art 8).
		S.COMPETENT_REVIEW: frozenset({"competent_opinion", "competent_signer"}),
		S.INTAKE: frozenset(INTAKE_RECORDS),
	}
	frozen_article = 8

	def validate_document(self):
		self.flags.facts = None  # read afresh by this save (`facts`)
		# Art 21: nothing more for a project whose construction is suspended, or which is terminated.
		assert_project_active(self.it_project, self.doctype)
		self.validate_intake_records()
		if self.from_state == S.DRAFT:
			self.set_derived_fields()
			self.validate_input()
		if self.from_state == S.INTAKE:
			self.record_exception_consent()
		if self.was_draft():
			self.set_approval_basis()
			self.set_compliance_findings()
		self.validate_transition()

	def was_draft(self) -> bool:
		"""Not yet submitted before this save: the submitting step (受理) is judged as a draft."""
		before = self.get_doc_before_save()
		return (before or self).docstatus == 0

	def validate_after_submit(self):
		"""Steps between submitted states (评审通过, 终止, 涉密办结) are checked and recorded too."""
		if self.is_transition:
			self.validate_transition()
			self.record_transition()

	def nature(self) -> str | None:
		"""The nature the rules apply: a 其他 follows the Office's classification (Art 2)."""
		return effective_nature(self.project_nature, self.classified_nature)

	def transition(self) -> W.Transition:
		facts = self.flags.facts
		return W.Transition(
			self.from_state,
			self.to_state,
			competent_unit=self.competent_unit,
			competent_opinion=self.competent_opinion or "",
			review_result=self.review_result or "",
			action=(self.flags.step_action or step_action(self)) if self.is_transition else "",
			reason=self.flags.step_reason or "",
			project_nature=self.project_nature or "",
			classified_nature=self.classified_nature or "",
			awaits_exception_consent=bool(facts) and awaits_exception_consent(facts),
			listed_in_plan=self.listed_in_plan() if self.to_state == S.TERMINATED else "",
			min_experts=get_settings().min_experts_per_panel,
		)

	def listed_in_plan(self) -> str:
		return (
			frappe.db.get_value(
				"Annual Plan Item",
				{"project_declaration": self.name, "parenttype": "Annual Plan"},
				"parent",
			)
			or ""
		)

	def validate_intake_records(self):
		"""The classification and the consent are the Office's, recorded at intake (待受理)."""
		if self.from_state == S.INTAKE or self.acts_as_process():
			return
		before = self.get_doc_before_save() or frappe._dict()
		changed = [f for f in INTAKE_RECORDS if (self.get(f) or "") != (before.get(f) or "")]
		if changed:
			throw(
				_("{0}: recorded by the City Government Office while the declaration is {1}.").format(
					"、".join(_(self.meta.get_label(f)) for f in changed), _(S.INTAKE)
				),
				article=2 if "classified_nature" in changed else 18,
				exc=NotYourStepError,
				title=_("Not your step"),
			)

	def record_exception_consent(self):
		"""Who consented to the Art 18 exception, and when."""
		if not self.has_value_changed("exception_consent"):
			return
		consented = bool((self.exception_consent or "").strip())
		self.exception_consent_by = frappe.session.user if consented else None
		self.exception_consent_on = today() if consented else None

	def set_approval_basis(self):
		"""Art 12 while declaring: the estimate decides (the published plan's amount does after)."""
		decision = approval_decision(self.nature(), self.estimate_amount, None, get_settings())
		self.needs_approval = int(decision.needed)
		self.approval_basis = decision.basis
		self.approval_basis_amount = decision.amount

	def set_derived_fields(self):
		self.competent_unit = (
			frappe.get_cached_value("Gov Unit", self.unit, "competent_unit") if self.unit else None
		)
		if self.is_cross_department and not self.lead_unit:
			self.lead_unit = self.unit
		if not self.is_cross_department:
			self.lead_unit = None
			self.participating_units = []
		self.funding_total = round(sum(row.amount or 0 for row in self.funding), 2)
		self.clear_stale_intake_records()
		self.fill_materials()

	def clear_stale_intake_records(self):
		"""A returned declaration keeps the Office's records only for what the unit left unchanged."""
		if self.project_nature != ProjectNature.OTHER:
			self.classified_nature = None
		if any(self.has_value_changed(f) for f in ART18_ANSWERS) and not self.is_new():
			self.exception_consent = self.exception_consent_by = self.exception_consent_on = None

	@frappe.whitelist()
	def fill_materials(self):
		"""Art 9: the materials table follows the project nature (the desk calls this on change)."""
		current = material_rows_of(self)
		rows = material_rows(self.nature(), get_settings(), current)
		if rows != current:
			self.set("materials", [asdict(row) for row in rows])

	def facts(self, on_date: date) -> DeclarationFacts:
		"""The facts the rules judge, read once per save: the input check and the compliance
		findings of a draft judge the same ones."""
		if not (self.flags.facts and self.flags.facts.on_date == on_date):
			self.flags.facts = declaration_facts(self, on_date)
		return self.flags.facts

	def validate_input(self):
		findings = check_input(self.facts(getdate(today())), get_settings())
		throw_if_blocking(findings, self.doctype, title=_("Please correct the declaration"))
		validate_attach_values(self, attach_values(self), article=9)

	def set_compliance_findings(self):
		"""A draft is judged today; a declaration handed in, on the day it was handed in (Art 8)."""
		on_date = getdate(today() if self.from_state == S.DRAFT else self.submitted_on)
		findings = check_compliance(self.facts(on_date), get_settings())
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
		"""Dates, signature and reason of the step taken."""
		if self.transition().is_submission:
			self.submitted_on = today()
			issue(self, DECLARATION_NO)
			# Only the first hand-in is judged against the window (Art 8).
			self.first_submitted_on = self.first_submitted_on or self.submitted_on
			# The unit never signs for its competent department.
			self.competent_opinion = self.competent_signer = self.competent_opinion_date = None
		if self.from_state == S.COMPETENT_REVIEW and self.to_state == S.INTAKE:
			self.competent_signer = self.competent_signer or frappe.utils.get_fullname()
			self.competent_opinion_date = today()
		if self.to_state == S.UNDER_REVIEW:
			self.accepted_on = today()
		if self.to_state in W.CLOSED and self.from_state != self.to_state:
			self.closed_by = frappe.session.user
			self.closed_on = today()
		reason = record_reason(self)
		if self.to_state == S.CLASSIFIED_CLOSED and self.from_state != self.to_state:
			self.secrecy_reference = reason

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

	def on_change(self):
		show_reason(self)
		if self.flags.states and self.is_transition and self.to_state == S.TERMINATED:
			self.close_open_reviews()

	def on_submit(self):
		if self.workflow_state == S.UNDER_REVIEW:
			self.create_it_project()

	def close_open_reviews(self):
		"""A terminated declaration is reviewed no more: its experts' open assignments close."""
		for review in frappe.get_all(
			"Expert Review", filters={"project_declaration": self.name, "docstatus": 0}, pluck="name"
		):
			assign_to.close_all_assignments("Expert Review", review, ignore_permissions=True)

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
		"""Nothing handed in is deleted: the unit withdraws it (撤回) instead."""
		if self.docstatus == 0 and (self.workflow_state or S.DRAFT) != S.DRAFT:
			throw(
				_("Only a draft declaration can be deleted; this one is {0}.").format(
					frappe.bold(_(self.workflow_state))
				),
				article=8,
			)
		if self.first_submitted_on:
			throw(
				_(
					"This declaration was handed in on {0}: it is not deleted. Withdraw it ({1}) to end it."
				).format(self.first_submitted_on, _(DeclarationAction.WITHDRAW)),
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
