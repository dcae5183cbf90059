"""Supplementary Request (年度追加项目申请, Art 13 ¶2): an in-year project outside the plan.

The Office makes the request; each consulted department (GovIT Settings) records its own
decision with the Countersign button; only when all agree does the Office submit it, and
the project joins the year's published plan (`AnnualPlan.add_supplementary_item`).
"""

import frappe
from frappe import _

from govit_app import roles as R
from govit_app.errors import throw
from govit_app.govit.doctype.annual_plan.candidates import candidates, declarations
from govit_app.rules import supplement as SR
from govit_app.rules import text
from govit_app.utils.findings import throw_if_blocking
from govit_app.utils.settings import get_settings
from govit_app.utils.uniqueness import Unique
from govit_app.vocabulary import Decision, SupplementStatus
from govit_app.workflow import countersign
from govit_app.workflow.actors import users_with_role
from govit_app.workflow.document import WorkflowDocument


class SupplementaryRequest(WorkflowDocument):
	process_fields = frozenset({"consultations", "all_consented", "status", "pending_with", "annual_plan"})
	unique_by = (
		Unique(
			("project_declaration",), text._("{0} already has the supplementary request {1}."), article=13
		),
	)
	frozen_article = 13

	def onload(self):
		self.set_onload("may_countersign", countersign.may_decide_now(self))

	def content_is_frozen(self) -> bool:
		"""Once a department has decided, it decided on this request as it stood."""
		before = self.get_doc_before_save()
		return bool(before) and any(row.decision != Decision.PENDING for row in before.consultations)

	def validate_document(self):
		if self.is_new():
			self.validate_request()
			self.set("consultations", countersign.fresh_rows(self.required_departments()))
		self.set_status()

	def before_submit(self):
		throw_if_blocking(
			SR.check_consented(self.required_departments(), countersign.decisions(self)),
			self.doctype,
			title=_("Not all departments agreed"),
		)
		self.status = SupplementStatus.IN_PLAN
		self.pending_with = []

	def on_submit(self):
		frappe.get_doc("Annual Plan", self.annual_plan).add_supplementary_item(self)

	def required_departments(self) -> tuple[str, ...]:
		return get_settings().supplementary_consult_departments

	def assert_open_for_decisions(self):
		if self.docstatus != 0:
			throw(_("The consultation on {0} is closed.").format(self.name), title=_("Consultation closed"))

	def validate_request(self):
		rows = declarations(names=[self.project_declaration])
		candidate = candidates(rows, "").get(self.project_declaration)
		row = rows.get(self.project_declaration) or frappe._dict()
		self.annual_plan = frappe.db.get_value("Annual Plan", {"plan_year": row.plan_year, "docstatus": 1})
		throw_if_blocking(
			SR.check_request(candidate, self.annual_plan, self.requested_amount) if candidate else [],
			self.doctype,
			title=_("No supplementary request for this declaration"),
		)

	def set_status(self):
		self.status = SR.status(self.required_departments(), countersign.decisions(self))
		self.all_consented = int(self.status == SupplementStatus.AGREED)

	def next_actors(self) -> list[str]:
		if self.status == SupplementStatus.CONSULTING:
			return countersign.users_deciding(self)
		return users_with_role(R.OFFICE)
