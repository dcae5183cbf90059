"""Countersigning (会签, 会商): several departments decide on one document, each for itself.

Frappe's workflow lets one role take a step, so the decisions live in a child table whose
rows name the departments (Gov Units) of GovIT Settings' lists; a user records the decision
of the department their role stands for through `record_decision`, and nobody changes a
row any other way. The rules are in `govit_app.rules.countersign`.
"""

from dataclasses import dataclass

import frappe
from frappe import _
from frappe.model.document import Document
from frappe.utils import now_datetime

from govit_app import roles as R
from govit_app.errors import DuplicateRecordError, NotYourStepError, throw
from govit_app.rules import countersign as C
from govit_app.rules import text
from govit_app.vocabulary import Decision
from govit_app.workflow.actors import users_with_role


@dataclass(frozen=True)
class Countersign:
	"""Where a DocType keeps its decisions and which article requires them."""

	table: str
	decided_by: str
	decided_on: str
	article: str  # msgid, translated where it is shown
	number: int


SPECS = {
	"Annual Plan": Countersign("countersigns", "signed_by", "signed_on", text._("Art 4"), 4),
	"Supplementary Request": Countersign("consultations", "decided_by", "decided_on", text._("Art 13"), 13),
	"Acceptance Filing": Countersign("receipts", "received_by", "received_on", text._("Art 19"), 19),
}


def department_units(functions: tuple[str, ...] | list[str]) -> dict[str, str]:
	"""The Gov Unit acting as each department function; refuses a function no unit acts as."""
	units = dict(
		frappe.get_all(
			"Gov Unit",
			filters={"department_function": ("in", list(functions))},
			fields=["department_function", "name"],
			as_list=True,
		)
	)
	missing = [function for function in functions if function not in units]
	if missing:
		throw(
			_("No unit acts as {0}: set the Department Function of that Gov Unit first.").format(
				"、".join(frappe.bold(m) for m in missing)
			),
			article=4,
			title=_("Department missing"),
		)
	return units


def fresh_rows(functions: tuple[str, ...]) -> list[dict]:
	"""One undecided row per department, in the order of the settings."""
	units = department_units(functions)
	return [{"department": units[function], "decision": Decision.PENDING} for function in functions]


def decisions(doc: Document) -> list[C.DepartmentDecision]:
	"""The document's rows as the rules see them (one query for the departments' functions)."""
	rows = doc.get(SPECS[doc.doctype].table) or []
	functions = unit_functions([row.department for row in rows])
	return [
		C.DepartmentDecision(
			functions.get(row.department, ""), row.decision or Decision.PENDING, row.opinion or ""
		)
		for row in rows
	]


def unit_functions(units: list[str]) -> dict[str, str]:
	if not units:
		return {}
	return dict(
		frappe.get_all(
			"Gov Unit",
			filters={"name": ("in", units)},
			fields=["name", "department_function"],
			as_list=True,
		)
	)


def users_deciding(doc: Document) -> list[str]:
	"""Users of the departments whose decision is still pending: they are told to decide."""
	pending = {row.department_function for row in decisions(doc) if row.decision == Decision.PENDING}
	roles = [role for role, function in R.DEPARTMENT_FUNCTION_BY_ROLE.items() if function in pending]
	return sorted({user for role in roles for user in users_with_role(role)})


def may_decide_now(doc: Document) -> bool:
	"""Whether the session user's department still has to decide (the form shows the button)."""
	functions = C.functions_of_roles(frappe.get_roles())
	return any(
		row.department_function in functions and row.decision == Decision.PENDING for row in decisions(doc)
	)


@frappe.whitelist()
def record_decision(
	doctype: str, name: str, decision: str, opinion: str | None = None, department: str | None = None
) -> dict:
	"""The session user records the decision of their own department on `doctype` `name`."""
	spec = SPECS.get(doctype)
	if not spec:
		throw(_("{0} is not countersigned.").format(doctype))
	doc = frappe.get_doc(doctype, name)
	doc.check_permission("read")
	doc.assert_open_for_decisions()
	row = own_row(doc, spec, department)
	validate_decision(decision, opinion, spec)
	row.decision = decision
	row.opinion = (opinion or "").strip()
	row.set(spec.decided_by, frappe.session.user)
	row.set(spec.decided_on, now_datetime())
	# The department is not the state's editing role: this save is the decision and nothing else.
	doc.flags.process_step = True
	doc.flags.ignore_permissions = True
	doc.save()
	doc.run_method("after_decision", decision)
	return doc.as_dict()


def own_row(doc: Document, spec: Countersign, department: str | None):
	"""The row of the user's own department; naming another department is refused."""
	roles = frappe.get_roles()
	rows = doc.get(spec.table) or []
	functions = unit_functions([row.department for row in rows] + ([department] if department else []))
	if department and not C.may_decide(roles, functions.get(department)):
		throw(
			_("You do not act for {0}: each department records its own decision ({1}).").format(
				frappe.bold(department), _(spec.article)
			),
			article=spec.number,
			exc=NotYourStepError,
			title=_("Wrong department"),
		)
	mine = [
		row
		for row in rows
		if C.may_decide(roles, functions.get(row.department))
		and row.department == (department or row.department)
	]
	if not mine:
		throw(
			_("Your department is not among the departments that decide on this document: {0} ({1}).").format(
				"、".join(row.department for row in rows), _(spec.article)
			),
			article=spec.number,
			exc=NotYourStepError,
			title=_("Wrong department"),
		)
	pending = [row for row in mine if row.decision == Decision.PENDING]
	if not pending:
		row = mine[0]
		throw(
			_("{0} already recorded {1} on {2}.").format(
				frappe.bold(row.department), frappe.bold(row.decision), row.get(spec.decided_on)
			),
			article=spec.number,
			exc=DuplicateRecordError,
			title=_("Already decided"),
		)
	return pending[0]


def validate_decision(decision: str, opinion: str | None, spec: Countersign) -> None:
	if decision not in C.DECISIONS:
		throw(_("The decision is {0} or {1}.").format(Decision.AGREE, Decision.DISAGREE), article=spec.number)
	if decision == Decision.DISAGREE and not (opinion or "").strip():
		throw(
			_("A department that does not agree gives its opinion ({0}).").format(_(spec.article)),
			article=spec.number,
			title=_("Opinion required"),
		)
