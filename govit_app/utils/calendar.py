"""The working-day calendar of this site: the official schedule plus Working Day Override rows."""

from datetime import date

import frappe
from frappe import _
from frappe.utils import getdate

from govit_app.rules.working_days import WorkingDayCalendar

_CACHE_KEY = "govit_working_day_overrides"


def get_calendar() -> WorkingDayCalendar:
	"""One query per cache lifetime, whatever the number of deadlines computed."""
	overrides = frappe.cache.get_value(_CACHE_KEY)
	if overrides is None:
		rows = frappe.get_all("Working Day Override", fields=["date", "is_working_day"], limit=0)
		overrides = {str(r.date): bool(r.is_working_day) for r in rows}
		frappe.cache.set_value(_CACHE_KEY, overrides)
	return WorkingDayCalendar({getdate(d): v for d, v in overrides.items()})


def clear_calendar_cache(*_args, **_kwargs) -> None:
	frappe.cache.delete_value(_CACHE_KEY)


def add_working_days(start: date | str, days: int, warn: bool = True) -> date:
	"""`days` working days after `start`; warns when a year's holiday notice is missing."""
	start = getdate(start)
	calendar = get_calendar()
	due = calendar.add_working_days(start, days)
	if warn:
		for year in calendar.missing_notice_years(start, due):
			frappe.msgprint(
				_(
					"The State Council holiday notice for {0} is not in the calendar yet: weekends only are"
					" counted as days off. Enter the year's holidays under Working Day Override."
				).format(year),
				title=_("Holiday calendar incomplete"),
				indicator="orange",
			)
	return due
