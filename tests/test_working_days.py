"""The working-day calendar against the State Council's published holiday notices."""

from datetime import date

import pytest

from govit_app.rules.working_days import OFFICIAL_YEARS, WorkingDayCalendar

# (day, is a working day) from 国办发明电〔2023〕7号, 〔2024〕12号 and 〔2025〕7号.
PUBLISHED = [
	# 2024
	(date(2024, 1, 1), False),  # 元旦
	(date(2024, 2, 4), True),  # 春节调休上班 (Sunday)
	(date(2024, 2, 10), False),
	(date(2024, 2, 16), False),  # a Friday inside 春节
	(date(2024, 2, 18), True),  # 调休上班 (Sunday)
	(date(2024, 4, 7), True),  # 清明调休上班 (Sunday)
	(date(2024, 4, 28), True),  # 劳动节调休上班 (Sunday)
	(date(2024, 5, 3), False),
	(date(2024, 5, 11), True),  # Saturday 上班
	(date(2024, 6, 10), False),  # 端午
	(date(2024, 9, 14), True),  # 中秋调休上班 (Saturday)
	(date(2024, 9, 16), False),
	(date(2024, 9, 29), True),  # 国庆调休上班 (Sunday)
	(date(2024, 10, 7), False),
	(date(2024, 10, 12), True),  # Saturday 上班
	# 2025
	(date(2025, 1, 1), False),
	(date(2025, 1, 26), True),  # Sunday 上班
	(date(2025, 1, 28), False),  # 除夕
	(date(2025, 2, 4), False),
	(date(2025, 2, 8), True),  # Saturday 上班
	(date(2025, 4, 4), False),  # 清明 (Friday)
	(date(2025, 4, 27), True),  # Sunday 上班
	(date(2025, 5, 5), False),
	(date(2025, 6, 2), False),  # 端午 (Monday)
	(date(2025, 9, 28), True),  # Sunday 上班
	(date(2025, 10, 8), False),  # 国庆中秋 8th day (Wednesday)
	(date(2025, 10, 11), True),  # Saturday 上班
	# 2026
	(date(2026, 1, 2), False),  # 元旦 (Friday)
	(date(2026, 1, 4), True),  # Sunday 上班
	(date(2026, 2, 14), True),  # Saturday 上班
	(date(2026, 2, 23), False),  # 春节 9th day (Monday)
	(date(2026, 2, 28), True),  # Saturday 上班
	(date(2026, 4, 6), False),  # 清明 (Monday)
	(date(2026, 5, 5), False),  # 劳动节 (Tuesday)
	(date(2026, 5, 9), True),  # Saturday 上班
	(date(2026, 6, 19), False),  # 端午 (Friday)
	(date(2026, 9, 20), True),  # Sunday 上班
	(date(2026, 9, 25), False),  # 中秋 (Friday)
	(date(2026, 10, 7), False),  # 国庆 (Wednesday)
	(date(2026, 10, 10), True),  # Saturday 上班
	# ordinary days
	(date(2026, 3, 10), True),  # Tuesday
	(date(2026, 3, 14), False),  # Saturday
]


@pytest.mark.parametrize(("day", "working"), PUBLISHED, ids=[d.isoformat() for d, _ in PUBLISHED])
def test_published_schedule(day, working):
	assert WorkingDayCalendar().is_working_day(day) is working


def test_package_covers_the_tested_years():
	assert {2024, 2025, 2026} <= set(OFFICIAL_YEARS)


def test_ten_working_days_across_national_day_2025():
	# Signed Friday 2025-09-26: 9/28 (Sunday 上班), 9/29-30, then 10/9 on (10/11 Saturday 上班).
	cal = WorkingDayCalendar()
	assert cal.add_working_days(date(2025, 9, 26), 10) == date(2025, 10, 16)


def test_ten_working_days_across_spring_festival_2026():
	# Signed Thursday 2026-02-12: 2/13, 2/14 (Saturday 上班), then 2/24 on (2/28 Saturday 上班).
	cal = WorkingDayCalendar()
	assert cal.add_working_days(date(2026, 2, 12), 10) == date(2026, 3, 4)


def test_the_signing_day_itself_does_not_count():
	cal = WorkingDayCalendar()
	assert cal.add_working_days(date(2026, 3, 9), 1) == date(2026, 3, 10)  # Monday -> Tuesday
	assert cal.add_working_days(date(2026, 3, 13), 1) == date(2026, 3, 16)  # Friday -> Monday


def test_signing_on_a_holiday_counts_from_the_next_working_day():
	cal = WorkingDayCalendar()
	assert cal.add_working_days(date(2026, 10, 1), 1) == date(2026, 10, 8)


def test_zero_days_is_the_start_and_negative_is_refused():
	cal = WorkingDayCalendar()
	assert cal.add_working_days(date(2026, 3, 9), 0) == date(2026, 3, 9)
	with pytest.raises(ValueError):
		cal.add_working_days(date(2026, 3, 9), -1)


def test_override_wins_over_the_package():
	# An administrator turns an ordinary Tuesday into a day off and a Saturday into a working day.
	cal = WorkingDayCalendar({date(2026, 3, 10): False, date(2026, 3, 14): True})
	assert cal.is_working_day(date(2026, 3, 10)) is False
	assert cal.is_working_day(date(2026, 3, 14)) is True
	assert cal.add_working_days(date(2026, 3, 9), 5) == date(2026, 3, 16)


def test_uncovered_year_falls_back_to_weekends_and_says_the_notice_is_missing():
	year = max(OFFICIAL_YEARS) + 1
	cal = WorkingDayCalendar()
	jan1 = date(year, 1, 1)
	assert cal.has_notice(year) is False
	assert cal.missing_notice_years(date(year - 1, 12, 20), date(year, 1, 10)) == [year]
	assert cal.is_working_day(jan1) is (jan1.weekday() < 5)


def test_overrides_supply_a_missing_year():
	year = max(OFFICIAL_YEARS) + 1
	new_year = date(year, 1, 1)
	cal = WorkingDayCalendar({new_year: False})
	assert cal.has_notice(year) is True
	assert cal.missing_notice_years(new_year, new_year) == []
	assert cal.is_working_day(new_year) is False


def test_working_days_between():
	cal = WorkingDayCalendar()
	assert cal.working_days_between(date(2025, 9, 26), date(2025, 10, 16)) == 10
	assert cal.working_days_between(date(2025, 10, 16), date(2025, 9, 26)) == -10
	assert cal.working_days_between(date(2026, 3, 9), date(2026, 3, 9)) == 0


def test_a_table_of_only_days_off_fails_loudly():
	days_off = {date(2030, 1, 1).fromordinal(date(2030, 1, 1).toordinal() + i): False for i in range(400)}
	with pytest.raises(ValueError):
		WorkingDayCalendar(days_off).add_working_days(date(2030, 1, 1), 1)
