"""Expert review of a declaration (Art 10): one expert's scores, and what the panel concludes.

Each expert scores the five aspects Art 10 names from 0 to 100; a review's total is their
mean (equal weights: the article ranks none above another). The panel's result is decided
when every assigned review is submitted:

- a panel has at least GovIT Settings' `min_experts_per_panel` experts (3 by default):
  with fewer, nothing is concluded;
- `review_score` is the mean of the reviews' totals;
- `review_result` is 通过 only when that score reaches GovIT Settings' pass score and more
  than half of the experts conclude 同意 or 修改后同意 (1 同意 + 1 不同意 does not pass), else 不通过;
- `recommended_amount` is the mean of the amounts recommended by the experts who did not
  conclude 不同意 (none when the result is 不通过).
"""

from dataclasses import dataclass
from statistics import fmean

from govit_app.rules.findings import Finding
from govit_app.rules.text import _
from govit_app.vocabulary import ExpertConclusion, ReviewResult, Severity

# Art 10: 必要性、合理性、可行性、安全性、集约性
SCORE_FIELDS = ("necessity", "rationality", "feasibility", "security", "intensiveness")
MIN_SCORE, MAX_SCORE = 0.0, 100.0
SUPPORTING = (ExpertConclusion.AGREE, ExpertConclusion.AGREE_AFTER_CHANGES)


@dataclass(frozen=True)
class ReviewSheet:
	"""One expert's review as the rules need it."""

	scores: dict[str, float | None]
	conclusion: str = ""
	recommended_amount: float | None = None
	opinion: str = ""


@dataclass(frozen=True)
class SubmittedReview:
	total_score: float
	conclusion: str
	recommended_amount: float | None


@dataclass(frozen=True)
class PanelResult:
	review_score: float
	review_result: str
	recommended_amount: float | None


def total_score(scores: dict[str, float | None]) -> float | None:
	"""Mean of the five aspects, or None while one is missing."""
	values = [scores.get(field) for field in SCORE_FIELDS]
	if any(value is None for value in values):
		return None
	return round(fmean(values), 2)


def check_scores(scores: dict[str, float | None]) -> list[Finding]:
	"""Every score given lies in 0-100 (a draft may leave some empty)."""
	return [
		Finding(
			10,
			Severity.BLOCKING,
			_("{label} is {0}: a score lies between 0 and 100 (Art 10)."),
			field,
			(scores[field],),
		)
		for field in SCORE_FIELDS
		if scores.get(field) is not None and not MIN_SCORE <= scores[field] <= MAX_SCORE
	]


def check_blank_assignment(sheet: ReviewSheet) -> list[Finding]:
	"""The Office names the declaration and the expert; the scores and conclusion are the expert's."""
	filled = any(sheet.scores.get(field) for field in SCORE_FIELDS) or sheet.conclusion
	if not (filled or sheet.recommended_amount or (sheet.opinion or "").strip()):
		return []
	return [
		Finding(
			10,
			Severity.BLOCKING,
			_(
				"{label}: the expert fills in the review; an assignment names only the declaration and the expert (Art 10)."
			),
			"expert",
		)
	]


def check_complete(sheet: ReviewSheet, declared_estimate: float | None) -> list[Finding]:
	"""What a review needs before the expert submits it."""
	findings = [
		Finding(10, Severity.BLOCKING, _("{label} is required to submit the review (Art 10)."), field)
		for field in SCORE_FIELDS
		if sheet.scores.get(field) is None
	]
	if sheet.conclusion not in tuple(ExpertConclusion):
		findings.append(
			Finding(
				10, Severity.BLOCKING, _("{label} is required to submit the review (Art 10)."), "conclusion"
			)
		)
	if not (sheet.opinion or "").strip():
		findings.append(
			Finding(10, Severity.BLOCKING, _("{label} is required to submit the review (Art 10)."), "opinion")
		)
	findings += check_recommended_amount(sheet, declared_estimate)
	return findings


def check_recommended_amount(sheet: ReviewSheet, declared_estimate: float | None) -> list[Finding]:
	"""An expert who supports the project recommends an amount up to what the unit declared."""
	amount = sheet.recommended_amount
	if sheet.conclusion == ExpertConclusion.DISAGREE:
		return []
	if sheet.conclusion in tuple(ExpertConclusion) and not (amount and amount > 0):
		return [
			Finding(
				10,
				Severity.BLOCKING,
				_("{label}: an expert who concludes {0} recommends an amount greater than 0 (Art 10)."),
				"recommended_amount",
				(sheet.conclusion,),
			)
		]
	if amount and declared_estimate and amount > declared_estimate:
		return [
			Finding(
				10,
				Severity.BLOCKING,
				_("{label} ({0} 万元) is above the declared estimate of {1} 万元 (Art 10)."),
				"recommended_amount",
				(f"{amount:.2f}", f"{declared_estimate:.2f}"),
			)
		]
	return []


def panel_result(
	reviews: list[SubmittedReview | None], pass_score: float, min_experts: int
) -> PanelResult | None:
	"""The panel's conclusion once every assigned review is in and the panel is complete; None
	before (a pending review is None)."""
	if len(reviews) < max(min_experts, 1) or any(review is None for review in reviews):
		return None
	score = round(fmean(r.total_score for r in reviews), 2)
	support = sum(1 for r in reviews if r.conclusion in SUPPORTING)
	passed = score >= pass_score and support * 2 > len(reviews)
	amounts = [r.recommended_amount or 0 for r in reviews if r.conclusion != ExpertConclusion.DISAGREE]
	return PanelResult(
		review_score=score,
		review_result=ReviewResult.PASSED if passed else ReviewResult.FAILED,
		recommended_amount=round(fmean(amounts), 2) if passed and amounts else None,
	)
