"""Rectification Notice (整改通知, Art 21): a supervising department tells a unit to rectify by a deadline.

Issued (on insert) by a department for its own field of supervision, with a deadline in
working days; the unit answers with its rectification report (待整改/逾期未整改 → 待复查); the
issuer re-checks it (→ 已整改 / 仍不符合). `overdue.mark_overdue`, a daily job, turns notices
left unanswered past their deadline into 逾期未整改. Sanctions are recorded and lifted through
`sanctions`. The notice stands as issued: only the unit's report and the issuer's re-check are
written on it afterwards. The rules are in `govit_app.rules.supervision`.
"""

import frappe
from frappe import _
from frappe.model.naming import getseries
from frappe.utils import getdate, today

from govit_app import roles as R
from govit_app.errors import NotYourStepError, throw
from govit_app.permissions.policy import is_classified
from govit_app.rules import supervision as SV
from govit_app.rules.countersign import functions_of_roles
from govit_app.rules.settings import supervising_departments
from govit_app.utils.attachments import validate_attach_values
from govit_app.utils.calendar import add_working_days
from govit_app.utils.findings import throw_if_blocking
from govit_app.utils.settings import get_settings
from govit_app.vocabulary import RectificationState as S
from govit_app.workflow.actors import users_with_role
from govit_app.workflow.countersign import unit_functions
from govit_app.workflow.document import WorkflowDocument
from govit_app.workflow.gates import assert_project_active

DT = "Rectification Notice"
REPORT_FIELDS = frozenset({"rectification_report", "rectification_summary"})


class RectificationNotice(WorkflowDocument):
	initial_state = S.OPEN
	process_fields = frozenset(
		{
			"notice_no",
			"issued_on",
			"deadline",
			"overdue_on",
			"answered_on",
			"rechecked_by",
			"rechecked_on",
			"sanction",
			"sanctions",
			"pending_with",
		}
	)
	# The unit writes its report while the notice waits for it; the issuer its re-check opinion.
	recorded_in_state = {
		S.OPEN: REPORT_FIELDS,
		S.OVERDUE: REPORT_FIELDS,
		S.ANSWERED: frozenset({"recheck_opinion"}),
	}
	frozen_article = 21

	def content_is_frozen(self) -> bool:
		"""Unlike a declaration, a notice has no drafting state: it stands as issued."""
		return not self.is_new()

	def frozen_message(self, changed: list[str], allowed: frozenset[str]) -> str:
		return _(
			"A rectification notice stands as issued ({0}); in the state {1} only {2} is written on it"
			" (Art 21)."
		).format(
			"、".join(changed),
			frappe.bold(_(self.from_state)),
			"、".join(_(self.meta.get_label(f)) for f in sorted(allowed & self.recorded_fields())) or "—",
		)

	def recorded_fields(self) -> frozenset[str]:
		return frozenset().union(*self.recorded_in_state.values())

	# ---- the steps ----------------------------------------------------------------------

	def validate_document(self):
		if self.is_new():
			self.issue()
			return
		if self.acts_as_process():
			return
		if self.from_state in SV.ANSWERABLE_STATES:
			# No report on a terminated project's notice; a suspended one is rectified to be lifted.
			assert_project_active(self.it_project, _("Rectification Report"), allow_suspended=True)
			validate_attach_values(self, [self.rectification_report], article=21)
		if self.to_state == S.ANSWERED and self.is_transition:
			throw_if_blocking(
				SV.check_answer(
					self.from_state,
					self.rectification_report,
					self.rectification_summary,
					is_classified(self.secrecy_level),
				),
				self.doctype,
				title=_("Not answered"),
			)
		if self.from_state == S.ANSWERED:
			self.assert_issuer(_("Only {0}, which issued the notice, re-checks the rectification (Art 21)."))
		if self.to_state == S.STILL_FAILING and self.is_transition:
			throw_if_blocking(SV.check_recheck_opinion(self.recheck_opinion), self.doctype)

	def issue(self):
		"""Art 21: the department of the notice's field issues it, with a deadline in working days."""
		settings = get_settings()
		if not self.issued_by:
			self.issued_by = own_department(self.issue_type) or own_department()
		function = unit_functions([self.issued_by]).get(self.issued_by) if self.issued_by else None
		if not self.acts_as_process():
			self.assert_issuer(
				_("You do not act for {0}: a department issues notices in its own name (Art 21).")
			)
		if not self.deadline_working_days:
			self.deadline_working_days = settings.rectification_working_days
		throw_if_blocking(
			[
				*SV.check_issuer(self.issue_type, self.issued_by or "—", function, settings),
				*SV.check_deadline_days(self.deadline_working_days),
			],
			self.doctype,
			title=_("Notice not issued"),
		)
		# Supervision goes on while construction is suspended; a terminated project is closed.
		assert_project_active(self.it_project, self.doctype, allow_suspended=True)
		self.issued_on = today()
		self.deadline = add_working_days(self.issued_on, self.deadline_working_days)
		self.notice_no = notice_number(self.issued_by, getdate(self.issued_on).year)

	def assert_issuer(self, message: str) -> None:
		"""The session user acts for the issuing department (`message` names it as {0})."""
		if not issuer_roles(self.issued_by) & set(frappe.get_roles()):
			throw(
				message.format(frappe.bold(self.issued_by or "—")),
				article=21,
				exc=NotYourStepError,
				title=_("Not your step"),
			)

	def record_transition(self):
		if self.to_state == S.ANSWERED:
			self.answered_on = today()
		if self.from_state == S.ANSWERED and self.to_state in (S.RECTIFIED, S.STILL_FAILING):
			self.rechecked_by = frappe.session.user
			self.rechecked_on = today()

	def next_actors(self) -> list[str] | None:
		if not self.is_transition and not self.is_new():
			return None
		if self.to_state in SV.ANSWERABLE_STATES:
			return users_with_role(R.UNIT_USER, [self.unit])
		if self.to_state == S.ANSWERED:
			return sorted({user for role in issuer_roles(self.issued_by) for user in users_with_role(role)})
		return []

	def on_trash(self):
		throw(_("A rectification notice is kept on the record (Art 21); it cannot be deleted."), article=21)


def issuer_roles(unit: str | None) -> set[str]:
	"""The roles that act for the department `unit` is (e.g. GovIT Finance for 市财政局)."""
	function = unit_functions([unit]).get(unit) if unit else None
	return {role for role, f in R.DEPARTMENT_FUNCTION_BY_ROLE.items() if f == function}


def own_department(issue_type: str | None = None) -> str | None:
	"""The Gov Unit of the session user's department: the one of theirs that supervises `issue_type`
	or, without it, their only one (so that a notice outside its field is refused for that reason)."""
	functions = functions_of_roles(frappe.get_roles())
	if issue_type:
		functions &= set(supervising_departments(issue_type, get_settings()))
	if len(functions) != 1:
		return None
	return frappe.db.get_value("Gov Unit", {"department_function": functions.pop()})


def notice_number(issuer: str, year: int) -> str:
	"""整改〔2027〕3号: the issuer's own count for the year, from a counter that never goes back."""
	return _("Rectification 〔{0}〕 No. {1}").format(year, int(getseries(f"ZGTZ-{issuer}-{year}-", 1)))
