"""A project's stage moves forward only (DESIGN §2), without Frappe."""

import pytest

from govit_app.rules.stages import LIFE_CYCLE, moves_forward
from govit_app.vocabulary import ProjectStage as S


@pytest.mark.parametrize(("current", "target"), zip(LIFE_CYCLE, LIFE_CYCLE[1:], strict=False))
def test_each_stage_leads_to_the_next(current, target):
	assert moves_forward(current, target)
	assert not moves_forward(target, current)


def test_a_renewal_never_moves_a_running_project_back():
	assert not moves_forward(S.OPERATING, S.REVIEWED)
	assert not moves_forward(S.OPERATING, S.IN_PLAN)
	assert not moves_forward(S.BUILDING, S.APPROVED)


def test_a_failed_acceptance_is_left_by_a_passed_one():
	assert moves_forward(S.ACCEPTANCE_FAILED, S.ACCEPTED)


def test_staying_is_no_move_and_sanctions_are_not_life_cycle_moves():
	assert not moves_forward(S.IN_PLAN, S.IN_PLAN)
	assert not moves_forward(S.SUSPENDED, S.BUILDING)
	assert not moves_forward(S.TERMINATED, S.OPERATING)
	assert not moves_forward(S.BUILDING, S.SUSPENDED)


def test_a_project_without_a_stage_takes_any():
	assert moves_forward(None, S.OPERATING)
