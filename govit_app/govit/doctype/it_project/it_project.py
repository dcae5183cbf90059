"""IT Project (项目档案): one project across its whole life and across years."""

import frappe
from frappe import _

from govit_app import roles as R
from govit_app.errors import throw
from govit_app.govit.doctype.it_project.facts import FACT_FIELDS
from govit_app.permissions.sharing import sync_participant_shares
from govit_app.workflow.document import WorkflowDocument


class ITProject(WorkflowDocument):
	# Set by the life cycle (plan, approval, filings, evaluation). The Office may correct them, e.g.
	# when it records a project that was running before this system.
	process_fields = frozenset(
		{
			"stage",
			"approved_amount",
			"total_approved_amount",
			"amount_history",
			"contract_amount",
			"acceptance_due_date",
			"latest_evaluation",
			"latest_grade",
			"renewal_blocked",
			"renewal_block_reasons",
			"om_evaluation_due_date",
		}
	)
	process_correctors = frozenset({R.OFFICE, "System Manager"})

	def validate_document(self):
		self.keep_ledger_facts()
		self.validate_participating_units()

	def keep_ledger_facts(self):
		"""台账信息 holds copies of the project's documents (`facts.refresh`): whatever a write sends,
		they stay as the database has them (a copy loaded before its document changed included)."""
		before = self.get_doc_before_save()
		for field in FACT_FIELDS:
			self.set(field, before.get(field) if before else None)

	def validate_participating_units(self):
		if not self.is_cross_department:
			self.participating_units = []
			return
		seen = set()
		for row in self.participating_units:
			if row.unit == self.unit:
				throw(
					_(
						"{0}: the lead unit {1} is the project's own unit; list only the other units (Art 8)."
					).format(_("Participating Units"), frappe.bold(row.unit)),
					article=8,
				)
			if row.unit in seen:
				throw(_("{0}: {1} is listed twice.").format(_("Participating Units"), frappe.bold(row.unit)))
			seen.add(row.unit)
		if not seen:
			throw(
				_("{0}: a cross-department project names at least one participating unit (Art 8).").format(
					_("Participating Units")
				),
				article=8,
			)

	def on_update(self):
		sync_participant_shares(self)
