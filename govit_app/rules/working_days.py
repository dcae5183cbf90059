"""Working days (工作日) for the deadlines of Art 16 and Art 19.

The official schedule comes from the State Council's yearly holiday notice as packaged
by `chinesecalendar`; Working Day Override rows win over it, so an administrator can
enter next year's notice before any package release knows it. For a year the package
does not cover and no override mentions, only weekends are days off, and the calendar
says so through `missing_notice_years` so that callers can warn the user.
"""

from collections.abc import Iterable, Mapping
from datetime import date, timedelta

import chinese_calendar
from chinese_calendar.constants import holidays as _official_holidays

OFFICIAL_YEARS: range = range(
	min(_official_holidays).year,
	max(_official_holidays).year + 1,
)

# A deadline never needs more than this many calendar days per working day; the bound
# only guards against an override table that declares every day a day off.
_MAX_CALENDAR_DAYS_PER_WORKING_DAY = 30


class WorkingDayCalendar:
	def __init__(self, overrides: Mapping[date, bool] | None = None):
		"""`overrides` maps a date to True (a working day, e.g. 调休上班) or False (a day off)."""
		self.overrides: dict[date, bool] = dict(overrides or {})
		self._override_years = {d.year for d in self.overrides}

	def has_notice(self, year: int) -> bool:
		"""Whether the year's holiday schedule is known (packaged, or entered as overrides)."""
		return year in OFFICIAL_YEARS or year in self._override_years

	def is_working_day(self, day: date) -> bool:
		if day in self.overrides:
			return self.overrides[day]
		if day.year in OFFICIAL_YEARS:
			return chinese_calendar.is_workday(day)
		return day.weekday() < 5

	def add_working_days(self, start: date, days: int) -> date:
		"""The date on which `days` working days after `start` have passed (start excluded).

		Art 16: a contract signed on `start` must be filed by `add_working_days(start, 10)`.
		"""
		if days < 0:
			raise ValueError("days must not be negative")
		current, counted = start, 0
		limit = start + timedelta(days=days * _MAX_CALENDAR_DAYS_PER_WORKING_DAY + 31)
		while counted < days:
			current += timedelta(days=1)
			if current > limit:
				raise ValueError("no working day found: check the Working Day Override table")
			if self.is_working_day(current):
				counted += 1
		return current

	def working_days_between(self, start: date, end: date) -> int:
		"""Working days in (start, end]; negative when end is before start."""
		if end < start:
			return -self.working_days_between(end, start)
		return sum(1 for d in _days(start + timedelta(days=1), end) if self.is_working_day(d))

	def missing_notice_years(self, start: date, end: date) -> list[int]:
		"""Years touched by [start, end] whose holiday notice is unknown (weekends only)."""
		return [y for y in range(start.year, end.year + 1) if not self.has_notice(y)]


def _days(first: date, last: date) -> Iterable[date]:
	day = first
	while day <= last:
		yield day
		day += timedelta(days=1)
