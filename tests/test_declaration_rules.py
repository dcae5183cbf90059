"""The declaration rules of Chapter 2 (DESIGN §3 rules 1-4, 6-9, 14, 15), without Frappe."""

from dataclasses import replace
from datetime import date

import pytest

from govit_app.rules.attachments import check_attachment
from govit_app.rules.declaration import (
	DeclarationFacts,
	FundingRow,
	LinkedProject,
	approval_decision,
	check_input,
	effective_nature,
	needs_approval,
)
from govit_app.rules.declaration_compliance import awaits_exception_consent, check_compliance, name_similarity
from govit_app.rules.declaration_materials import MaterialRow, material_rows, missing_materials
from govit_app.rules.declaration_workflow import Transition, check_transition
from govit_app.rules.evaluation import EvaluationResult
from govit_app.rules.findings import Finding
from govit_app.rules.phone import is_valid_phone
from govit_app.rules.settings import GovITSettings, MaterialRequirement, check_settings, parse_extensions
from govit_app.vocabulary import DeclarationState as DS
from govit_app.vocabulary import Severity

S = GovITSettings()
BUILD_MATERIALS = {
	"建设方案",
	"项目概算表",
	"可行性研究报告",
	"政务信息资源目录及共享方式",
	"政务信息资源需求",
	"统一用户认证体系接入方案",
	"网络安全建设方案",
}
PROJECT = LinkedProject("XM-2026-00001", "市卫健委")


def facts(**changes) -> DeclarationFacts:
	"""A 新建 declaration that satisfies every rule; each test changes what it is about."""
	base = DeclarationFacts(
		unit="市卫健委",
		project_nature="新建",
		estimate_amount=80.0,
		funding=(FundingRow(1, "财政拨款", 60.0), FundingRow(2, "自筹经费", 20.0)),
		start_date=date(2027, 1, 1),
		end_date=date(2027, 12, 31),
		phones=(("project_leader_phone", "13812345678"), ("contact_phone", "0523-87654321")),
		window_open=date(2026, 7, 1),
		window_close=date(2026, 9, 30),
		plan_year=2027,
		on_date=date(2026, 8, 15),
		mlps_level="第三级",
		has_crypto_plan="是",
		provided_materials=frozenset(BUILD_MATERIALS),
	)
	return replace(base, **changes)


def problems(findings: list[Finding], severity: str = Severity.BLOCKING) -> list[tuple]:
	return [(f.article, f.fieldname) for f in findings if f.severity == severity]


def all_findings(f: DeclarationFacts, s: GovITSettings = S) -> list[Finding]:
	return check_input(f, s) + check_compliance(f, s)


def test_a_complete_declaration_has_no_blocking_finding():
	assert problems(all_findings(facts())) == []


# ---- Art 12: needs_approval and the 50 万元 boundary


@pytest.mark.parametrize(
	("nature", "estimate", "expected"),
	[
		("新建", 49.99, False),
		("新建", 50, True),
		("新建", 50.01, True),
		("续建", 50, True),
		("改建", 49.99, False),
		("运维", 500, False),
		("购买服务", 50, False),
		("其他", 80, False),
	],
)
def test_needs_approval_from_50_wan_included(nature, estimate, expected):
	assert needs_approval(nature, estimate, S) is expected


def test_the_threshold_comes_from_settings():
	assert needs_approval("新建", 30, replace(S, approval_threshold=30)) is True
	assert needs_approval("新建", 29.99, replace(S, approval_threshold=30)) is False


def test_a_project_needing_approval_is_told_so():
	assert (12, None) in problems(
		check_compliance(facts(estimate_amount=50.0, funding=(FundingRow(1, "财政拨款", 50),)), S),
		Severity.ADVISORY,
	)
	assert (12, None) not in problems(
		check_compliance(facts(estimate_amount=49.99, funding=(FundingRow(1, "财政拨款", 49.99),)), S),
		Severity.ADVISORY,
	)


# ---- DESIGN §3 rule 3: amounts, funding, dates, phones


@pytest.mark.parametrize("estimate", [0, -5])
def test_estimate_must_be_positive(estimate):
	assert (None, "estimate_amount") in problems(check_input(facts(estimate_amount=estimate), S))


@pytest.mark.parametrize("amount", [0, -1, None])
def test_each_funding_amount_must_be_positive(amount):
	f = facts(funding=(FundingRow(1, "财政拨款", 80.0), FundingRow(2, "自筹经费", amount)))
	found = [x for x in check_input(f, S) if x.fieldname == "funding"]
	assert any(x.args[:1] == (2,) for x in found)


def test_funding_must_add_up_to_the_estimate():
	short = check_input(facts(funding=(FundingRow(1, "财政拨款", 79.99),)), S)
	assert [x.args for x in short if x.fieldname == "funding"] == [("79.99", "80.00")]
	assert problems(check_input(facts(funding=(FundingRow(1, "财政拨款", 80.001),)), S)) == []


def test_funding_needs_at_least_one_row():
	assert (None, "funding") in problems(check_input(facts(funding=()), S))


def test_other_funding_needs_its_proof():
	without = facts(funding=(FundingRow(1, "财政拨款", 60.0), FundingRow(2, "其他", 20.0)))
	assert [x.args for x in check_input(without, S)] == [(2,)]
	with_proof = facts(funding=(FundingRow(1, "财政拨款", 60.0), FundingRow(2, "其他", 20.0, has_proof=True)))
	assert check_input(with_proof, S) == []


def test_end_must_be_after_start():
	assert (None, "end_date") in problems(check_input(facts(end_date=date(2026, 12, 31)), S))
	assert (None, "end_date") in problems(check_input(facts(end_date=date(2027, 1, 1)), S))
	assert check_input(facts(end_date=date(2027, 1, 2)), S) == []


@pytest.mark.parametrize(
	"phone",
	[
		"13812345678",
		"+8613812345678",
		"0523-87654321",
		"052387654321",
		"010-12345678",
		"0523-8765432-123",
		"(0523) 8765 4321",
	],
)
def test_valid_phone_numbers(phone):
	assert is_valid_phone(phone)


@pytest.mark.parametrize(
	"phone",
	[
		"12812345678",
		"1381234567",
		"138123456789",
		"87654321",
		"0523-876",
		"abc",
		"13812345678<script>",
		"1-800-FLOWERS",
	],
)
def test_invalid_phone_numbers(phone):
	assert not is_valid_phone(phone)


def test_an_invalid_phone_names_its_field_and_value():
	found = check_input(facts(phones=(("contact_phone", "12345"),)), S)
	assert [(x.fieldname, x.args) for x in found] == [("contact_phone", ("12345",))]


# ---- Art 24: renewals continue a project of the same unit, unless its evaluation bars it


@pytest.mark.parametrize("nature", ["续建", "改建", "运维", "购买服务"])
def test_a_renewal_needs_an_existing_project(nature):
	f = facts(
		project_nature=nature,
		mlps_level="第二级",
		provided_materials=frozenset({*BUILD_MATERIALS, "上一期合同"}),
	)
	assert (24, "it_project") in problems(check_input(f, S))
	assert (24, "it_project") not in problems(check_input(replace(f, it_project=PROJECT), S))


def test_a_new_project_needs_none():
	assert check_input(facts(), S) == []


def test_the_project_must_belong_to_the_declaring_unit():
	f = facts(project_nature="续建", it_project=LinkedProject("XM-2026-00009", "市教育局"))
	assert (None, "it_project") in problems(check_input(f, S))


@pytest.mark.parametrize(
	("grade", "blocked"), [("优秀", False), ("良好", False), ("合格", True), ("", False), ("不合格", True)]
)
def test_a_recorded_grade_of_pass_or_below_bars_a_renewal(grade, blocked):
	"""Art 24 (一) "合格以下": 以下 includes 合格 (Art 12 says 不包含 where it means otherwise)."""
	f = facts(project_nature="续建", it_project=replace(PROJECT, latest_grade=grade))
	found = [x for x in check_compliance(f, S) if x.article == 24]
	assert bool(found) is blocked
	if blocked:
		assert found[0].args == ("XM-2026-00001", grade, "续建")


def test_the_blocking_grades_are_a_setting():
	f = facts(project_nature="运维", it_project=replace(PROJECT, latest_grade="合格"))
	assert not [
		x for x in check_compliance(f, replace(S, renewal_blocking_grades=("不合格",))) if x.article == 24
	]


EVALUATED = EvaluationResult("JX-2026-00003", 2026, "良好")


@pytest.mark.parametrize(
	("result", "clauses"),
	[
		(EVALUATED, []),
		(replace(EVALUATED, grade="合格"), ["(一)"]),
		(replace(EVALUATED, grade="不合格", data_shared=False), ["(一)", "(二)"]),
		(replace(EVALUATED, cloud_usage_reasonable=False), ["(三)"]),
	],
)
def test_the_latest_evaluation_bars_a_renewal_naming_itself_and_the_clause(result, clauses):
	f = facts(project_nature="购买服务", it_project=replace(PROJECT, latest_evaluation=result))
	found = [x for x in check_compliance(f, S) if x.article == 24]
	assert [c for x in found for c in ("(一)", "(二)", "(三)") if c in x.message] == clauses
	assert all(x.blocks and x.args[:3] == ("JX-2026-00003", 2026, "XM-2026-00001") for x in found)


def test_a_later_good_evaluation_outweighs_what_was_recorded_by_hand():
	project = replace(PROJECT, latest_grade="不合格", renewal_blocked=True, latest_evaluation=EVALUATED)
	assert not [
		x for x in check_compliance(facts(project_nature="续建", it_project=project), S) if x.article == 24
	]


def test_renewal_is_refused_when_the_evaluation_found_no_sharing_or_bad_cloud_use():
	reasons = "2026年度绩效评价 JX-2026-00003：建成后数据不共享"
	f = facts(
		project_nature="运维",
		it_project=replace(PROJECT, renewal_blocked=True, renewal_block_reasons=reasons),
	)
	found = [x for x in check_compliance(f, S) if x.article == 24]
	assert [x.severity for x in found] == [Severity.BLOCKING]
	assert found[0].args == ("XM-2026-00001", reasons)


def test_a_new_project_is_not_judged_by_an_old_evaluation():
	f = facts(it_project=replace(PROJECT, latest_grade="不合格"))
	assert [x for x in check_compliance(f, S) if x.article == 24] == []


def test_a_deferred_investment_plan_blocks_the_units_declarations_naming_the_notice():
	found = [
		x for x in check_compliance(facts(investment_deferrals=("ZG-2026-00002",)), S) if x.article == 21
	]
	assert [(x.severity, x.fieldname, x.args) for x in found] == [
		(Severity.BLOCKING, "unit", ("ZG-2026-00002", "市卫健委", 2027))
	]
	assert not [x for x in check_compliance(facts(), S) if x.article == 21]


# ---- Art 8: window, cross-department lead unit


@pytest.mark.parametrize(
	("day", "inside"),
	[
		(date(2026, 6, 30), False),
		(date(2026, 7, 1), True),
		(date(2026, 9, 30), True),
		(date(2026, 10, 1), False),
	],
)
def test_declarations_are_made_inside_the_window(day, inside):
	found = [x for x in check_compliance(facts(on_date=day), S) if x.article == 8]
	assert (not found) is inside
	if not inside:
		assert found[0].args == (2027, "2026-07-01", "2026-09-30", day.isoformat())


def test_a_cross_department_project_is_declared_by_its_lead_unit():
	f = facts(is_cross_department=True, lead_unit="市大数据局", participating_units=("市公安局",))
	assert (8, "lead_unit") in problems(check_compliance(f, S))
	ok = facts(is_cross_department=True, lead_unit="市卫健委", participating_units=("市公安局",))
	assert problems(check_compliance(ok, S)) == []


def test_a_cross_department_project_names_other_units():
	f = facts(is_cross_department=True, lead_unit="市卫健委", participating_units=("市卫健委",))
	assert (8, "participating_units") in problems(check_compliance(f, S))


# ---- Art 9: materials by nature


def test_choosing_a_build_nature_lists_the_seven_documents_and_the_optional_ones():
	rows = material_rows("新建", S, [])
	assert {r.material_type for r in rows if r.is_required} == BUILD_MATERIALS
	assert {r.material_type for r in rows if not r.is_required} == {"规划", "批示", "批复", "会议纪要"}


@pytest.mark.parametrize("nature", ["运维", "购买服务"])
def test_service_natures_ask_for_the_previous_contract_or_a_requirements_report(nature):
	rows = material_rows(nature, S, [])
	required = [(r.material_type, r.alternative_group) for r in rows if r.is_required]
	assert required == [
		("上一期合同", "上一期合同或服务需求报告"),
		("服务需求报告", "上一期合同或服务需求报告"),
	]


def test_switching_nature_keeps_attachments_and_drops_stale_empty_rows():
	rows = material_rows("新建", S, [])
	rows = [
		replace(r, attachment="/private/files/plan.pdf") if r.material_type == "建设方案" else r for r in rows
	]
	rows.append(MaterialRow("专家论证意见", attachment="/private/files/expert.pdf"))
	switched = material_rows("运维", S, rows)
	types = [r.material_type for r in switched]
	assert "项目概算表" not in types  # empty row of the old nature
	assert ("建设方案", "/private/files/plan.pdf") in [(r.material_type, r.attachment) for r in switched]
	assert ("专家论证意见", "/private/files/expert.pdf") in [
		(r.material_type, r.attachment) for r in switched
	]
	assert "上一期合同" in types


def test_each_missing_material_is_named():
	missing = missing_materials("新建", S, BUILD_MATERIALS - {"可行性研究报告", "网络安全建设方案"})
	assert [x.args[0] for x in missing] == ["可行性研究报告", "网络安全建设方案"]
	assert all(x.article == 9 and x.severity == Severity.BLOCKING for x in missing)


def test_one_of_the_alternatives_suffices():
	assert missing_materials("运维", S, {"服务需求报告"}) == []
	assert missing_materials("购买服务", S, {"上一期合同"}) == []
	[missing] = missing_materials("运维", S, {"规划"})
	assert missing.args[1] == "上一期合同或服务需求报告"


def test_material_lists_are_data():
	s = replace(S, material_requirements=(MaterialRequirement("立项请示", "新建", is_required=True),))
	assert [x.args[0] for x in missing_materials("新建", s, set())] == ["立项请示"]


def test_a_declaration_missing_materials_is_blocked():
	f = facts(provided_materials=frozenset(BUILD_MATERIALS - {"建设方案"}))
	assert (9, "materials") in problems(check_compliance(f, S))


# ---- Art 7, 14, 17, 18


@pytest.mark.parametrize("nature", ["新建", "续建", "改建"])
def test_build_natures_declare_mlps_level_and_crypto_plan(nature):
	f = facts(project_nature=nature, it_project=PROJECT, mlps_level="", has_crypto_plan="")
	assert {(7, "mlps_level"), (7, "has_crypto_plan")} <= set(problems(check_compliance(f, S)))


def test_service_natures_need_no_security_answers():
	f = facts(
		project_nature="运维",
		it_project=PROJECT,
		mlps_level="",
		has_crypto_plan="",
		provided_materials=frozenset({"上一期合同"}),
	)
	assert problems(check_compliance(f, S)) == []


@pytest.mark.parametrize(
	("level", "blocks"), [("第一级", False), ("第二级", False), ("第三级", True), ("第四级", True)]
)
def test_no_crypto_plan_blocks_from_mlps_level_3(level, blocks):
	"""The Cryptography Law obliges level-3 systems to apply commercial cryptography; below, a prompt."""
	found = check_compliance(facts(mlps_level=level, has_crypto_plan="否"), S)
	severity = Severity.BLOCKING if blocks else Severity.ADVISORY
	assert (7, "has_crypto_plan") in problems(found, severity)
	assert (7, "has_crypto_plan") not in problems(found, Severity.ADVISORY if blocks else Severity.BLOCKING)


def test_the_crypto_level_comes_from_settings():
	s = replace(S, crypto_plan_required_from="第二级")
	assert (7, "has_crypto_plan") in problems(
		check_compliance(facts(mlps_level="第二级", has_crypto_plan="否"), s)
	)
	assert problems(check_compliance(facts(mlps_level="第三级", has_crypto_plan="是"), s)) == []


def test_centralized_categories_are_for_the_office_only():
	assert (14, "centralized_category") in problems(check_compliance(facts(centralized_category="云计算"), S))
	assert problems(check_compliance(facts(centralized_category="云计算", unit_is_office=True), S)) == []


def test_an_unknown_centralized_category_is_refused():
	assert (14, "centralized_category") in problems(
		check_compliance(facts(centralized_category="区块链", unit_is_office=True), S)
	)


def test_the_centralized_list_is_data():
	s = replace(S, centralized_categories=("数据中台",))
	assert (14, "centralized_category") in problems(
		check_compliance(facts(centralized_category="数据中台"), s)
	)
	assert (14, "centralized_category") in problems(check_compliance(facts(centralized_category="云计算"), s))


def test_a_standalone_mobile_app_blocks():
	assert (17, "has_standalone_mobile_app") in problems(
		check_compliance(facts(has_standalone_mobile_app=True), S)
	)


def test_not_using_the_cloud_needs_a_reason():
	assert (18, "gov_cloud_exception_reason") in problems(
		check_compliance(facts(deploy_on_gov_cloud=False), S)
	)
	with_reason = check_compliance(
		facts(deploy_on_gov_cloud=False, gov_cloud_exception_reason="涉及专网终端"), S
	)
	assert problems(with_reason) == []
	assert (18, "deploy_on_gov_cloud") in problems(with_reason, Severity.ADVISORY)


def test_not_connecting_the_big_data_platform_needs_a_reason():
	assert (18, "big_data_exception_reason") in problems(
		check_compliance(facts(connect_big_data_platform=False), S)
	)
	assert problems(
		check_compliance(facts(connect_big_data_platform=False, big_data_exception_reason="  "), S)
	)


def test_video_projects_are_reminded_of_the_public_security_review():
	assert (18, None) in problems(check_compliance(facts(is_video_surveillance=True), S), Severity.ADVISORY)


# ---- Art 25: classified declarations hold no attachments


def test_a_classified_declaration_with_attachments_is_refused():
	found = check_input(facts(secrecy_level="秘密", attachments=2), S)
	assert [(x.article, x.args) for x in found] == [(25, ("秘密", 2))]


def test_a_classified_declaration_hands_materials_and_proofs_over_offline():
	f = facts(
		secrecy_level="机密",
		provided_materials=frozenset(),
		funding=(FundingRow(1, "财政拨款", 60.0), FundingRow(2, "其他", 20.0)),
	)
	assert problems(all_findings(f)) == []
	assert (25, None) in problems(check_compliance(f, S), Severity.ADVISORY)


# ---- the workflow's steps


def test_submission_is_stopped_by_blocking_findings_only():
	advisory = Finding(12, Severity.ADVISORY, "x")
	block = Finding(9, Severity.BLOCKING, "y", "materials")
	t = Transition(DS.DRAFT, DS.INTAKE)
	assert check_transition(t, [advisory]) == []
	assert check_transition(t, [advisory, block]) == [block]


def test_a_unit_with_a_competent_department_goes_through_it():
	assert problems(check_transition(Transition(DS.DRAFT, DS.INTAKE, competent_unit="市教育局"), [])) == [
		(8, "competent_unit")
	]
	assert check_transition(Transition(DS.DRAFT, DS.COMPETENT_REVIEW, competent_unit="市教育局"), []) == []
	assert problems(check_transition(Transition(DS.DRAFT, DS.COMPETENT_REVIEW), [])) == [
		(8, "competent_unit")
	]


def test_the_competent_department_signs_before_the_office_receives_it():
	t = Transition(DS.COMPETENT_REVIEW, DS.INTAKE, competent_unit="市教育局", competent_opinion=" ")
	assert problems(check_transition(t, [])) == [(8, "competent_opinion")]
	assert check_transition(replace(t, competent_opinion="同意申报"), []) == []


def test_returning_for_changes_is_always_possible_with_a_reason():
	block = Finding(9, Severity.BLOCKING, "y", "materials")
	assert check_transition(Transition(DS.INTAKE, DS.DRAFT, reason="补充概算"), [block]) == []
	returned = Transition(DS.COMPETENT_REVIEW, DS.DRAFT, competent_unit="市教育局", reason="补充")
	assert check_transition(returned, [block]) == []


@pytest.mark.parametrize(
	("from_state", "to_state", "article"),
	[
		(DS.INTAKE, DS.DRAFT, 8),
		(DS.COMPETENT_REVIEW, DS.DRAFT, 8),
		(DS.UNDER_REVIEW, DS.FAILED, 10),
		(DS.INTAKE, DS.TERMINATED, 8),
		(DS.PASSED, DS.TERMINATED, 8),
		(DS.UNDER_REVIEW, DS.CLASSIFIED_CLOSED, 25),
	],
)
def test_returns_refusals_terminations_and_closures_need_a_reason(from_state, to_state, article):
	t = Transition(from_state, to_state, competent_unit="市教育局", review_result="不通过")
	assert (article, "reasons") in problems(check_transition(t, []))
	assert (article, "reasons") not in problems(check_transition(replace(t, reason="理由"), []))
	assert (article, "reasons") in problems(check_transition(replace(t, reason="  "), []))


def test_a_unit_withdraws_without_having_to_say_why():
	assert check_transition(Transition(DS.INTAKE, DS.WITHDRAWN), []) == []
	assert check_transition(Transition(DS.DRAFT, DS.WITHDRAWN), []) == []


def test_withdrawing_or_terminating_a_draft_is_no_hand_in():
	"""The findings that stop a hand-in do not keep anyone from ending a declaration."""
	block = Finding(9, Severity.BLOCKING, "y", "materials")
	assert check_transition(Transition(DS.DRAFT, DS.WITHDRAWN), [block]) == []
	assert check_transition(Transition(DS.DRAFT, DS.TERMINATED, reason="重复申报"), [block]) == []
	assert not Transition(DS.DRAFT, DS.TERMINATED).is_submission


def test_acceptance_rechecks_the_findings():
	block = Finding(24, Severity.BLOCKING, "y", "it_project")
	assert check_transition(Transition(DS.INTAKE, DS.UNDER_REVIEW), [block]) == [block]


@pytest.mark.parametrize(
	("to_state", "result", "allowed"),
	[
		(DS.PASSED, "通过", True),
		(DS.PASSED, "不通过", False),
		(DS.PASSED, "", False),
		(DS.FAILED, "不通过", True),
		(DS.FAILED, "通过", False),
	],
)
def test_the_review_outcome_follows_the_expert_result(to_state, result, allowed):
	t = Transition(DS.UNDER_REVIEW, to_state, review_result=result, reason="必要性不足", min_experts=3)
	found = check_transition(t, [])
	assert (not found) is allowed
	if not allowed:
		assert found[0].args[2] == 3  # the message names the size of a panel


# ---- attachments and settings


@pytest.mark.parametrize(
	("name", "ok"),
	[
		("方案.pdf", True),
		("概算.XLSX", True),
		("a.ofd", True),
		("run.exe", False),
		("x.html", False),
		("noext", False),
	],
)
def test_attachment_types(name, ok):
	assert (not check_attachment(name, 1000, S)) is ok


def test_attachment_size_limit():
	limit = int(S.attachment_max_mb * 1024 * 1024)
	assert check_attachment("a.pdf", limit, S) == []
	[too_big] = check_attachment("a.pdf", limit + 1, S)
	assert too_big.args[0] == "a.pdf"


def test_accepted_types_are_parsed_from_settings_text():
	assert parse_extensions("pdf, .DOCX\nxls；ofd") == ("pdf", "docx", "xls", "ofd")


def test_the_default_settings_are_sound_and_duplicates_are_refused():
	assert check_settings(S) == []
	doubled = replace(S, material_requirements=S.material_requirements + S.material_requirements[:1])
	assert [f.fieldname for f in check_settings(doubled)] == ["material_requirements"]
	assert [f.fieldname for f in check_settings(replace(S, attachment_max_mb=0))] == ["attachment_max_mb"]


# ---- Art 8: only the first hand-in is judged against the window


@pytest.mark.parametrize(
	("first", "today", "inside"),
	[
		(date(2026, 9, 30), date(2026, 10, 1), True),  # handed in on the last day, back after the close
		(date(2026, 7, 1), date(2027, 2, 1), True),
		(date(2026, 10, 1), date(2026, 10, 2), False),  # the first hand-in was already late
		(None, date(2026, 10, 1), False),  # a draft never handed in is judged today
		(None, date(2026, 9, 30), True),
	],
)
def test_a_returned_declaration_is_judged_by_its_first_hand_in(first, today, inside):
	found = [x for x in check_compliance(facts(first_submitted_on=first, on_date=today), S) if x.article == 8]
	assert (not found) is inside
	if not inside:
		assert found[0].args[3] == (first or today).isoformat()


# ---- Art 13 ¶2: in-year additions


def test_an_in_year_addition_is_declared_outside_the_round_for_the_current_year():
	f = facts(is_in_year_addition=True, on_date=date(2027, 5, 10))
	assert problems(check_compliance(f, S)) == []
	assert (13, "is_in_year_addition") in problems(check_compliance(f, S), Severity.ADVISORY)


@pytest.mark.parametrize("day", [date(2026, 8, 15), date(2028, 1, 2)])
def test_an_in_year_addition_is_for_the_current_year_only(day):
	f = facts(is_in_year_addition=True, on_date=day)
	[found] = [x for x in check_compliance(f, S) if x.blocks]
	assert (found.article, found.fieldname, found.args) == (13, "is_in_year_addition", (day.year, 2027))


# ---- Art 2: 其他 is held to the strictest rules until the Office classifies it


def test_other_follows_the_classification_and_new_until_then():
	assert effective_nature("其他", "") == "新建"
	assert effective_nature("其他", "运维") == "运维"
	assert effective_nature("续建", "运维") == "续建"  # only a 其他 is classified


def test_an_unclassified_other_needs_the_materials_and_security_answers_of_new():
	f = facts(project_nature="其他", provided_materials=frozenset(), mlps_level="", has_crypto_plan="")
	found = problems(check_compliance(f, S))
	assert (9, "materials") in found
	assert {(7, "mlps_level"), (7, "has_crypto_plan")} <= set(found)
	assert (2, "project_nature") in problems(check_compliance(f, S), Severity.ADVISORY)


@pytest.mark.parametrize(("estimate", "needed"), [(49.99, False), (50, True)])
def test_an_unclassified_other_needs_approval_from_the_threshold(estimate, needed):
	assert approval_decision(effective_nature("其他", ""), estimate, None, S).needed is needed


def test_a_classified_other_follows_its_nature():
	f = facts(
		project_nature="其他",
		classified_nature="运维",
		it_project=PROJECT,
		mlps_level="",
		has_crypto_plan="",
		provided_materials=frozenset({"服务需求报告"}),
	)
	assert problems(check_compliance(f, S)) == []
	assert (2, "classified_nature") in problems(check_compliance(f, S), Severity.ADVISORY)
	assert approval_decision(f.nature, 500, None, S).needed is False


def test_an_other_classified_as_a_renewal_names_its_project():
	f = facts(project_nature="其他", classified_nature="续建")
	assert (24, "classified_nature") in problems(check_compliance(f, S))


def test_an_other_is_accepted_only_once_classified():
	t = Transition(DS.INTAKE, DS.UNDER_REVIEW, project_nature="其他")
	assert problems(check_transition(t, [])) == [(2, "classified_nature")]
	assert check_transition(replace(t, classified_nature="新建"), []) == []


# ---- Art 12: one basis


@pytest.mark.parametrize(
	("estimate", "planned", "basis", "amount", "needed"),
	[
		(80, None, "项目估算", 80, True),
		(49.99, None, "项目估算", 49.99, False),
		(80, 45, "计划金额", 45, False),  # the plan cut it below the threshold
		(45, 50, "计划金额", 50, True),
	],
)
def test_the_estimate_decides_while_declaring_and_the_plan_once_published(
	estimate, planned, basis, amount, needed
):
	decision = approval_decision("新建", estimate, planned, S)
	assert (decision.basis, decision.amount, decision.needed) == (basis, amount, needed)


# ---- Art 18: an exception needs the Office's consent


def test_an_exception_with_a_reason_is_handed_in_but_accepted_only_with_the_offices_consent():
	f = facts(deploy_on_gov_cloud=False, gov_cloud_exception_reason="涉及公安专网终端")
	assert problems(check_compliance(f, S)) == []  # the unit may hand it in
	assert awaits_exception_consent(f)
	t = Transition(DS.INTAKE, DS.UNDER_REVIEW, awaits_exception_consent=True)
	assert problems(check_transition(t, [])) == [(18, "exception_consent")]
	assert not awaits_exception_consent(replace(f, exception_consented=True))
	assert not awaits_exception_consent(facts())


def test_a_consented_exception_is_shown_as_such():
	f = facts(connect_big_data_platform=False, big_data_exception_reason="数据涉密", exception_consented=True)
	[found] = [x for x in check_compliance(f, S) if x.article == 18]
	assert (found.severity, found.fieldname) == (Severity.ADVISORY, "connect_big_data_platform")
	assert "consented" in found.message


# ---- Art 24: a declaration naming a project renews it; a new one named like one is questioned


@pytest.mark.parametrize("nature", ["新建", "其他"])
def test_a_declaration_naming_an_existing_project_uses_a_renewal_nature(nature):
	[found] = [x for x in check_input(facts(project_nature=nature, it_project=PROJECT), S) if x.article == 24]
	assert (found.fieldname, found.args) == (
		"it_project",
		("XM-2026-00001", "续建、改建、运维、购买服务", nature),
	)


def test_a_new_project_named_like_one_of_its_unit_is_questioned():
	projects = (("XM-2025-00007", "全民健康信息平台"), ("XM-2025-00008", "智慧工地监管平台"))
	f = facts(project_name="全民健康信息平台（扩容）", unit_projects=projects)
	[found] = [x for x in check_compliance(f, S) if x.article == 24]
	assert found.severity == Severity.ADVISORY
	assert "XM-2025-00007" in found.args[0] and "XM-2025-00008" not in found.args[0]
	other = check_compliance(replace(f, project_name="住房保障数据共享平台"), S)
	assert [x for x in other if x.article == 24] == []


def test_the_similarity_threshold_is_a_setting():
	f = facts(project_name="健康平台", unit_projects=(("XM-1", "全民健康信息平台"),))
	ratio = name_similarity("健康平台", "全民健康信息平台")
	assert [x for x in check_compliance(f, replace(S, similar_name_ratio=ratio)) if x.article == 24]
	assert not [
		x for x in check_compliance(f, replace(S, similar_name_ratio=ratio + 0.01)) if x.article == 24
	]


def test_names_are_compared_without_spaces_and_punctuation():
	assert name_similarity("智慧 校园（二期）", "智慧校园二期") == 1
	assert name_similarity("", "智慧校园") == 0


def test_settings_of_chapter_2_are_checked():
	bad = replace(S, min_experts_per_panel=0, crypto_plan_required_from="第六级", similar_name_ratio=1.5)
	assert {f.fieldname for f in check_settings(bad)} == {
		"min_experts_per_panel",
		"crypto_plan_required_from",
		"similar_name_ratio",
	}


def test_a_declaration_listed_in_a_plan_is_not_terminated():
	t = Transition(DS.PASSED, DS.TERMINATED, reason="重复建设", listed_in_plan="JH-2027")
	assert problems(check_transition(t, [])) == [(10, "workflow_state")]
	assert check_transition(replace(t, listed_in_plan=""), []) == []
