"""Performance evaluation (Art 23) and what it bars (Art 24), without Frappe."""

from dataclasses import replace

import pytest

from govit_app.rules.evaluation import (
	SCORE_FIELDS,
	EvaluationResult,
	check_evaluated_stage,
	check_scores,
	check_year,
	grade_of,
	renewal_bars,
	total_score,
)
from govit_app.rules.settings import GovITSettings, check_settings

S = GovITSettings()


def scores(**changes) -> dict[str, float | None]:
	return {**dict.fromkeys(SCORE_FIELDS, 80.0), **changes}


@pytest.mark.parametrize("value", [-0.01, 100.01, 150])
def test_a_score_outside_0_to_100_is_refused_naming_the_aspect(value):
	found = check_scores(scores(cost_benefit=value))
	assert [(f.article, f.fieldname) for f in found] == [(23, "cost_benefit")]


@pytest.mark.parametrize("value", [0, 100, 59.99])
def test_the_bounds_themselves_are_scores(value):
	assert check_scores(scores(innovation=value)) == []


def test_no_total_while_an_aspect_is_unscored():
	partial = scores(operation=None)
	assert check_scores(partial) == []
	assert total_score(partial, S) is None


def test_the_total_is_the_mean_weighted_by_the_settings():
	given = scores(
		operation=100,
		integration=50,
		cost_benefit=50,
		effectiveness=100,
		information_security=100,
		innovation=0,
	)
	# 20% 100 + 15% 50 + 15% 50 + 20% 100 + 20% 100 + 10% 0
	assert total_score(given, S) == 75.0
	equal = replace(S, evaluation_weights=tuple((field, 1.0) for field in SCORE_FIELDS))
	assert total_score(given, equal) == 66.67


@pytest.mark.parametrize(
	("total", "grade"),
	[
		(100, "优秀"),
		(90, "优秀"),
		(89.99, "良好"),
		(80, "良好"),
		(79.99, "合格"),
		(60, "合格"),
		(59.99, "不合格"),
		(0, "不合格"),
	],
)
def test_grades_follow_the_thresholds(total, grade):
	assert grade_of(total, S) == grade


def test_no_grade_without_a_total():
	assert grade_of(None, S) == ""


@pytest.mark.parametrize(
	("result", "bars"),
	[
		(EvaluationResult("JX-1", 2026, "优秀"), []),
		(EvaluationResult("JX-1", 2026, "良好"), []),
		(EvaluationResult("JX-1", 2026, "合格"), ["一"]),
		(EvaluationResult("JX-1", 2026, "不合格"), ["一"]),
		(EvaluationResult("JX-1", 2026, "优秀", data_shared=False), ["二"]),
		(EvaluationResult("JX-1", 2026, "良好", cloud_usage_reasonable=False), ["三"]),
		(EvaluationResult("JX-1", 2026, "不合格", False, False), ["一", "二", "三"]),
	],
)
def test_art_24_bars_a_renewal_clause_by_clause(result, bars):
	assert renewal_bars(result, S) == bars


def test_the_office_may_set_which_grades_bar():
	assert (
		renewal_bars(EvaluationResult("JX-1", 2026, "合格"), replace(S, renewal_blocking_grades=("不合格",)))
		== []
	)


@pytest.mark.parametrize(
	("stage", "allowed"),
	[
		("运维中", True),
		("已验收", True),
		("已暂停", True),
		("建设中", False),
		("试运行", False),
		(None, False),
	],
)
def test_only_a_running_project_is_evaluated(stage, allowed):
	assert (check_evaluated_stage(stage, "XM-1") == []) is allowed


@pytest.mark.parametrize(
	("year", "allowed"), [(2026, True), (2025, True), (2027, False), (None, False), (1999, False)]
)
def test_an_evaluation_judges_a_year_that_has_begun(year, allowed):
	assert (check_year(year, 2026) == []) is allowed


def test_weights_must_add_up_to_100():
	weights = (("operation", 30.0), *S.evaluation_weights[1:])
	found = check_settings(replace(S, evaluation_weights=weights))
	assert [(f.article, f.fieldname, f.args) for f in found] == [(23, "weight_operation", ("110",))]
	assert check_settings(S) == []


def test_blocking_grades_are_known_grades_listed_once():
	for grades in (("合格", "合格"), ("差",)):
		found = check_settings(replace(S, renewal_blocking_grades=grades))
		assert [(f.article, f.fieldname) for f in found] == [(24, "renewal_blocking_grades")]
	assert check_settings(replace(S, renewal_blocking_grades=())) == []
