"""The daily deadline job (hooks `scheduler_events`): remind before, alert after, each once.

For every open due date of `deadlines.sources` the day calls for at most one notice
(`rules.deadlines.notice_due`): a reminder to the responsible unit `reminder_working_days`
working days before, an alert to the unit and the Office from the first working day overdue
(the Office, which sees every unit's documents, gets the day's newly overdue ones in one digest).
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
from frappe.translate import print_language
from frappe.utils import escape_html, getdate, nowdate

from govit_app import roles as R
from govit_app.deadlines.reading import OpenDeadline, open_deadlines
from govit_app.deadlines.sources import SOURCES
from govit_app.rules.deadlines import notice_due, reminder_horizon, working_days_left
from govit_app.rules.text import article_label
from govit_app.utils.bulk import insert_rows
from govit_app.utils.calendar import get_calendar
from govit_app.utils.settings import get_settings
from govit_app.vocabulary import DeadlineNotice
from govit_app.workflow.actors import users_by_unit, users_with_role
from govit_app.workflow.stages import set_values

LOG = "GovIT Deadline Notice"
REPORT_LINK = "/app/query-report/Deadline Alerts"
# How many overdue documents the Office's daily digest lists by name; the report has them all.
DIGEST_LINES = 50


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
		# In the city's language (System Settings), whichever language the process runs in.
		with print_language(frappe.get_system_settings("language")):
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


def unit_recipients(notices: list[Notice]) -> dict[str, list[str]]:
	"""Notice key -> the users of the document's unit."""
	members = users_by_unit(R.UNIT_USER, sorted({n.deadline.unit for n in notices if n.deadline.unit}))
	return {n.key: members.get(n.deadline.unit, []) for n in notices}


class Wording:
	"""The notices' texts, translated once per run rather than once per notice."""

	def __init__(self):
		self.reminder = _("{0} of {1} is due on {2}: {3} working days left ({4}).")
		self.overdue = _("{0} of {1} was due on {2} and is overdue ({3}).")
		self.labels = {s.key: (_(s.kind), _(article_label(s.article))) for s in SOURCES}

	def message(self, n: Notice) -> str:
		d = n.deadline
		kind, article = self.labels[d.source.key]
		if n.notice == DeadlineNotice.REMINDER:
			return self.reminder.format(kind, d.title, d.due.isoformat(), n.days_left, article)
		return self.overdue.format(kind, d.title, d.due.isoformat(), article)


def office_digest(overdue: list[Notice], wording: Wording) -> tuple[str, str]:
	"""The Office's alert: the day's newly overdue documents in one message (it sees every unit's)."""
	subject = _("{0} documents became overdue today; see the report Deadline Alerts.").format(len(overdue))
	lines = "".join(
		f"<li>{escape_html(wording.message(n))}（{escape_html(n.deadline.unit or '')}，{n.deadline.name}）</li>"
		for n in overdue[:DIGEST_LINES]
	)
	more = len(overdue) - DIGEST_LINES
	if more > 0:
		lines += f"<li>{_('and {0} more').format(more)}</li>"
	return subject, f"<ul>{lines}</ul>"


def send(notices: list[Notice], today: date) -> None:
	"""Each notice in the unit's bell (Notification Log), the Office's digest of the overdue ones, and
	the log; bulk inserts, which skip Notification Log's own e-mail and realtime push: the bell shows
	them at the next page load."""
	unit_users = unit_recipients(notices)
	wording = Wording()
	overdue = [n for n in notices if n.notice == DeadlineNotice.OVERDUE]
	office = users_with_role(R.OFFICE) if overdue else []
	sender = frappe.session.user

	def bell(
		subject: str,
		user: str,
		doctype: str | None = None,
		name: str | None = None,
		content: str = "",
		link: str = "",
	) -> dict:
		return {
			"subject": subject,
			"for_user": user,
			"type": "Alert",
			"document_type": doctype,
			"document_name": name,
			"from_user": sender,
			"read": 0,
			"email_content": content,
			"link": link,
		}

	bells = [
		bell(wording.message(n), user, n.deadline.source.doctype, n.deadline.name)
		for n in notices
		for user in unit_users[n.key]
	]
	if office:
		subject, content = office_digest(overdue, wording)
		bells += [bell(subject, user, content=content, link=REPORT_LINK) for user in office]
	insert_rows("Notification Log", bells)
	insert_rows(
		LOG,
		[
			{
				"key": n.key,
				"reference_doctype": n.deadline.source.doctype,
				"reference_name": n.deadline.name,
				"notice": n.notice,
				"it_project": n.deadline.it_project,
				"unit": n.deadline.unit,
				"due_date": n.deadline.due,
				"sent_on": today,
				"recipients": "\n".join(
					[*unit_users[n.key], *(office if n.notice == DeadlineNotice.OVERDUE else [])]
				),
			}
			for n in notices
		],
		ignore_duplicates=True,
	)
