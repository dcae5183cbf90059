"""The annual plan (Art 10, 11, 18): which declarations it takes, its amounts and its road.

编制中 → 会签中 → 待领导小组审议 → 已发布. The Office draws it up from the declarations of
the plan year that passed the expert review (nothing else enters); the departments of Art 4
countersign; the Leading Group deliberates and it is published (Art 11). A public security
video image project enters only after the Public Security Bureau's technical review (Art 18).
"""

from dataclasses import dataclass

from govit_app.rules.findings import Finding
from govit_app.rules.reasons import REASON
from govit_app.rules.text import _
from govit_app.vocabulary import (
	DeclarationState,
	PlanState,
	ProjectCategory,
	ReviewResult,
	Severity,
)


def is_video_project(is_video_surveillance: bool, project_category: str | None) -> bool:
	"""Art 18: a public security video image system, by the unit's answer or by its category."""
	return bool(is_video_surveillance) or project_category == ProjectCategory.PUBLIC_SECURITY_VIDEO


@dataclass(frozen=True)
class Candidate:
	"""A declaration as the plan sees it."""

	declaration: str
	project_name: str = ""
	plan_year: int | None = None
	workflow_state: str = ""
	is_video: bool = False
	technical_review: str = ""  # result of the submitted Public Security review, if any
	other_plan: str = ""  # another Annual Plan already listing it
	recommended_amount: float | None = None
	is_classified: bool = False
	is_in_year_addition: bool = False  # Art 13 ¶2: joins the published plan through a supplement only


@dataclass(frozen=True)
class PlanItem:
	idx: int
	declaration: str
	approved_amount: float | None


def check_candidate(c: Candidate, plan_year: int) -> list[Finding]:
	"""Why a declaration may not enter the plan of `plan_year` (empty: it may)."""
	return [
		*check_review_passed(c),
		*check_plan_year(c, plan_year),
		*check_other_plan(c),
		*check_technical_review(c),
		*check_not_classified(c),
		*check_not_in_year_addition(c),
	]


def check_review_passed(c: Candidate) -> list[Finding]:
	if c.workflow_state == DeclarationState.PASSED:
		return []
	return [
		Finding(
			10,
			Severity.BLOCKING,
			_("{0} ({1}) is {2}: only declarations that passed the expert review enter the plan (Art 10)."),
			"items",
			(c.project_name, c.declaration, c.workflow_state or _("not found")),
		)
	]


def check_plan_year(c: Candidate, plan_year: int) -> list[Finding]:
	if not c.plan_year or c.plan_year == plan_year:
		return []
	return [
		Finding(
			10,
			Severity.BLOCKING,
			_("{0} ({1}) is declared for {2}, not for the plan year {3} (Art 8, Art 10)."),
			"items",
			(c.project_name, c.declaration, c.plan_year, plan_year),
		)
	]


def check_other_plan(c: Candidate) -> list[Finding]:
	if not c.other_plan:
		return []
	return [
		Finding(
			10,
			Severity.BLOCKING,
			_("{0} ({1}) is already in the annual plan {2}."),
			"items",
			(c.project_name, c.declaration, c.other_plan),
		)
	]


def check_not_in_year_addition(c: Candidate) -> list[Finding]:
	"""Art 13 ¶2: an in-year addition was declared outside the round; the round's plan does not take it."""
	if not c.is_in_year_addition:
		return []
	return [
		Finding(
			13,
			Severity.BLOCKING,
			_(
				"{0} ({1}) is an in-year addition: it joins the published plan through a Supplementary"
				" Request agreed by the departments of Art 13, not through the plan drawn up from the round"
				" (Art 13)."
			),
			"items",
			(c.project_name, c.declaration),
		)
	]


def check_not_classified(c: Candidate) -> list[Finding]:
	"""Art 25: a classified project follows the secrecy rules; the plan, read by every department, takes none."""
	if not c.is_classified:
		return []
	return [
		Finding(
			25,
			Severity.BLOCKING,
			_(
				"{0} ({1}) is classified: it is planned through the secrecy channel, outside this system (Art 25)."
			),
			"items",
			(c.project_name, c.declaration),
		)
	]


def check_technical_review(c: Candidate) -> list[Finding]:
	if not c.is_video or c.technical_review == ReviewResult.PASSED:
		return []
	return [
		Finding(
			18,
			Severity.BLOCKING,
			_(
				"{0} ({1}) is a public security video image project: it enters the plan only after the"
				" Public Security Bureau's technical review has passed (Art 4, Art 18)."
			),
			"items",
			(c.project_name, c.declaration),
		)
	]


@dataclass(frozen=True)
class TechnicalReview:
	"""A Public Security technical review of a declaration, oldest first (Art 18)."""

	name: str
	submitted: bool
	result: str = ""


def check_new_technical_review(declaration: str, previous: list[TechnicalReview]) -> list[Finding]:
	"""Art 18: after a 不通过 the unit revises and the review is done again (the newest decides,
	the earlier ones stay on record); one in progress, or one that passed, stands."""
	pending = [r.name for r in previous if not r.submitted]
	if pending:
		return [
			Finding(
				18,
				Severity.BLOCKING,
				_("{label}: {0} already has the technical review {1} in progress (Art 18)."),
				"project_declaration",
				(declaration, pending[-1]),
			)
		]
	done = [r for r in previous if r.submitted]
	if done and done[-1].result == ReviewResult.PASSED:
		return [
			Finding(
				18,
				Severity.BLOCKING,
				_("{label}: {0} passed the technical review {1}; it is not reviewed again (Art 18)."),
				"project_declaration",
				(declaration, done[-1].name),
			)
		]
	return []


def check_items(items: list[PlanItem], candidates: dict[str, Candidate], plan_year: int) -> list[Finding]:
	"""Every row is an eligible declaration, listed once, with an amount the review supports."""
	findings: list[Finding] = []
	seen: set[str] = set()
	for item in items:
		candidate = candidates.get(item.declaration) or Candidate(item.declaration)
		if item.declaration in seen:
			findings.append(
				Finding(
					None,
					Severity.BLOCKING,
					_("{label}, row {0}: {1} is listed twice."),
					"items",
					(item.idx, item.declaration),
				)
			)
		seen.add(item.declaration)
		findings += check_candidate(candidate, plan_year)
		findings += check_approved_amount(item, candidate)
	return findings


def check_approved_amount(item: PlanItem, c: Candidate) -> list[Finding]:
	"""Art 10: the plan follows the review result, so it approves no more than the experts recommend."""
	amount = item.approved_amount
	if not amount or amount <= 0:
		return [
			Finding(
				10,
				Severity.BLOCKING,
				_("{label}, row {0} ({1}): the approved amount must be greater than 0."),
				"items",
				(item.idx, c.project_name or item.declaration),
			)
		]
	if c.recommended_amount and amount > c.recommended_amount + 0.005:
		return [
			Finding(
				10,
				Severity.BLOCKING,
				_(
					"{label}, row {0} ({1}): the approved amount {2} 万元 is above the {3} 万元 the experts"
					" recommended (Art 10)."
				),
				"items",
				(
					item.idx,
					c.project_name or item.declaration,
					f"{amount:.2f}",
					f"{c.recommended_amount:.2f}",
				),
			)
		]
	return []


def check_budget(total: float, budget: float | None) -> list[Finding]:
	"""Art 10: the plan weighs the year's budget; a total above it is shown, not silently accepted."""
	if budget is None or total <= budget + 0.005:
		return []
	return [
		Finding(
			10,
			Severity.ADVISORY,
			_("{label}: the plan totals {0} 万元, {1} 万元 above the year's budget of {2} 万元 (Art 10)."),
			"total_amount",
			(f"{total:.2f}", f"{total - budget:.2f}", f"{budget:.2f}"),
		)
	]


# What the actor gives with a step into each state (`rules.reasons`): a return says why.
REASON_INTO = {PlanState.DRAFTING: REASON}


@dataclass(frozen=True)
class PlanTransition:
	from_state: str
	to_state: str
	item_count: int = 0
	missing_countersigns: tuple[str, ...] = ()
	leading_group_meeting: str = ""
	reason: str = ""


def check_transition(t: PlanTransition) -> list[Finding]:
	if t.from_state == t.to_state:
		return []
	if t.to_state == PlanState.DRAFTING and not (t.reason or "").strip():
		if t.from_state == PlanState.DELIBERATION:
			message, article = (
				_("{label}: give the reason for returning the plan; the Office reads it (Art 11)."),
				11,
			)
		else:
			message, article = (
				_("{label}: give the reason for returning the plan; the Office reads it (Art 4)."),
				4,
			)
		return [Finding(article, Severity.BLOCKING, message, "reasons")]
	if t.to_state == PlanState.COUNTERSIGNING and not t.item_count:
		return [
			Finding(
				10,
				Severity.BLOCKING,
				_("{label}: pull in the declarations that passed the review before countersigning (Art 10)."),
				"items",
			)
		]
	if (
		t.from_state == PlanState.COUNTERSIGNING
		and t.to_state == PlanState.DELIBERATION
		and t.missing_countersigns
	):
		return [
			Finding(
				4,
				Severity.BLOCKING,
				_("{label}: {0} must still agree before the plan goes to the Leading Group (Art 4)."),
				"countersigns",
				("、".join(t.missing_countersigns),),
			)
		]
	if t.to_state == PlanState.PUBLISHED and not (t.leading_group_meeting or "").strip():
		return [
			Finding(
				11,
				Severity.BLOCKING,
				_(
					"{label} is required: the plan is published after the Leading Group's deliberation (Art 11)."
				),
				"leading_group_meeting",
			)
		]
	return []
