"""Performance evaluation (Art 23) and the renewal gate it feeds (Art 24), without Frappe.

The Office, with experts or a third party, scores six aspects from 0 to 100; the total is
their weighted mean (weights in GovIT Settings, adding up to 100) and the grade follows the
settings' thresholds. Art 24 then bars a unit's 续建/改建/运维/购买服务 application while the
project's latest evaluation

(一) is graded "合格以下" — the grades listed in `renewal_blocking_grades`, 合格 and 不合格 by
     default, since 以下 includes the grade it names;
(二) found the project not sharing its data (or not built for sharing);
(三) found its use of cloud resources unreasonable.

A later evaluation replaces the earlier one, so it lifts (or imposes) the bar.
"""

from dataclasses import dataclass

from govit_app.rules.findings import Finding
from govit_app.rules.settings import GovITSettings
from govit_app.rules.text import _
from govit_app.vocabulary import Grade, ProjectStage, Severity

# Art 23: 运行情况 统建融合 成本效益 应用实效 信息安全 创新服务
SCORE_FIELDS = (
	"operation",
	"integration",
	"cost_benefit",
	"effectiveness",
	"information_security",
	"innovation",
)
MIN_SCORE, MAX_SCORE = 0.0, 100.0

# A project is evaluated on how it runs: once accepted, in operation, or stopped by a sanction.
EVALUATED_STAGES = frozenset(
	{ProjectStage.ACCEPTED, ProjectStage.OPERATING, ProjectStage.SUSPENDED, ProjectStage.TERMINATED}
)


@dataclass(frozen=True)
class EvaluationResult:
	"""A project's latest submitted evaluation, as the renewal gate needs it."""

	name: str
	evaluation_year: int
	grade: str
	data_shared: bool = True
	cloud_usage_reasonable: bool = True


def check_scores(scores: dict[str, float | None]) -> list[Finding]:
	"""Every score given lies in 0-100."""
	return [
		Finding(
			23,
			Severity.BLOCKING,
			_("{label} is {0}: a score lies between 0 and 100 (Art 23)."),
			field,
			(f"{scores[field]:g}",),
		)
		for field in SCORE_FIELDS
		if scores.get(field) is not None and not MIN_SCORE <= scores[field] <= MAX_SCORE
	]


def total_score(scores: dict[str, float | None], s: GovITSettings) -> float | None:
	"""The weighted mean of the six aspects, or None while one is missing."""
	weights = dict(s.evaluation_weights)
	if any(scores.get(field) is None for field in SCORE_FIELDS):
		return None
	weight_sum = sum(weights.get(field, 0) for field in SCORE_FIELDS)
	if not weight_sum:
		return None
	return round(sum(scores[field] * weights.get(field, 0) for field in SCORE_FIELDS) / weight_sum, 2)


def grade_of(total: float | None, s: GovITSettings) -> str:
	if total is None:
		return ""
	if total >= s.grade_excellent_min:
		return Grade.EXCELLENT
	if total >= s.grade_good_min:
		return Grade.GOOD
	if total >= s.grade_pass_min:
		return Grade.PASS
	return Grade.FAIL


def check_evaluated_stage(stage: str | None, project: str) -> list[Finding]:
	if stage in EVALUATED_STAGES:
		return []
	return [
		Finding(
			23,
			Severity.BLOCKING,
			_(
				"{label}: project {0} is {1}; a performance evaluation judges how an accepted project runs"
				" (Art 23)."
			),
			"it_project",
			(project, stage or "—"),
		)
	]


def check_year(evaluation_year: int | None, current_year: int) -> list[Finding]:
	if evaluation_year and 2000 <= evaluation_year <= current_year:
		return []
	return [
		Finding(
			23,
			Severity.BLOCKING,
			_("{label} is {0}: an evaluation judges a year that has begun, {1} at the latest (Art 23)."),
			"evaluation_year",
			(evaluation_year or "—", current_year),
		)
	]


# The clauses of Art 24, as they read on the project's record (`renewal_block_reasons`).
BAR_REASONS = {
	"一": _("performance evaluation {0} ({1}) graded the project {2}, which is 合格以下 (Art 24 (一))"),
	"二": _("performance evaluation {0} ({1}) found that the project does not share its data (Art 24 (二))"),
	"三": _(
		"performance evaluation {0} ({1}) found the project's use of cloud resources unreasonable (Art 24 (三))"
	),
}


def renewal_bars(result: EvaluationResult, s: GovITSettings) -> list[str]:
	"""The clauses of Art 24 ("一", "二", "三") that `result` fulfils; each bars a renewal."""
	bars = []
	if result.grade in s.renewal_blocking_grades:
		bars.append("一")
	if not result.data_shared:
		bars.append("二")
	if not result.cloud_usage_reasonable:
		bars.append("三")
	return bars
