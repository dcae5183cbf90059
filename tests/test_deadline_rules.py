"""Due dates in working days (Art 16, 19): days left, status, which notice a day calls for."""

from datetime import date, timedelta

import pytest

from govit_app.rules.deadlines import (
	deadline_status,
	notice_due,
	reminder_horizon,
	status_due_dates,
	working_days_left,
)
from govit_app.rules.working_days import WorkingDayCalendar
from govit_app.vocabulary import DeadlineNotice, DeadlineStatus

CAL = WorkingDayCalendar()
# 2025-10-01..08 is the National Day holiday; Saturday 10-11 is a working day (调休).
DUE = date(2025, 10, 10)  # a Friday


def test_days_left_count_working_days_only():
	assert working_days_left(date(2025, 9, 30), DUE, CAL) == 2  # 10-09, 10-10
	assert working_days_left(DUE, DUE, CAL) == 0
	assert working_days_left(date(2025, 10, 13), DUE, CAL) == -2  # Sat 10-11 (调休) and Mon 10-13


@pytest.mark.parametrize(
	("today", "status"),
	[
		(date(2025, 9, 26), DeadlineStatus.ON_TIME),  # 4 working days left
		(date(2025, 9, 29), DeadlineStatus.DUE_SOON),  # 3 left (09-30, 10-09, 10-10)
		(DUE, DeadlineStatus.DUE_SOON),
		(DUE + timedelta(days=1), DeadlineStatus.OVERDUE),
	],
)
def test_status_by_working_days_left(today, status):
	assert deadline_status(today, DUE, working_days_left(today, DUE, CAL), 3) == status


def test_a_reminder_inside_the_window_and_none_before():
	assert notice_due(date(2025, 9, 26), DUE, CAL, 3) is None
	assert notice_due(date(2025, 9, 29), DUE, CAL, 3) == DeadlineNotice.REMINDER
	assert notice_due(DUE, DUE, CAL, 3) == DeadlineNotice.REMINDER


def test_no_reminder_when_the_settings_say_zero_days():
	assert notice_due(DUE, DUE, CAL, 0) is None


def test_the_alert_waits_for_the_first_working_day_overdue():
	due = date(2025, 9, 30)  # a Tuesday before the holiday
	for day in range(1, 9):  # 10-01 .. 10-08: holiday, no alert yet
		assert notice_due(due + timedelta(days=day), due, CAL, 3) is None
	assert notice_due(date(2025, 10, 9), due, CAL, 3) == DeadlineNotice.OVERDUE
	# A run missed on that day still alerts on the next one (the log keeps it to once).
	assert notice_due(date(2025, 10, 12), due, CAL, 3) == DeadlineNotice.OVERDUE


def test_a_friday_due_date_is_alerted_on_the_working_saturday_of_the_holiday_swap():
	assert notice_due(date(2025, 10, 11), DUE, CAL, 3) == DeadlineNotice.OVERDUE


def test_the_horizon_covers_every_due_date_that_calls_for_a_reminder():
	today = date(2025, 9, 26)
	horizon = reminder_horizon(today, CAL, 3)
	day = today
	while day <= horizon + timedelta(days=10):
		if notice_due(today, day, CAL, 3) is not None:
			assert day <= horizon, day
		day += timedelta(days=1)


@pytest.mark.parametrize("today", [date(2025, 9, 26), date(2025, 9, 29), date(2025, 9, 30), DUE])
def test_each_status_covers_exactly_the_due_dates_it_is_given_row_by_row(today):
	"""The report filters by these ranges in the database; across the National Day holiday they
	must agree with the status each row would get."""
	ranges = status_due_dates(today, CAL, 3)
	for offset in range(-5, 40):
		due = today + timedelta(days=offset)
		status = deadline_status(today, due, working_days_left(today, due, CAL), 3)
		first, last = ranges[status]
		assert (first is None or first <= due) and (last is None or due <= last), (due, status)
