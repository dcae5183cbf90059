"""Construction and acceptance (Art 12, 13, 15, 16, 19, 21) without Frappe, at their boundaries."""

from dataclasses import replace
from datetime import date

import pytest

from govit_app.rules.construction import (
	AcceptanceFacts,
	AcceptanceFilingFacts,
	ContractFacts,
	ExtensionFacts,
	TrialFacts,
	acceptance_deadline,
	check_acceptance,
	check_acceptance_filing,
	check_contract,
	check_documents_attached,
	check_extension,
	check_reason_given,
	check_trial,
	is_late,
	missing_documents,
	receipt_departments,
)
from govit_app.rules.settings import DEFAULT_ACCEPTANCE_FILING_DOCUMENTS, GovITSettings, check_settings
from govit_app.rules.uscc import check_character, is_valid_uscc, normalize
from govit_app.vocabulary import ProcurementMethod, ProjectStage

TODAY = date(2027, 6, 15)
VALID_USCC = "91320000134782364C"


def fields(findings) -> list[str | None]:
	return [f.fieldname for f in findings]


def articles(findings) -> list[int | None]:
	return [f.article for f in findings]


# ---- unified social credit code (GB 32100-2015) ---------------------------------------------


@pytest.mark.parametrize(
	"code", ["91350100M000100Y43", "91110108551385082Q", "91440300708461136T", VALID_USCC]
)
def test_published_codes_are_valid(code):
	assert is_valid_uscc(code)


def test_codes_are_read_as_typed_with_spaces_and_small_letters():
	assert normalize(" 91350100m000100y43 ") == "91350100M000100Y43"
	assert is_valid_uscc("9135 0100 m000 100y43")


@pytest.mark.parametrize(
	"code",
	[
		"91350100M000100Y44",  # wrong check character
		"91350100M000100Y4",  # 17 characters
		"91350100M000100Y433",  # 19
		"91350100I000100Y43",  # I is not in the character set
		"",
		None,
	],
)
def test_malformed_codes_are_refused(code):
	assert not is_valid_uscc(code)


def test_a_check_character_of_zero_is_0_not_y():
	# 31 - (sum mod 31) is 31 when the sum is a multiple of 31: the check character is then 0.
	first17 = "9132000013478236"
	for char in "0123456789ABCDEFGHJKLMNPQRTUWXY":
		code = first17 + char
		if check_character(code) == "0":
			assert is_valid_uscc(code + "0")
			break
	else:
		pytest.fail("no prefix with check character 0 found")


# ---- Contract Filing ------------------------------------------------------------------------


def contract(**changes) -> ContractFacts:
	base = ContractFacts(
		it_project="XM-0001",
		stage=ProjectStage.APPROVED,
		needs_approval=True,
		approvals=("LX-2027-00001",),
		approved_amount=100.0,
		other_contracts=40.0,
		contract_amount=60.0,
		contract_sign_date=TODAY,
		procurement_method=ProcurementMethod.OPEN_TENDER,
		procurement_note="",
		supplier_uscc=VALID_USCC,
		today=TODAY,
	)
	return replace(base, **changes)


def test_a_contract_up_to_the_approved_amount_signed_today_is_filed():
	assert check_contract(contract()) == []


def test_contracts_together_above_the_approved_amount_are_refused_art_15():
	findings = check_contract(contract(contract_amount=60.01))
	assert (fields(findings), articles(findings)) == (["contract_amount"], [15])
	assert findings[0].args == ("100.01", "100.00")


def test_a_project_without_approved_amount_takes_no_contract():
	assert fields(check_contract(contract(approved_amount=0, other_contracts=0))) == ["contract_amount"]


@pytest.mark.parametrize("amount", [0, -5])
def test_the_amount_is_positive(amount):
	assert fields(check_contract(contract(contract_amount=amount))) == ["contract_amount"]


def test_a_signing_date_in_the_future_is_refused_and_yesterday_is_not():
	assert fields(check_contract(contract(contract_sign_date=date(2027, 6, 16)))) == ["contract_sign_date"]
	assert check_contract(contract(contract_sign_date=date(2027, 6, 14))) == []


def test_a_project_that_needs_approval_has_one_art_12():
	findings = check_contract(contract(approvals=()))
	assert (fields(findings), articles(findings)) == (["it_project"], [12])
	assert check_contract(contract(approvals=(), needs_approval=False)) == []


@pytest.mark.parametrize("method", list(ProcurementMethod))
def test_every_method_of_the_procurement_law_is_accepted(method):
	note = "电子卖场直购" if method == ProcurementMethod.OTHER else ""
	assert check_contract(contract(procurement_method=method, procurement_note=note)) == []


def test_an_unknown_method_or_other_without_a_note_is_refused():
	assert fields(check_contract(contract(procurement_method="直接发包"))) == ["procurement_method"]
	assert fields(check_contract(contract(procurement_method=ProcurementMethod.OTHER))) == [
		"procurement_note"
	]


def test_a_bad_credit_code_is_refused():
	assert fields(check_contract(contract(supplier_uscc="91320000134782364D"))) == ["supplier_uscc"]


@pytest.mark.parametrize("stage", [ProjectStage.SUSPENDED, ProjectStage.TERMINATED])
def test_a_sanctioned_project_takes_no_document_art_21(stage):
	assert articles(check_contract(contract(stage=stage))) == [21]


def test_documents_are_named_when_missing_at_hand_in():
	findings = check_documents_attached({"bid_document": True, "contract_document": False}, 16)
	assert (fields(findings), articles(findings)) == (["contract_document"], [16])


def test_a_filing_after_its_due_date_is_late_and_on_it_is_not():
	assert is_late(date(2027, 6, 16), date(2027, 6, 15))
	assert not is_late(date(2027, 6, 15), date(2027, 6, 15))
	assert not is_late(None, date(2027, 6, 15))


# ---- Trial and acceptance -------------------------------------------------------------------


def trial(**changes) -> TrialFacts:
	base = TrialFacts(
		it_project="XM-0001",
		stage=ProjectStage.BUILDING,
		trial_start=date(2027, 5, 1),
		trial_end=date(2027, 6, 1),
		today=TODAY,
		filed_contracts=("HT-2027-00001",),
		passed_acceptance=None,
	)
	return replace(base, **changes)


def test_a_trial_run_under_a_filed_contract_is_filed():
	assert check_trial(trial()) == []
	assert check_trial(trial(trial_end=date(2027, 5, 1))) == []  # one day


def test_a_trial_ending_before_it_starts_is_refused():
	assert fields(check_trial(trial(trial_end=date(2027, 4, 30)))) == ["trial_end"]


def test_a_trial_that_has_not_started_is_not_reported():
	assert fields(check_trial(trial(trial_start=date(2027, 6, 16), trial_end=date(2027, 7, 1)))) == [
		"trial_start"
	]


def test_no_trial_without_a_filed_contract_nor_after_a_passed_acceptance():
	assert articles(check_trial(trial(filed_contracts=()))) == [19]
	assert fields(check_trial(trial(passed_acceptance="YS-2027-00001"))) == ["it_project"]


def acceptance(**changes) -> AcceptanceFacts:
	base = AcceptanceFacts(
		it_project="XM-0001",
		stage=ProjectStage.TRIAL,
		acceptance_date=date(2027, 6, 10),
		result="通过",
		today=TODAY,
		trial_end=date(2027, 6, 10),
		passed_acceptance=None,
	)
	return replace(base, **changes)


def test_an_acceptance_on_the_day_the_trial_ended_is_recorded():
	assert check_acceptance(acceptance()) == []
	assert check_acceptance(acceptance(result="不通过")) == []


def test_no_acceptance_without_a_filed_trial_art_19():
	findings = check_acceptance(acceptance(trial_end=None))
	assert (fields(findings), articles(findings)) == (["it_project"], [19])


def test_an_acceptance_before_the_trial_ended_is_refused():
	findings = check_acceptance(acceptance(acceptance_date=date(2027, 6, 9)))
	assert fields(findings) == ["acceptance_date"]
	assert findings[0].args == ("2027-06-09", "2027-06-10")


def test_an_acceptance_in_the_future_is_refused():
	assert fields(check_acceptance(acceptance(acceptance_date=date(2027, 6, 16)))) == ["acceptance_date"]


def test_a_second_passed_acceptance_is_refused():
	findings = check_acceptance(acceptance(passed_acceptance="YS-2027-00001"))
	assert fields(findings) == ["it_project"]
	assert "YS-2027-00001" in findings[0].args


def test_a_failed_acceptance_leaves_the_door_open_for_a_later_one():
	# The failed one is not a passed acceptance: the next one is judged on its own.
	assert check_acceptance(acceptance(stage=ProjectStage.ACCEPTANCE_FAILED)) == []


def test_the_result_is_passed_or_failed():
	assert fields(check_acceptance(acceptance(result="基本通过"))) == ["result"]


# ---- Acceptance Filing ----------------------------------------------------------------------

NINE = DEFAULT_ACCEPTANCE_FILING_DOCUMENTS


def filing(**changes) -> AcceptanceFilingFacts:
	base = AcceptanceFilingFacts(
		it_project="XM-0001",
		stage=ProjectStage.ACCEPTED,
		completion_acceptance="YS-2027-00001",
		acceptance_result="通过",
		document_types=NINE,
		required=NINE,
	)
	return replace(base, **changes)


def test_the_nine_documents_of_art_19_are_the_default_list():
	assert len(NINE) == 9
	assert "安全风险评估报告" in NINE and "测试报告" in NINE


def test_a_passed_acceptance_is_filed():
	assert check_acceptance_filing(filing()) == []


@pytest.mark.parametrize("result", ["不通过", None])
def test_a_failed_or_unsubmitted_acceptance_is_not_filed(result):
	assert fields(check_acceptance_filing(filing(acceptance_result=result))) == ["completion_acceptance"]


def test_documents_outside_the_list_or_twice_are_refused():
	findings = check_acceptance_filing(filing(document_types=(*NINE, "宣传材料", "测试报告")))
	assert fields(findings) == ["documents", "documents"]
	assert findings[0].args[0] == "宣传材料"
	assert findings[1].args == ("测试报告",)


def test_every_document_is_attached_at_hand_in():
	attached = dict.fromkeys(NINE, True)
	assert missing_documents(attached, NINE) == []
	attached["测试报告"] = attached["项目合同"] = False
	findings = missing_documents(attached, NINE)
	assert findings[0].args == ("项目合同、测试报告",)


def test_a_classified_filing_is_receipted_only_by_who_may_see_it():
	three = ("市政府办公室", "市委网信办", "市财政局")
	assert receipt_departments(three, classified=False) == three
	assert receipt_departments(three, classified=True) == ("市政府办公室",)


# ---- Extension ------------------------------------------------------------------------------


def extension(**changes) -> ExtensionFacts:
	base = ExtensionFacts(
		it_project="XM-0001",
		stage=ProjectStage.BUILDING,
		current_deadline=date(2027, 6, 30),
		requested_deadline=date(2027, 9, 30),
		reason="设备到货延迟。",
		late_reason="",
		today=TODAY,
		pending=(),
	)
	return replace(base, **changes)


def test_the_acceptance_is_due_at_the_approved_or_declared_completion():
	assert acceptance_deadline(date(2027, 12, 31), date(2027, 10, 31)) == date(2027, 10, 31)
	assert acceptance_deadline(date(2027, 12, 31), None) == date(2027, 12, 31)
	assert acceptance_deadline(None, None) is None


def test_an_extension_with_a_reason_before_the_deadline_is_asked():
	assert check_extension(extension()) == []
	assert check_extension(extension(today=date(2027, 6, 30))) == []  # on the deadline itself


def test_an_extension_must_move_the_deadline_later():
	assert fields(check_extension(extension(requested_deadline=date(2027, 6, 30)))) == ["requested_deadline"]


def test_an_extension_without_a_reason_is_refused():
	assert fields(check_extension(extension(reason="  "))) == ["reason"]


def test_after_the_deadline_the_late_request_explains_itself():
	late = extension(today=date(2027, 7, 1))
	assert fields(check_extension(late)) == ["late_reason"]
	assert check_extension(replace(late, late_reason="负责人调整，未及时申请。")) == []


@pytest.mark.parametrize("stage", [ProjectStage.ACCEPTED, ProjectStage.OPERATING, ProjectStage.APPROVED])
def test_only_a_project_whose_acceptance_is_ahead_asks_for_one(stage):
	assert fields(check_extension(extension(stage=stage))) == ["it_project"]


def test_one_request_waits_at_a_time():
	assert fields(check_extension(extension(pending=("YQ-2027-00001",)))) == ["it_project"]


def test_returns_and_refusals_carry_a_reason():
	assert fields(check_reason_given("return_reason", " ", 16)) == ["return_reason"]
	assert check_reason_given("return_reason", "合同扫描件不清晰", 16) == []


# ---- Settings -------------------------------------------------------------------------------


def test_the_filing_departments_and_documents_are_checked():
	s = GovITSettings()
	assert check_settings(s) == []
	assert fields(check_settings(replace(s, acceptance_filing_departments=()))) == [
		"acceptance_filing_departments"
	]
	assert fields(check_settings(replace(s, acceptance_filing_documents=("测试报告", "测试报告")))) == [
		"acceptance_filing_documents"
	]
	assert fields(check_settings(replace(s, acceptance_filing_documents=()))) == [
		"acceptance_filing_documents"
	]
