"""Documents a unit files with the Office (备案, Art 16, 19): handed in, then filed or returned.

`FilingDocument` is the shared shape of Contract Filing and Trial Operation Filing: the unit
writes the draft and hands it in (提交备案, `filed_on`), the Office files it (备案, `received_on`)
or returns it with a reason (退回修改, `return_reason`, through `workflow.reasons`). A DocType
names the files it hands in (`attach_fields`), checks its own content (`validate_content`) and
says what filing it does to the project (`on_filed`).

The project facts every construction document reads are here too, one query each.
"""

from typing import ClassVar

import frappe
from frappe import _
from frappe.utils import getdate, today

from govit_app import roles as R
from govit_app.permissions.policy import is_classified
from govit_app.rules import construction as C
from govit_app.utils.attachments import validate_attach_values
from govit_app.utils.findings import throw_if_blocking
from govit_app.vocabulary import FilingAction, FilingState, ReviewResult
from govit_app.workflow.actors import users_with_role
from govit_app.workflow.document import WorkflowDocument


def project_values(it_project: str | None) -> frappe._dict:
	"""What a construction document needs to know of its project."""
	fields = [
		"name",
		"unit",
		"stage",
		"secrecy_level",
		"approved_amount",
		"contract_amount",
		"acceptance_due_date",
	]
	return (
		frappe.db.get_value("IT Project", it_project, fields, as_dict=True) if it_project else None
	) or frappe._dict()


def passed_acceptance(it_project: str, other_than: str | None = None) -> str | None:
	"""The project's submitted Completion Acceptance that passed (there is at most one)."""
	return frappe.db.get_value(
		"Completion Acceptance",
		{
			"it_project": it_project,
			"docstatus": 1,
			"result": ReviewResult.PASSED,
			"name": ("!=", other_than or ""),
		},
	)


def planned_completion(it_project: str, items: list[dict]) -> object:
	"""When the project's acceptance is due (Art 19): the approval's completion date, else the end
	date of the declaration the latest published plan took (`items`: `gates.published_items`)."""
	approved = frappe.get_all(
		"Project Approval",
		filters={"it_project": it_project, "docstatus": 1},
		fields=["planned_completion_date"],
		order_by="approval_date desc",
		limit=1,
		pluck="planned_completion_date",
	)
	declared = (
		frappe.db.get_value("Project Declaration", items[0].project_declaration, "end_date")
		if items
		else None
	)
	return C.acceptance_deadline(
		getdate(declared) if declared else None, getdate(approved[0]) if approved and approved[0] else None
	)


def unit_users(unit: str | None, owner: str | None = None) -> list[str]:
	"""The unit's users (and the document's author): told of a return, a filing, a decision."""
	users = set(users_with_role(R.UNIT_USER, [unit] if unit else []))
	if owner and owner != "Administrator":
		users.add(owner)
	return sorted(users)


class FilingDocument(WorkflowDocument):
	initial_state = FilingState.DRAFT
	process_fields = frozenset({"filed_on", "received_on", "return_reason", "pending_with"})
	# Actions that need a reason and the field holding it (workflow.reasons.act_with_reason).
	reason_fields: ClassVar[dict[str, str]] = {FilingAction.RETURN: "return_reason"}
	# The files the unit hands in with the document.
	attach_fields: ClassVar[tuple[str, ...]] = ()
	filing_article: ClassVar[int] = 16
	frozen_article = 16

	def onload(self):
		self.set_onload("reason_actions", list(self.reason_fields))

	def validate_document(self):
		self.project = project_values(self.it_project)
		if self.from_state == FilingState.DRAFT and self.docstatus == 0:
			validate_attach_values(self, [self.get(f) for f in self.attach_fields], self.filing_article)
			self.validate_content()
		if self.is_transition:
			self.validate_step()

	def validate_content(self) -> None:
		"""The DocType's own rules, judged on every save of the draft."""

	def validate_step(self) -> None:
		findings = []
		if self.to_state == FilingState.PENDING and not is_classified(self.secrecy_level):
			attached = {fieldname: bool(self.get(fieldname)) for fieldname in self.attach_fields}
			findings += C.check_documents_attached(attached, self.filing_article)
		if self.from_state == FilingState.PENDING and self.to_state == FilingState.DRAFT:
			findings += C.check_reason_given("return_reason", self.return_reason, self.filing_article)
		throw_if_blocking(findings, self.doctype, title=_("{0} cannot go on").format(_(self.doctype)))

	def record_transition(self) -> None:
		if self.to_state == FilingState.PENDING:
			self.filed_on = today()
			self.return_reason = None
			self.on_handed_in()
		if self.to_state == FilingState.FILED:
			self.received_on = today()

	def on_handed_in(self) -> None:
		"""The unit handed the document in today (e.g. marked late against its due date)."""

	def mark_if_late(self) -> None:
		"""Filed after its due date, the filing is marked overdue and stays so (Art 16, 19)."""
		if C.is_late(getdate(self.filed_on), getdate(self.due_date) if self.due_date else None):
			self.is_overdue = 1

	def next_actors(self) -> list[str] | None:
		if not self.is_transition and not self.is_new():
			return None
		if self.to_state == FilingState.PENDING:
			return users_with_role(R.OFFICE)
		# Returned, or filed: the unit hears of it.
		return unit_users(self.unit, self.owner)

	def on_submit(self):
		self.on_filed()

	def on_filed(self) -> None:
		"""The Office filed the document: what it does to the project."""
