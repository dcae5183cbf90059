"""Expert review (Art 10) without Frappe: one expert's sheet and the panel's result."""

import pytest

from govit_app.rules.review import (
	ReviewSheet,
	SubmittedReview,
	check_blank_assignment,
	check_complete,
	check_scores,
	panel_result,
	total_score,
)
from govit_app.vocabulary import ReviewResult

FULL = {"necessity": 80, "rationality": 70, "feasibility": 90, "security": 60, "intensiveness": 100}


def test_total_is_the_mean_of_the_five_aspects_once_all_are_given():
	assert total_score(FULL) == 80
	assert total_score({**FULL, "security": None}) is None


@pytest.mark.parametrize("bad", [-1, 100.5, 250])
def test_a_score_outside_0_to_100_is_refused_and_named(bad):
	findings = check_scores({**FULL, "feasibility": bad})
	assert [(f.fieldname, f.article, f.blocks) for f in findings] == [("feasibility", 10, True)]


@pytest.mark.parametrize("edge", [0, 100])
def test_the_bounds_are_valid_scores(edge):
	assert check_scores({**FULL, "necessity": edge}) == []


def test_a_draft_may_leave_scores_empty_but_a_submitted_review_may_not():
	assert check_scores({"necessity": None}) == []
	sheet = ReviewSheet({**FULL, "security": None}, "同意", 40, "可行")
	assert [f.fieldname for f in check_complete(sheet, 50)] == ["security"]


def test_a_review_needs_a_conclusion_and_an_opinion():
	fields = {f.fieldname for f in check_complete(ReviewSheet(FULL, "", None, "  "), 50)}
	assert fields == {"conclusion", "opinion"}


def test_a_supporting_expert_recommends_an_amount_up_to_the_estimate():
	assert check_complete(ReviewSheet(FULL, "修改后同意", 50, "压缩硬件"), 50) == []
	assert [f.fieldname for f in check_complete(ReviewSheet(FULL, "同意", None, "好"), 50)] == [
		"recommended_amount"
	]
	over = check_complete(ReviewSheet(FULL, "同意", 60, "好"), 50)
	assert [f.args for f in over] == [("60.00", "50.00")]


def test_an_expert_who_disagrees_recommends_no_amount():
	assert check_complete(ReviewSheet(FULL, "不同意", None, "重复建设"), 50) == []


def review(score, conclusion="同意", amount=40.0):
	return SubmittedReview(score, conclusion, amount)


def test_no_result_until_every_assigned_review_is_in():
	assert panel_result([], 60, 3) is None
	assert panel_result([review(90), review(80), None], 60, 3) is None


@pytest.mark.parametrize("size", [1, 2])
def test_a_panel_below_the_minimum_concludes_nothing(size):
	assert panel_result([review(90)] * size, 60, 3) is None


def test_a_panel_of_the_minimum_size_concludes():
	assert panel_result([review(90)] * 3, 60, 3).review_result == ReviewResult.PASSED
	assert panel_result([review(90)] * 2, 60, 2).review_result == ReviewResult.PASSED


def test_the_panel_passes_on_the_mean_score_and_averages_the_supporting_amounts():
	result = panel_result(
		[review(90, amount=40), review(70, "修改后同意", amount=30), review(50, "不同意")], 60, 3
	)
	assert (result.review_score, result.review_result, result.recommended_amount) == (
		70,
		ReviewResult.PASSED,
		35,
	)


def test_a_mean_below_the_pass_score_fails_the_declaration():
	result = panel_result([review(59.99)] * 3, 60, 3)
	assert (result.review_result, result.recommended_amount) == (ReviewResult.FAILED, None)
	assert panel_result([review(60)] * 3, 60, 3).review_result == ReviewResult.PASSED


def test_a_majority_of_disagreeing_experts_fails_it_whatever_the_score():
	result = panel_result([review(95, "不同意"), review(95, "不同意"), review(95)], 60, 3)
	assert result.review_result == ReviewResult.FAILED


@pytest.mark.parametrize(
	"conclusions",
	[
		("同意", "不同意"),  # half is not more than half
		("修改后同意", "不同意"),
		("同意", "同意", "不同意", "不同意"),
	],
)
def test_it_passes_only_when_more_than_half_support_it(conclusions):
	panel = [review(95, c) for c in conclusions]
	assert panel_result(panel, 60, 2).review_result == ReviewResult.FAILED


def test_a_supporting_majority_with_the_score_passes():
	panel = [review(95, "同意"), review(95, "修改后同意"), review(95, "不同意")]
	assert panel_result(panel, 60, 3).review_result == ReviewResult.PASSED


def test_an_assignment_carries_no_review_content():
	assert check_blank_assignment(ReviewSheet(dict.fromkeys(FULL))) == []
	assert check_blank_assignment(ReviewSheet(dict.fromkeys(FULL, 0))) == []
	assert [
		f.fieldname for f in check_blank_assignment(ReviewSheet({**dict.fromkeys(FULL), "security": 90}))
	] == ["expert"]
	assert len(check_blank_assignment(ReviewSheet(dict.fromkeys(FULL), "同意"))) == 1
