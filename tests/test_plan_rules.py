"""The annual plan, the plan gate and project approval (Art 10-13, 18) without Frappe."""

from dataclasses import replace

import pytest

from govit_app.rules.approval import ApprovalFacts, check_approval
from govit_app.rules.plan import (
	Candidate,
	PlanItem,
	PlanTransition,
	TechnicalReview,
	check_budget,
	check_candidate,
	check_items,
	check_new_technical_review,
	check_transition,
	is_video_project,
)
from govit_app.rules.plan_gate import PlanStanding, check_in_plan, is_in_plan
from govit_app.rules.settings import GovITSettings
from govit_app.rules.supplement import check_request
from govit_app.vocabulary import PlanState, Severity

S = GovITSettings()
YEAR = 2027


def candidate(**changes) -> Candidate:
	base = dict(
		declaration="SB-2027-00001",
		project_name="智慧校园",
		plan_year=YEAR,
		workflow_state="评审通过",
		recommended_amount=80.0,
	)
	return Candidate(**{**base, **changes})


def articles(findings):
	return [f.article for f in findings]


def test_a_passed_declaration_of_the_plan_year_may_enter():
	assert check_candidate(candidate(), YEAR) == []


@pytest.mark.parametrize("state", ["评审中", "评审不通过", "草稿", ""])
def test_only_declarations_that_passed_the_review_enter(state):
	assert articles(check_candidate(candidate(workflow_state=state), YEAR)) == [10]


def test_a_declaration_of_another_year_or_already_planned_does_not_enter():
	assert articles(check_candidate(candidate(plan_year=2026), YEAR)) == [10]
	findings = check_candidate(candidate(other_plan="JH-2027"), YEAR)
	assert [f.args[-1] for f in findings] == ["JH-2027"]


def test_a_video_project_waits_for_the_public_security_technical_review():
	assert is_video_project(False, "公共安全视频图像") and is_video_project(True, "业务应用")
	assert articles(check_candidate(candidate(is_video=True), YEAR)) == [18]
	assert articles(check_candidate(candidate(is_video=True, technical_review="不通过"), YEAR)) == [18]
	assert check_candidate(candidate(is_video=True, technical_review="通过"), YEAR) == []


def test_a_classified_declaration_is_planned_outside_the_system():
	assert articles(check_candidate(candidate(is_classified=True), YEAR)) == [25]
	assert articles(check_request(candidate(is_classified=True), "JH-2027", 20)) == [25]


def test_items_are_listed_once_with_an_amount_the_experts_support():
	found = {"A": candidate(declaration="A"), "B": candidate(declaration="B", recommended_amount=30)}
	assert check_items([PlanItem(1, "A", 80), PlanItem(2, "B", 30)], found, YEAR) == []
	twice = check_items([PlanItem(1, "A", 80), PlanItem(2, "A", 80)], found, YEAR)
	assert [f.args for f in twice] == [(2, "A")]
	over = check_items([PlanItem(1, "B", 30.5)], found, YEAR)
	assert [f.args[2:] for f in over] == [("30.50", "30.00")]
	assert len(check_items([PlanItem(1, "A", 0)], found, YEAR)) == 1


def test_an_unknown_declaration_cannot_be_slipped_in():
	assert articles(check_items([PlanItem(1, "SB-X", 10)], {}, YEAR)) == [10]


def test_a_total_above_the_budget_is_a_finding_not_a_refusal():
	assert check_budget(100, 100) == []
	(finding,) = check_budget(120.5, 100)
	assert (finding.severity, finding.article, finding.args) == (
		Severity.ADVISORY,
		10,
		("120.50", "20.50", "100.00"),
	)


def test_the_plan_goes_to_countersign_only_with_items():
	assert articles(check_transition(PlanTransition(PlanState.DRAFTING, PlanState.COUNTERSIGNING))) == [10]
	assert check_transition(PlanTransition(PlanState.DRAFTING, PlanState.COUNTERSIGNING, item_count=3)) == []


def test_the_leading_group_gets_the_plan_only_when_every_department_agreed():
	waiting = PlanTransition(
		PlanState.COUNTERSIGNING, PlanState.DELIBERATION, 3, missing_countersigns=("市财政局",)
	)
	assert [f.args for f in check_transition(waiting)] == [("市财政局",)]
	assert check_transition(PlanTransition(PlanState.COUNTERSIGNING, PlanState.DELIBERATION, 3)) == []


def test_publication_needs_the_leading_group_minutes():
	assert articles(check_transition(PlanTransition(PlanState.DELIBERATION, PlanState.PUBLISHED, 3))) == [11]
	assert (
		check_transition(
			PlanTransition(PlanState.DELIBERATION, PlanState.PUBLISHED, 3, leading_group_meeting="2027-1")
		)
		== []
	)


def test_the_plan_gate_opens_for_a_published_plan_or_an_approved_supplement():
	assert not is_in_plan(PlanStanding("XM-1"))
	(finding,) = check_in_plan(PlanStanding("XM-1"), "立项批复")
	assert (finding.article, finding.args) == (13, ("XM-1", "立项批复"))
	assert check_in_plan(PlanStanding("XM-1", published_plans=("JH-2027",)), "立项批复") == []
	assert check_in_plan(PlanStanding("XM-1", approved_supplements=("ZJ-2027-001",)), "合同备案") == []


def approval(**changes) -> ApprovalFacts:
	return ApprovalFacts(**{"it_project": "XM-1", "project_nature": "新建", "plan_amount": 80.0, **changes})


def test_a_planned_new_project_from_the_threshold_up_is_approved():
	assert check_approval(approval(approved_amount=80), S) == []
	assert check_approval(approval(plan_amount=50, approved_amount=50), S) == []


def test_approval_is_refused_when_the_project_needs_none_and_says_why():
	(om,) = check_approval(approval(project_nature="运维"), S)
	assert om.article == 12 and "运维" in om.args
	(small,) = check_approval(approval(plan_amount=49.99), S)
	assert small.args == ("XM-1", "49.99", "50.00")


def test_approval_stays_within_the_plan_and_is_made_once():
	(over,) = check_approval(approval(approved_amount=81), S)
	assert over.fieldname == "approved_amount"
	(twice,) = check_approval(approval(other_approvals=("LX-2027-00001",)), S)
	assert twice.args == ("XM-1", "LX-2027-00001")


def test_a_supplement_needs_an_accepted_declaration_and_the_published_plan():
	assert check_request(candidate(workflow_state="评审中"), "JH-2027", 20) == []
	assert articles(check_request(candidate(workflow_state="评审不通过"), "JH-2027", 20)) == [13]
	assert articles(check_request(candidate(), None, 20)) == [13]
	assert articles(check_request(candidate(other_plan="JH-2027"), "JH-2027", 20)) == [10]
	assert articles(check_request(candidate(is_video=True), "JH-2027", 20)) == [18]
	assert [f.fieldname for f in check_request(candidate(), "JH-2027", 0)] == ["requested_amount"]


# ---- Issue 9: in-year additions, the video review redone, reasons for a return


def test_an_in_year_addition_enters_through_a_supplement_only():
	addition = candidate(is_in_year_addition=True)
	assert articles(check_candidate(addition, YEAR)) == [13]
	assert check_request(replace(addition, workflow_state="评审中"), "JH-2027", 50) == []


def test_the_technical_review_is_redone_after_a_failure_and_the_newest_decides():
	failed = TechnicalReview("VTR-1", True, "不通过")
	assert check_new_technical_review("SB-1", [failed]) == []
	assert check_new_technical_review("SB-1", []) == []
	passed = TechnicalReview("VTR-2", True, "通过")
	[again] = check_new_technical_review("SB-1", [failed, passed])
	assert (again.article, again.args) == (18, ("SB-1", "VTR-2"))
	[pending] = check_new_technical_review("SB-1", [failed, TechnicalReview("VTR-3", False)])
	assert pending.args == ("SB-1", "VTR-3")
	assert check_candidate(candidate(is_video=True, technical_review="通过"), YEAR) == []


@pytest.mark.parametrize(
	("from_state", "article"), [(PlanState.DELIBERATION, 11), (PlanState.COUNTERSIGNING, 4)]
)
def test_a_plan_is_returned_with_a_reason(from_state, article):
	t = PlanTransition(from_state, PlanState.DRAFTING)
	assert [(f.article, f.fieldname) for f in check_transition(t)] == [(article, "reasons")]
	assert check_transition(replace(t, reason="请压减运维支出。")) == []
