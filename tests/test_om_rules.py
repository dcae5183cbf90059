"""O&M self-evaluation periods and checks (Art 20), without Frappe."""

from datetime import date

import pytest

from govit_app.rules.om import (
	Incident,
	Period,
	check_complete,
	check_incidents,
	check_period,
	check_stage,
	last_ended_period,
	next_due,
	period_containing,
)
from govit_app.rules.working_days import WorkingDayCalendar


@pytest.mark.parametrize(
	("kind", "number", "start", "end"),
	[
		("每年", 1, date(2026, 1, 1), date(2026, 12, 31)),
		("每半年", 1, date(2026, 1, 1), date(2026, 6, 30)),
		("每半年", 2, date(2026, 7, 1), date(2026, 12, 31)),
		("每季度", 1, date(2026, 1, 1), date(2026, 3, 31)),
		("每季度", 3, date(2026, 7, 1), date(2026, 9, 30)),
		("每季度", 4, date(2026, 10, 1), date(2026, 12, 31)),
	],
)
def test_periods_cover_the_year(kind, number, start, end):
	period = Period(kind, 2026, number)
	assert (period.start, period.end) == (start, end)


@pytest.mark.parametrize(
	("kind", "today", "expected"),
	[
		("每年", date(2026, 1, 1), Period("每年", 2025, 1)),
		("每年", date(2026, 12, 31), Period("每年", 2025, 1)),
		("每半年", date(2026, 7, 1), Period("每半年", 2026, 1)),
		("每半年", date(2026, 6, 30), Period("每半年", 2025, 2)),
		("每季度", date(2026, 4, 1), Period("每季度", 2026, 1)),
		("每季度", date(2026, 1, 15), Period("每季度", 2025, 4)),
	],
)
def test_the_period_falling_due_is_the_last_that_ended(kind, today, expected):
	assert last_ended_period(kind, today) == expected


def test_a_period_contains_its_days():
	assert period_containing("每季度", date(2026, 8, 20)) == Period("每季度", 2026, 3)


@pytest.mark.parametrize(
	("kind", "year", "number", "ok"),
	[
		("每年", 2025, None, True),
		("每年", 2026, None, False),  # not ended on 2026-08-20
		("每季度", 2026, 2, True),
		("每季度", 2026, 3, False),
		("每季度", 2026, 5, False),
		("每半年", 2026, 0, False),
		("每半年", None, 1, False),
	],
)
def test_a_self_evaluation_covers_a_period_that_has_ended(kind, year, number, ok):
	assert (check_period(kind, year, number, date(2026, 8, 20)) == []) is ok


def test_only_a_project_in_operation_is_self_evaluated():
	assert check_stage("运维中", "XM-1") == []
	assert [f.article for f in check_stage("建设中", "XM-1")] == [20]


def test_incidents_lie_in_the_period_and_end_after_they_began():
	period = Period("每年", 2025)
	found = check_incidents(
		[
			Incident(1, date(2025, 3, 2), date(2025, 3, 2)),
			Incident(2, date(2026, 1, 3)),
			Incident(3, date(2025, 5, 6), date(2025, 5, 1)),
		],
		period,
	)
	assert [f.args[0] for f in found] == [2, 3]


def test_the_documents_of_art_20_are_handed_in():
	assert [f.fieldname for f in check_complete(None, "/files/plan.pdf", " ")] == [
		"om_system_document",
		"summary",
	]
	assert check_complete("/files/a.pdf", "/files/b.pdf", "运行平稳") == []


def test_a_classified_project_hands_its_documents_over_through_the_secrecy_channel():
	assert check_complete(None, None, "运行平稳", classified=True) == []
	assert [f.fieldname for f in check_complete(None, None, "", classified=True)] == ["summary"]


def test_a_project_owes_the_last_ended_period_until_it_is_handed_in_then_the_current_one():
	calendar = WorkingDayCalendar()
	today = date(2026, 8, 20)
	owed = next_due("每年", today, set(), calendar, 20)
	assert owed == calendar.add_working_days(date(2025, 12, 31), 20)
	assert owed < today  # overdue: 2025's self-evaluation was due in January
	assert next_due("每年", today, {date(2025, 1, 1)}, calendar, 20) == calendar.add_working_days(
		date(2026, 12, 31), 20
	)
	assert next_due("每季度", today, set(), calendar, 5) == calendar.add_working_days(date(2026, 6, 30), 5)
