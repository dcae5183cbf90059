"""An IT Project's approved amounts across plan years (Art 10-12), without Frappe."""

from govit_app.rules.project_amounts import AmountRow, merge, sets_project_amount, total
from govit_app.rules.settings import GovITSettings

S = GovITSettings()
BUILT = AmountRow(2025, "SB-2025-00001", "新建", 380, "JH-2025")
RENEWED = AmountRow(2027, "SB-2027-00004", "续建", 120, "JH-2027")


def test_each_plan_year_adds_its_row_and_the_total_follows():
	history = merge(merge([], RENEWED), BUILT)
	assert history == [BUILT, RENEWED]  # by plan year
	assert total(history) == 500


def test_the_ndrc_approval_replaces_the_plan_row_of_its_declaration():
	approved = AmountRow(2027, "SB-2027-00004", "续建", 110, "JH-2027", "LX-2027-00002")
	history = merge([BUILT, RENEWED], approved)
	assert history == [BUILT, approved]
	assert total(history) == 490


def test_publishing_again_changes_nothing():
	assert merge([BUILT, RENEWED], RENEWED) == [BUILT, RENEWED]


def test_only_the_building_declaration_sets_the_projects_own_amount():
	assert sets_project_amount("新建", S)
	for renewal in ("续建", "改建", "运维", "购买服务"):
		assert not sets_project_amount(renewal, S)
