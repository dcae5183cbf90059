"""Countersigning (Art 4) and consultation (Art 13) without Frappe: who decides, when it is complete."""

from govit_app import roles as R
from govit_app.rules.countersign import (
	DepartmentDecision,
	functions_of_roles,
	is_complete,
	may_decide,
	missing_departments,
	refusal_summary,
)
from govit_app.rules.settings import (
	DEFAULT_PLAN_COUNTERSIGN_DEPARTMENTS,
	DEFAULT_SUPPLEMENTARY_CONSULT_DEPARTMENTS,
	GovITSettings,
	check_settings,
)
from govit_app.rules.supplement import status
from govit_app.vocabulary import SupplementStatus

ART4 = DEFAULT_PLAN_COUNTERSIGN_DEPARTMENTS


def test_the_defaults_are_the_departments_the_regulation_names():
	assert set(ART4) == {"市保密局", "市公安局", "市发展改革委", "市工业和信息化局", "市财政局"}
	assert set(DEFAULT_SUPPLEMENTARY_CONSULT_DEPARTMENTS) == {
		"市政府办公室",
		"市保密局",
		"市发展改革委",
		"市工业和信息化局",
		"市财政局",
	}


def test_a_user_decides_only_for_the_department_of_their_role():
	assert functions_of_roles([R.FINANCE, R.UNIT_USER]) == {"市财政局"}
	assert may_decide([R.FINANCE], "市财政局")
	assert not may_decide([R.FINANCE], "市公安局")
	assert not may_decide([R.OFFICE, R.EXPERT], "市财政局")
	assert not may_decide([R.UNIT_USER], None)


def rows(**decisions):
	return [DepartmentDecision(f, decisions.get(f, "待会签")) for f in ART4]


def test_complete_only_when_every_required_department_agreed():
	assert not is_complete(ART4, rows())
	all_but_finance = {f: "同意" for f in ART4 if f != "市财政局"}
	assert missing_departments(ART4, rows(**all_but_finance)) == ["市财政局"]
	assert is_complete(ART4, rows(**{f: "同意" for f in ART4}))


def test_a_missing_row_is_as_good_as_a_missing_decision():
	agreed = [DepartmentDecision(f, "同意") for f in ART4[:-1]]
	assert missing_departments(ART4, agreed) == [ART4[-1]]
	assert not is_complete((), [])


def test_a_refusal_is_summarised_with_its_department():
	decided = rows(**{"市财政局": "不同意"})
	decided[-1] = DepartmentDecision("市财政局", "不同意", "超出年度预算")
	assert refusal_summary(decided) == "市财政局：超出年度预算"
	assert status(ART4, decided) == SupplementStatus.REFUSED


def test_the_consultation_status_follows_the_decisions():
	required = DEFAULT_SUPPLEMENTARY_CONSULT_DEPARTMENTS
	pending = [DepartmentDecision(f) for f in required]
	assert status(required, pending) == SupplementStatus.CONSULTING
	assert status(required, [DepartmentDecision(f, "同意") for f in required]) == SupplementStatus.AGREED


def test_settings_need_each_department_list_and_no_repeats():
	assert check_settings(GovITSettings()) == []
	empty = check_settings(GovITSettings(plan_countersign_departments=()))
	assert [(f.fieldname, f.article) for f in empty] == [("plan_countersign_departments", 4)]
	twice = check_settings(GovITSettings(supplementary_consult_departments=("市财政局", "市财政局")))
	assert [(f.fieldname, f.article) for f in twice] == [("supplementary_consult_departments", 13)]
