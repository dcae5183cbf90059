"""OM Self Evaluation (运维自评, Art 20): a unit's account of a period of O&M of a project in operation.

One per project and period (`om_evaluation_period` of GovIT Settings), made once the period
has ended, handed in (提交自评) with the O&M system document, the emergency plan and the
period's incidents, and received by the Office (接收), or returned with a reason. The rules
are in `govit_app.rules.om`.
"""

from datetime import date

import frappe
from frappe import _
from frappe.utils import getdate, today

from govit_app import roles as R
from govit_app.errors import throw
from govit_app.govit.doctype.om_self_evaluation.due_dates import refresh_om_due_dates
from govit_app.permissions.policy import is_classified
from govit_app.rules import om, text
from govit_app.utils.attachments import validate_attach_values
from govit_app.utils.findings import throw_if_blocking
from govit_app.utils.settings import get_settings
from govit_app.utils.uniqueness import Unique
from govit_app.vocabulary import OMEvaluationPeriod
from govit_app.vocabulary import OMEvaluationState as S
from govit_app.workflow.actors import users_with_role
from govit_app.workflow.document import WorkflowDocument
from govit_app.workflow.gates import assert_project_active


class OMSelfEvaluation(WorkflowDocument):
	initial_state = S.DRAFT
	# The period's name and dates are derived from year and number on every save of a draft.
	process_fields = frozenset({"submitted_on", "received_on", "received_by", "pending_with"})
	unique_by = (
		Unique(
			("it_project", "period_start"),
			text._("Project {0} already has an O&M self-evaluation for the period from {1}: {2} (Art 20)."),
			article=20,
		),
	)
	# The Office says why it returns a self-evaluation, while it waits for receipt.
	recorded_in_state = {S.SUBMITTED: frozenset({"return_reason"})}
	frozen_article = 20

	def before_validate(self):
		"""The period is named before the uniqueness check of `validate` reads it."""
		if self.docstatus == 0 and (self.workflow_state or S.DRAFT) == S.DRAFT:
			self.set_period()

	def validate_document(self):
		assert_project_active(self.it_project, self.doctype)
		if self.to_state == S.DRAFT and self.is_transition:
			throw_if_blocking(om.check_return_reason(self.return_reason), self.doctype)
		if self.from_state != S.DRAFT:
			return
		kind = get_settings().om_evaluation_period
		throw_if_blocking(
			[
				*om.check_period(kind, self.period_year, self.period_number, getdate()),
				*om.check_stage(frappe.db.get_value("IT Project", self.it_project, "stage"), self.it_project),
			],
			self.doctype,
			title=_("Please correct the self-evaluation"),
		)
		throw_if_blocking(om.check_incidents(self.incident_facts(), self.set_period()), self.doctype)
		validate_attach_values(self, [self.om_system_document, self.emergency_plan], article=20)
		if self.to_state == S.SUBMITTED:
			throw_if_blocking(
				om.check_complete(
					self.om_system_document,
					self.emergency_plan,
					self.summary,
					is_classified(self.secrecy_level),
				),
				self.doctype,
				title=_("Self-evaluation incomplete"),
			)

	def set_period(self) -> om.Period | None:
		"""The period named by year and number, under the setting in force when it is made."""
		kind = get_settings().om_evaluation_period
		if kind == OMEvaluationPeriod.YEARLY:
			self.period_number = None
		if not self.period_year or om.check_period(kind, self.period_year, self.period_number, date.max):
			self.period = self.period_start = self.period_end = None
			return None
		period = om.Period(kind, self.period_year, self.period_number or 1)
		self.period = _(period.message).format(period.year, period.number)
		self.period_start, self.period_end = period.start, period.end
		return period

	def incident_facts(self) -> list[om.Incident]:
		return [
			om.Incident(
				row.idx,
				getdate(row.occurred_on) if row.occurred_on else None,
				getdate(row.resolved_on) if row.resolved_on else None,
			)
			for row in self.incidents
		]

	def record_transition(self):
		if self.to_state == S.SUBMITTED:
			self.submitted_on = today()
			self.return_reason = None
		if self.to_state == S.RECEIVED:
			self.received_on = today()
			self.received_by = frappe.session.user

	def on_update(self):
		if self.is_transition and self.to_state == S.SUBMITTED:
			refresh_om_due_dates([self.it_project])

	def on_trash(self):
		if (self.workflow_state or S.DRAFT) != S.DRAFT:
			throw(
				_("Only a draft self-evaluation can be deleted; this one is {0}.").format(
					frappe.bold(_(self.workflow_state))
				),
				article=20,
			)

	def next_actors(self) -> list[str] | None:
		if not self.is_transition and not self.is_new():
			return None
		if self.to_state == S.DRAFT:
			return sorted({self.owner, *users_with_role(R.UNIT_USER, [self.unit])})
		if self.to_state == S.SUBMITTED:
			return users_with_role(R.OFFICE)
		return []
