"""Where a due date stands, in working days (Art 16, 19): what the report shows and what the
daily job sends.

A unit is reminded `reminder_working_days` working days before a due date (or on the first run
inside that window) and alerted, together with the Office, once the first working day after it
has come. The job's log keeps each notice to once per due date; these functions only say which
notice the day calls for.
"""

from datetime import date, timedelta

from govit_app.rules.working_days import WorkingDayCalendar
from govit_app.vocabulary import DeadlineNotice, DeadlineStatus

# The indicator colour of each status in the desk.
COLOURS: dict[str, str] = {
	DeadlineStatus.OVERDUE: "red",
	DeadlineStatus.DUE_SOON: "orange",
	DeadlineStatus.ON_TIME: "green",
}


def working_days_left(today: date, due: date, calendar: WorkingDayCalendar) -> int:
	"""Working days from today to the due date: 0 on it, negative once it has passed."""
	return calendar.working_days_between(today, due)


def deadline_status(today: date, due: date, days_left: int, reminder_days: int) -> DeadlineStatus:
	if today > due:
		return DeadlineStatus.OVERDUE
	if days_left <= reminder_days:
		return DeadlineStatus.DUE_SOON
	return DeadlineStatus.ON_TIME


def notice_due(
	today: date, due: date, calendar: WorkingDayCalendar, reminder_days: int
) -> DeadlineNotice | None:
	"""The notice today calls for, if any (the job sends each one once per due date)."""
	if today > due:
		# Alerted on the first working day overdue (or the first run after it).
		return DeadlineNotice.OVERDUE if calendar.working_days_between(due, today) >= 1 else None
	if reminder_days > 0 and calendar.working_days_between(today, due) <= reminder_days:
		return DeadlineNotice.REMINDER
	return None


def reminder_horizon(today: date, calendar: WorkingDayCalendar, reminder_days: int) -> date:
	"""The last due date that may call for a notice today: the job reads nothing later."""
	return calendar.add_working_days(today, reminder_days + 1)


def status_due_dates(
	today: date, calendar: WorkingDayCalendar, reminder_days: int
) -> dict[DeadlineStatus, tuple[date | None, date | None]]:
	"""The due dates (first, last; None: open) of each status today, as `deadline_status` decides:
	a report filters and counts them in the database instead of judging every row."""
	# The last due date still within `reminder_days` working days: the day before the next working
	# day beyond them (holidays after the last such working day count as due soon too).
	soon_until = calendar.add_working_days(today, reminder_days + 1) - timedelta(days=1)
	return {
		DeadlineStatus.OVERDUE: (None, today - timedelta(days=1)),
		DeadlineStatus.DUE_SOON: (today, soon_until),
		DeadlineStatus.ON_TIME: (soon_until + timedelta(days=1), None),
	}
