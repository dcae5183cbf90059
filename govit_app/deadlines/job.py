"""The daily deadline job (hooks `scheduler_events`): remind before, alert after, each once.

For every open due date of `deadlines.sources` the day calls for at most one notice
(`rules.deadlines.notice_due`): a reminder to the responsible unit `reminder_working_days`
working days before, an alert to the unit and the Office from the first working day overdue.
A GovIT Deadline Notice row (unique key: document, due date, notice) records each one, so a
rerun, or a run after a missed day, sends nothing twice; an extension's new due date is a new
key. Open documents past their due date are marked overdue (`overdue_field`).

The number of queries does not grow with the number of projects: one read per source, one for
the notices already sent, one for the users of the units concerned, one for the Office, two bulk
inserts (one statement per 10,000 rows), and three statements per source whose overdue marks
change (`workflow.stages.set_values`).
"""

from dataclasses import dataclass
from datetime import date

import frappe
from frappe import _
from frappe.utils import getdate, now_datetime, nowdate

from govit_app import roles as R
from govit_app.deadlines.reading import OpenDeadline, open_deadlines
from govit_app.rules.deadlines import notice_due, reminder_horizon, working_days_left
from govit_app.rules.text import article_label
from govit_app.utils.calendar import get_calendar
from govit_app.utils.settings import get_settings
from govit_app.vocabulary import DeadlineNotice
from govit_app.workflow.actors import users_by_unit, users_with_role
from govit_app.workflow.stages import set_values

LOG = "GovIT Deadline Notice"


@dataclass(frozen=True)
class Notice:
	deadline: OpenDeadline
	notice: DeadlineNotice
	days_left: int

	@property
	def key(self) -> str:
		d = self.deadline
		return f"{d.source.doctype}|{d.name}|{d.due.isoformat()}|{self.notice}"


def send_deadline_notices(today: date | str | None = None) -> dict[str, int]:
	"""Send today's reminders and alerts; returns how many of each were sent."""
	today = getdate(today or nowdate())
	settings, calendar = get_settings(), get_calendar()
	days = settings.reminder_working_days
	deadlines = open_deadlines(up_to=reminder_horizon(today, calendar, days))
	# Many documents share a due date: what it calls for is worked out once.
	by_due = {
		due: (notice_due(today, due, calendar, days), working_days_left(today, due, calendar))
		for due in {d.due for d in deadlines}
	}
	notices = [Notice(d, by_due[d.due][0], by_due[d.due][1]) for d in deadlines if by_due[d.due][0]]
	mark_overdue([d for d in deadlines if d.due < today and d.source.overdue_field and not d.is_overdue])
	sent = already_sent([n.key for n in notices])
	new = [n for n in notices if n.key not in sent]
	if new:
		send(new, today)
	return {str(kind): sum(1 for n in new if n.notice == kind) for kind in DeadlineNotice}


def already_sent(keys: list[str]) -> set[str]:
	if not keys:
		return set()
	return set(frappe.get_all(LOG, filters={"key": ("in", keys)}, pluck="key", limit=0))


def mark_overdue(deadlines: list[OpenDeadline]) -> None:
	"""An open document past its due date is marked overdue, on its trail (a Version each)."""
	by_doctype: dict[str, dict[str, dict]] = {}
	for d in deadlines:
		by_doctype.setdefault(d.source.doctype, {})[d.name] = {d.source.overdue_field: 1}
	for doctype, changes in by_doctype.items():
		set_values(doctype, changes)


def recipients(notices: list[Notice]) -> dict[str, list[str]]:
	"""Notice key -> users: the unit's users, and for an alert the Office too."""
	members = users_by_unit(R.UNIT_USER, sorted({n.deadline.unit for n in notices if n.deadline.unit}))
	office = users_with_role(R.OFFICE) if any(n.notice == DeadlineNotice.OVERDUE for n in notices) else []
	return {
		n.key: sorted(
			{*members.get(n.deadline.unit, []), *(office if n.notice == DeadlineNotice.OVERDUE else [])}
		)
		for n in notices
	}


def message(n: Notice) -> str:
	d = n.deadline
	article = _(article_label(d.source.article))
	if n.notice == DeadlineNotice.REMINDER:
		text = _("{0} of {1} is due on {2}: {3} working days left ({4}).")
		return text.format(_(d.source.kind), d.title, d.due.isoformat(), n.days_left, article)
	text = _("{0} of {1} was due on {2} and is overdue ({3}).")
	return text.format(_(d.source.kind), d.title, d.due.isoformat(), article)


def send(notices: list[Notice], today: date) -> None:
	"""The notices in the desk's bell (Notification Log) and in the log, two bulk inserts (of up to
	10,000 rows a statement). Bulk inserts skip Notification Log's own e-mail and realtime push:
	the bell shows them at the next page load."""
	users = recipients(notices)
	now, sender = now_datetime(), frappe.session.user
	logs, rows = [], []
	for n in notices:
		d, subject = n.deadline, message(n)
		for user in users[n.key]:
			logs.append(
				(
					frappe.generate_hash(length=10),
					now,
					now,
					sender,
					sender,
					subject,
					user,
					"Alert",
					d.source.doctype,
					d.name,
					sender,
					0,
				)
			)
		rows.append(
			(
				frappe.generate_hash(length=10),
				now,
				now,
				sender,
				sender,
				n.key,
				d.source.doctype,
				d.name,
				n.notice,
				d.it_project,
				d.unit,
				d.due,
				today,
				"\n".join(users[n.key]),
			)
		)
	frappe.db.bulk_insert(
		"Notification Log",
		fields=[
			"name",
			"creation",
			"modified",
			"owner",
			"modified_by",
			"subject",
			"for_user",
			"type",
			"document_type",
			"document_name",
			"from_user",
			"read",
		],
		values=logs,
	)
	frappe.db.bulk_insert(
		LOG,
		fields=[
			"name",
			"creation",
			"modified",
			"owner",
			"modified_by",
			"key",
			"reference_doctype",
			"reference_name",
			"notice",
			"it_project",
			"unit",
			"due_date",
			"sent_on",
			"recipients",
		],
		values=rows,
		ignore_duplicates=True,
	)
