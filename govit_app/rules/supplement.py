"""In-year supplementary projects (Art 13 ¶2).

A project outside the year's published plan joins it, as a supplementary item, only when
the Office, Secrecy, NDRC, Industry IT and Finance (GovIT Settings) have all agreed.
"""

from collections.abc import Collection

from govit_app.rules import countersign as C
from govit_app.rules.findings import Finding
from govit_app.rules.plan import Candidate, check_not_classified, check_other_plan, check_technical_review
from govit_app.rules.text import _
from govit_app.vocabulary import DeclarationState, Severity, SupplementStatus

# Declaration states in which the Office has accepted it (受理) and not refused it.
ACCEPTED_STATES = (DeclarationState.UNDER_REVIEW, DeclarationState.PASSED)


def check_request(c: Candidate, published_plan: str | None, requested_amount: float | None) -> list[Finding]:
	findings: list[Finding] = []
	if c.workflow_state not in ACCEPTED_STATES:
		findings.append(
			Finding(
				13,
				Severity.BLOCKING,
				_(
					"{label}: {0} is {1}; a supplementary request is made for a declaration the Office has"
					" accepted and not refused (Art 13)."
				),
				"project_declaration",
				(c.project_name, c.workflow_state or _("not found")),
			)
		)
	if not published_plan:
		findings.append(
			Finding(
				13,
				Severity.BLOCKING,
				_(
					"{label}: the {0} annual plan is not published yet; a project is added to it while it is"
					" drawn up, and supplemented only after (Art 13)."
				),
				"plan_year",
				(c.plan_year,),
			)
		)
	if not requested_amount or requested_amount <= 0:
		findings.append(
			Finding(None, Severity.BLOCKING, _("{label} must be greater than 0."), "requested_amount")
		)
	return [*findings, *check_other_plan(c), *check_technical_review(c), *check_not_classified(c)]


def status(required: Collection[str], rows: list[C.DepartmentDecision]) -> str:
	if C.refusals(rows):
		return SupplementStatus.REFUSED
	return SupplementStatus.AGREED if C.is_complete(required, rows) else SupplementStatus.CONSULTING


def check_consented(required: Collection[str], rows: list[C.DepartmentDecision]) -> list[Finding]:
	missing = C.missing_departments(required, rows)
	if not missing:
		return []
	return [
		Finding(
			13,
			Severity.BLOCKING,
			_("{label}: {0} must still agree before the project joins the year's plan (Art 13)."),
			"consultations",
			("、".join(missing),),
		)
	]
