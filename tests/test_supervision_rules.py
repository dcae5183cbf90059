"""Supervision, rectification and sanctions (Art 21, DESIGN rule 13), without Frappe."""

from dataclasses import replace
from datetime import date

import pytest

from govit_app.rules.settings import GovITSettings, SupervisionField, check_settings, supervising_departments
from govit_app.rules.stages import sanction_moves
from govit_app.rules.supervision import (
	Stop,
	active,
	check_answer,
	check_deadline_days,
	check_issuer,
	check_lift,
	check_project_active,
	check_recheck_opinion,
	check_sanction,
	deferred_plan_year,
	heaviest,
)
from govit_app.vocabulary import ProjectStage as P

S = GovITSettings()


@pytest.mark.parametrize(
	("issue_type", "department"),
	[
		("信息共享", "市政府办公室"),
		("招标采购", "市财政局"),
		("资金使用", "市财政局"),
		("密码应用", "市保密局"),
		("网络安全", "市委网信办"),
		("网络安全", "市公安局"),
	],
)
def test_each_field_is_supervised_by_its_department(issue_type, department):
	assert check_issuer(issue_type, "某部门", department, S) == []


@pytest.mark.parametrize(
	("issue_type", "department"),
	[("招标采购", "市政府办公室"), ("密码应用", "市财政局"), ("信息共享", "市公安局"), ("资金使用", None)],
)
def test_a_department_outside_its_field_is_refused_naming_who_supervises_it(issue_type, department):
	found = check_issuer(issue_type, "某部门", department, S)
	assert [(f.article, f.fieldname) for f in found] == [(21, "issued_by")]
	assert found[0].args[2] == "、".join(supervising_departments(issue_type, S))


def test_the_fields_are_a_setting():
	s = replace(S, supervision_fields=(*S.supervision_fields, SupervisionField("招标采购", "市审计局")))
	assert check_issuer("招标采购", "市审计局", "市审计局", s) == []


def test_every_field_needs_a_supervisor_and_no_pair_twice():
	without = replace(
		S, supervision_fields=tuple(f for f in S.supervision_fields if f.issue_type != "密码应用")
	)
	assert [(f.article, f.fieldname, f.args) for f in check_settings(without)] == [
		(21, "supervision_fields", ("密码应用",))
	]
	twice = replace(S, supervision_fields=(*S.supervision_fields, S.supervision_fields[0]))
	assert [(f.article, f.fieldname) for f in check_settings(twice)] == [(21, "supervision_fields")]


@pytest.mark.parametrize(("days", "ok"), [(1, True), (20, True), (0, False), (None, False), (-3, False)])
def test_a_notice_gives_at_least_one_working_day(days, ok):
	assert (check_deadline_days(days) == []) is ok


@pytest.mark.parametrize(
	("status", "ok"),
	[("待整改", True), ("逾期未整改", True), ("待复查", False), ("已整改", False), ("仍不符合", False)],
)
def test_the_unit_answers_a_notice_waiting_for_its_report_even_late(status, ok):
	assert (check_answer(status, "/private/files/report.pdf", "") == []) is ok


def test_an_answer_needs_its_report_or_for_a_classified_project_its_account():
	assert [f.fieldname for f in check_answer("待整改", None, "已整改")] == ["rectification_report"]
	assert [(f.article, f.fieldname) for f in check_answer("待整改", None, " ", classified=True)] == [
		(25, "rectification_summary")
	]
	assert check_answer("待整改", None, "已按保密渠道报送整改报告", classified=True) == []


def test_still_failing_says_why():
	assert [f.fieldname for f in check_recheck_opinion("  ")] == ["recheck_opinion"]
	assert check_recheck_opinion("加密模块仍未通过密评") == []


# ---- sanctions


@pytest.mark.parametrize(
	("status", "was_overdue", "ok"),
	[
		("逾期未整改", True, True),
		("仍不符合", False, True),
		("待复查", True, True),  # answered late: the overdue stands
		("已整改", True, True),
		("待整改", False, False),
		("待复查", False, False),
		("已整改", False, False),
	],
)
def test_a_sanction_follows_only_an_overdue_or_failed_notice(status, was_overdue, ok):
	found = check_sanction(status, was_overdue, [], "通报批评", "逾期未提交整改报告")
	assert (found == []) is ok
	if not ok:
		assert [(f.article, f.fieldname) for f in found] == [(21, "sanction")]


def test_a_sanction_states_its_reason_and_is_one_of_art_21():
	assert [f.fieldname for f in check_sanction("仍不符合", False, [], "通报批评", " ")] == ["sanctions"]
	assert [f.args for f in check_sanction("仍不符合", False, [], "罚款", "x")] == [
		("通报批评、暂缓安排投资计划、暂停项目建设、终止项目",)
	]


def test_the_same_sanction_is_not_in_force_twice_but_may_follow_its_lifting():
	assert check_sanction("仍不符合", False, [("暂停项目建设", False)], "暂停项目建设", "x") != []
	assert check_sanction("仍不符合", False, [("暂停项目建设", True)], "暂停项目建设", "x") == []


def test_nothing_follows_a_termination():
	found = check_sanction("仍不符合", False, [], "通报批评", "x", terminated_by="ZG-2026-00001")
	assert [f.args for f in found] == [("ZG-2026-00001",)]


@pytest.mark.parametrize("sanction", ["暂缓安排投资计划", "暂停项目建设"])
def test_a_deferral_or_suspension_in_force_is_lifted_with_a_reason(sanction):
	assert check_lift([(sanction, False)], sanction, "已完成整改") == []
	assert [f.fieldname for f in check_lift([(sanction, False)], sanction, "")] == ["sanctions"]
	assert check_lift([(sanction, True)], sanction, "x") != []


def test_a_termination_cannot_be_lifted_nor_a_criticism():
	found = check_lift([("终止项目", False)], "终止项目", "申请恢复")
	assert [(f.article, f.args) for f in found] == [(21, ("终止项目",))]
	assert check_lift([("通报批评", False)], "通报批评", "x") != []


def test_after_a_termination_a_suspension_stays():
	assert check_lift([("暂停项目建设", False)], "暂停项目建设", "x", terminated_by="ZG-1") != []


def test_the_notice_shows_its_heaviest_sanction_in_force():
	rows = [("通报批评", False), ("暂停项目建设", True), ("暂缓安排投资计划", False)]
	assert active(rows) == ["通报批评", "暂缓安排投资计划"]
	assert heaviest(rows) == "暂缓安排投资计划"
	assert heaviest([]) == ""


def test_a_deferral_holds_back_the_plan_being_declared():
	assert deferred_plan_year(date(2026, 11, 20)) == 2027


# ---- the project stopped


def test_a_suspended_project_takes_no_document_naming_the_notice():
	stops = [Stop("ZG-2026-00004", "暂停项目建设", date(2026, 10, 9))]
	found = check_project_active("XM-2025-00002", stops, "合同备案")
	assert [(f.article, f.args) for f in found] == [
		(21, ("合同备案", "XM-2025-00002", "ZG-2026-00004", "2026-10-09"))
	]
	assert check_project_active("XM-2025-00002", stops, "整改报告", allow_suspended=True) == []


def test_a_terminated_project_takes_nothing_not_even_a_rectification_report():
	stops = [Stop("ZG-1", "暂停项目建设", "2026-09-01"), Stop("ZG-2", "终止项目", "2026-10-01")]
	found = check_project_active("XM-1", stops, "整改报告", allow_suspended=True)
	assert [f.args[2] for f in found] == ["ZG-2"]
	assert check_project_active("XM-1", [], "合同备案") == []


@pytest.mark.parametrize(
	("current", "target", "moves"),
	[
		(P.BUILDING, P.SUSPENDED, True),
		(P.OPERATING, P.SUSPENDED, True),
		(P.SUSPENDED, P.SUSPENDED, False),
		(P.SUSPENDED, P.BUILDING, True),  # lifting returns it to its stage
		(P.BUILDING, P.OPERATING, False),  # not a sanction move
		(P.SUSPENDED, P.TERMINATED, True),
		(P.BUILDING, P.TERMINATED, True),
		(P.TERMINATED, P.BUILDING, False),  # final
		(P.TERMINATED, P.SUSPENDED, False),
	],
)
def test_sanction_moves_of_the_stage(current, target, moves):
	assert sanction_moves(current, target) is moves
