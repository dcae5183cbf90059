"""Supplementary Request (年度追加项目申请, Art 13 ¶2): an in-year project outside the plan.

The Office makes the request; each consulted department (GovIT Settings) records its own
decision with the Countersign button; only when all agree does the Office submit it, and
the project joins the year's published plan as a supplementary item.
"""

import frappe
from frappe import _
from frappe.model.document import Document

from govit_app import roles as R
from govit_app.govit.doctype.annual_plan.candidates import candidates, declarations
from govit_app.govit.doctype.annual_plan.publication import enter_plan
from govit_app.rules import countersign as C
from govit_app.rules import supplement as S
from govit_app.rules.declaration import needs_approval
from govit_app.utils.findings import throw_if_blocking
from govit_app.utils.settings import get_settings
from govit_app.workflow import countersign
from govit_app.workflow.actors import users_with_role
from govit_app.workflow.guards import changed_fields

PROCESS_FIELDS = {"consultations", "all_consented", "status", "pending_with", "annual_plan"}


class SupplementaryRequest(Document):
	def onload(self):
		self.set_onload("may_countersign", countersign.may_decide_now(self))

	def validate(self):
		countersign.check_rows_unchanged(self)
		self.validate_frozen_content()
		if self.is_new():
			self.validate_request()
			self.set("consultations", countersign.fresh_rows(self.required_departments()))
		self.set_status()

	def before_submit(self):
		throw_if_blocking(
			S.check_consented(self.required_departments(), countersign.decisions(self)),
			self.doctype,
			title=_("Not all departments agreed"),
		)
		self.status = S.IN_PLAN
		self.pending_with = []

	def on_submit(self):
		self.join_plan()

	def required_departments(self) -> tuple[str, ...]:
		return get_settings().supplementary_consult_departments

	def assert_open_for_decisions(self):
		if self.docstatus != 0:
			frappe.throw(
				_("The consultation on {0} is closed.").format(self.name), title=_("Consultation closed")
			)

	def validate_frozen_content(self):
		"""Once a department has decided, it decided on this request as it stood."""
		before = self.get_doc_before_save()
		if not before or all(row.decision == C.PENDING for row in before.consultations):
			return
		changed = changed_fields(self, PROCESS_FIELDS)
		if changed:
			frappe.throw(
				_("Departments have decided on this request: {0} can no longer be changed.").format(
					"、".join(changed)
				),
				title=_("Request frozen"),
			)

	def validate_request(self):
		rows = declarations(names=[self.project_declaration])
		candidate = candidates(rows, "").get(self.project_declaration)
		row = rows.get(self.project_declaration) or frappe._dict()
		self.annual_plan = frappe.db.get_value("Annual Plan", {"plan_year": row.plan_year, "docstatus": 1})
		throw_if_blocking(
			S.check_request(candidate, self.annual_plan, self.requested_amount) if candidate else [],
			self.doctype,
			title=_("No supplementary request for this declaration"),
		)
		existing = frappe.db.get_value(
			self.doctype, {"project_declaration": self.project_declaration, "docstatus": ("<", 2)}
		)
		if existing:
			frappe.throw(
				_("{0} already has the supplementary request {1}.").format(
					frappe.bold(self.project_declaration), existing
				),
				frappe.DuplicateEntryError,
				title=_("Request exists"),
			)

	def set_status(self):
		decisions = countersign.decisions(self)
		self.status = S.status(self.required_departments(), decisions)
		self.all_consented = int(self.status == S.AGREED)
		users = countersign.users_deciding(self) if self.status == S.CONSULTING else users_with_role(R.OFFICE)
		self.set("pending_with", [{"user": user} for user in users])

	def join_plan(self):
		"""The project becomes a supplementary item of the published plan, in this transaction.

		The plan is submitted; the row is the consulted departments' decision, not an edit of
		the plan, so it is written directly and the plan's total and findings follow.
		"""
		plan = frappe.get_doc("Annual Plan", self.annual_plan)
		row = declarations(names=[self.project_declaration])[self.project_declaration]
		item = plan.append(
			"items",
			{
				"project_declaration": self.project_declaration,
				"project_name": row.project_name,
				"unit": row.unit,
				"it_project": row.it_project,
				"project_nature": row.project_nature,
				"recommended_amount": row.recommended_amount,
				"approved_amount": self.requested_amount,
				"priority": "高",
				"needs_approval": needs_approval(row.project_nature, self.requested_amount, get_settings()),
				"is_supplementary": 1,
				"supplementary_request": self.name,
			},
		)
		item.db_insert()
		plan.set_total_and_findings()
		plan.update_child_table("findings")
		plan.db_set("total_amount", plan.total_amount)
		plan.add_comment(
			"Info",
			_("Supplementary item {0} ({1}) added after the consultation {2} (Art 13).").format(
				row.project_name, self.project_declaration, self.name
			),
		)
		enter_plan([item])
