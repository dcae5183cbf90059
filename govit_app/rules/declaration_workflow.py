"""The road a declaration travels (Art 8-10, 25) and what each step requires.

草稿 → [待主管部门审核 →] 待受理 → 评审中 → 评审通过 / 评审不通过, with 退回修改 back to
草稿 from the competent department and from the Office's intake. No road ends nowhere: the
unit withdraws (撤回) what is not yet accepted, the Office terminates (终止) what is not yet in
a plan, and a classified declaration is closed after 受理 as handled under the secrecy rules
outside this system (涉密办结). The Workflow fixture says who may take a step; these checks
hold whatever an administrator changes in it.
"""

from dataclasses import dataclass

from govit_app.rules.findings import Finding, blocking
from govit_app.rules.reasons import OPTIONAL_REASON, REASON, REFERENCE, is_required
from govit_app.rules.text import _
from govit_app.vocabulary import DeclarationState as S
from govit_app.vocabulary import ProjectNature, ReviewResult, Severity

# The panel result a decision step needs (Art 10).
REVIEW_RESULT_FOR = {S.PASSED: ReviewResult.PASSED, S.FAILED: ReviewResult.FAILED}
HANDED_IN = (S.COMPETENT_REVIEW, S.INTAKE)
# Where a declaration ends without entering a plan: nobody acts on it any more.
CLOSED = (S.WITHDRAWN, S.TERMINATED, S.CLASSIFIED_CLOSED)
# What the actor gives with a step into each state (`rules.reasons`).
REASON_INTO = {
	S.DRAFT: REASON,  # 退回修改 (from any state after the draft)
	S.FAILED: REASON,
	S.TERMINATED: REASON,
	S.WITHDRAWN: OPTIONAL_REASON,
	S.CLASSIFIED_CLOSED: REFERENCE,
}


@dataclass(frozen=True)
class Transition:
	from_state: str
	to_state: str
	competent_unit: str | None = None
	competent_opinion: str = ""
	review_result: str = ""
	action: str = ""  # the workflow action taking the step
	reason: str = ""  # what the actor gave with the step (reason, or reference number)
	project_nature: str = ""
	classified_nature: str = ""
	awaits_exception_consent: bool = False  # Art 18
	listed_in_plan: str = ""  # the Annual Plan listing it, if any
	min_experts: int = 0  # Art 10, for the message

	@property
	def is_submission(self) -> bool:
		"""The unit hands its draft in."""
		return self.from_state == S.DRAFT and self.to_state in HANDED_IN

	@property
	def is_return(self) -> bool:
		return self.to_state == S.DRAFT and self.from_state != S.DRAFT

	@property
	def is_acceptance(self) -> bool:
		"""The Office's formal check passes (受理): the declared content is frozen from here."""
		return self.to_state == S.UNDER_REVIEW


def reason_required(t: Transition) -> Finding | None:
	"""A return, a refusal, a termination and a classified closure say why (or under which
	reference): the author reads it in the notification and the timeline."""
	kind = REASON_INTO.get(t.to_state)
	if not is_required(kind) or (t.reason or "").strip():
		return None
	if kind == REFERENCE:
		return Finding(
			25,
			Severity.BLOCKING,
			_(
				"{label}: give the reference number under which the declaration is handled by the secrecy"
				" rules outside this system (Art 25)."
			),
			"reasons",
		)
	if t.to_state == S.FAILED:
		return Finding(
			10,
			Severity.BLOCKING,
			_(
				"{label}: give the reason for {0}; the unit reads it in its notification and the timeline (Art 10)."
			),
			"reasons",
			(t.action or t.to_state,),
		)
	return Finding(
		8,
		Severity.BLOCKING,
		_(
			"{label}: give the reason for {0}; the unit reads it in its notification and the timeline (Art 8)."
		),
		"reasons",
		(t.action or t.to_state,),
	)


def check_transition(t: Transition, compliance: list[Finding]) -> list[Finding]:
	"""Blocking findings that stop this step; `compliance` are the declaration's current findings."""
	findings: list[Finding] = []
	if t.from_state == t.to_state:
		return findings
	missing_reason = reason_required(t)
	if missing_reason:
		findings.append(missing_reason)
	if t.is_submission or t.is_acceptance:
		findings += blocking(compliance)
	if t.is_acceptance:
		findings += check_acceptance(t)
	if t.to_state == S.TERMINATED and t.listed_in_plan:
		findings.append(
			Finding(
				10,
				Severity.BLOCKING,
				_(
					"{label}: the declaration is listed in the annual plan {0}; only a declaration not yet in"
					" a plan is terminated. Remove it from the plan while the plan is drawn up (Art 10)."
				),
				"workflow_state",
				(t.listed_in_plan,),
			)
		)
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
				_(
					"{label} is {0}: the expert review has not concluded {1}. A panel of at least {2}"
					" experts concludes when every review is in (Art 10)."
				),
				"review_result",
				(t.review_result or _("not yet available"), expected, t.min_experts),
			)
		)
	return findings


def check_acceptance(t: Transition) -> list[Finding]:
	"""What the Office itself settles before 受理 (Art 2, Art 18)."""
	findings: list[Finding] = []
	if t.project_nature == ProjectNature.OTHER and not t.classified_nature:
		findings.append(
			Finding(
				2,
				Severity.BLOCKING,
				_(
					"{label}: classify the 其他 declaration into one of the five natures of Art 2 before"
					" accepting it (Art 2)."
				),
				"classified_nature",
			)
		)
	if t.awaits_exception_consent:
		findings.append(
			Finding(
				18,
				Severity.BLOCKING,
				_(
					"{label}: the project does not deploy on the government cloud or connect the big data"
					" platform; record the City Government Office's consent to the exception before"
					" accepting it (Art 18)."
				),
				"exception_consent",
			)
		)
	return findings
