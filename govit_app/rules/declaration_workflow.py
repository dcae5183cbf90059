"""The road a declaration travels (Art 8-10) and what each step requires.

草稿 → [待主管部门审核 →] 待受理 → 评审中 → 评审通过 / 评审不通过, with 退回修改 back to
草稿 from the competent department and from the Office's intake. The Workflow fixture says
who may take a step; these checks hold whatever an administrator changes in it.
"""

from dataclasses import dataclass

from govit_app.rules.findings import Finding, blocking
from govit_app.rules.text import _
from govit_app.vocabulary import DeclarationState as S
from govit_app.vocabulary import ReviewResult, Severity

# The panel result a decision step needs (Art 10).
REVIEW_RESULT_FOR = {S.PASSED: ReviewResult.PASSED, S.FAILED: ReviewResult.FAILED}


@dataclass(frozen=True)
class Transition:
	from_state: str
	to_state: str
	competent_unit: str | None = None
	competent_opinion: str = ""
	review_result: str = ""

	@property
	def is_submission(self) -> bool:
		"""The unit hands its draft in."""
		return self.from_state == S.DRAFT and self.to_state != S.DRAFT

	@property
	def is_acceptance(self) -> bool:
		"""The Office's formal check passes (受理): the declared content is frozen from here."""
		return self.to_state == S.UNDER_REVIEW


def check_transition(t: Transition, compliance: list[Finding]) -> list[Finding]:
	"""Blocking findings that stop this step; `compliance` are the declaration's current findings."""
	findings: list[Finding] = []
	if t.is_submission or t.is_acceptance:
		findings += blocking(compliance)
	if t.to_state == S.INTAKE and t.competent_unit and t.from_state != S.COMPETENT_REVIEW:
		findings.append(
			Finding(
				8,
				Severity.BLOCKING,
				_("{label}: the unit declares through its competent department {0} (Art 8)."),
				"competent_unit",
				(t.competent_unit,),
			)
		)
	if t.to_state == S.COMPETENT_REVIEW and not t.competent_unit:
		findings.append(
			Finding(
				8,
				Severity.BLOCKING,
				_(
					"{label}: the unit has no competent department; the declaration goes to the Office directly."
				),
				"competent_unit",
			)
		)
	if (
		t.from_state == S.COMPETENT_REVIEW
		and t.to_state == S.INTAKE
		and not (t.competent_opinion or "").strip()
	):
		findings.append(
			Finding(
				8,
				Severity.BLOCKING,
				_(
					"{label} is required before the declaration goes on to the City Government Office (Art 8)."
				),
				"competent_opinion",
			)
		)
	expected = REVIEW_RESULT_FOR.get(t.to_state)
	if expected and t.review_result != expected:
		findings.append(
			Finding(
				10,
				Severity.BLOCKING,
				_("{label} is {0}: the expert review has not concluded {1} (Art 10)."),
				"review_result",
				(t.review_result or _("not yet available"), expected),
			)
		)
	return findings
