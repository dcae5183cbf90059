"""O&M self-evaluation (Art 20), without Frappe.

项目建设单位是运维的责任主体，应当……定期开展自评，……制定应急预案: a unit evaluates the O&M of
each of its projects in operation once a period (`om_evaluation_period`: every year, half
year or quarter), with its O&M system document, its emergency plan and the period's
incidents, and hands the self-evaluation to the Office. A period's self-evaluation is due
`om_evaluation_due_working_days` working days after the period ends.
"""

from dataclasses import dataclass
from datetime import date, timedelta

from govit_app.rules.findings import Finding
from govit_app.rules.text import _
from govit_app.rules.working_days import WorkingDayCalendar
from govit_app.vocabulary import OMEvaluationPeriod, ProjectStage, Severity

PARTS = {OMEvaluationPeriod.YEARLY: 1, OMEvaluationPeriod.HALF_YEARLY: 2, OMEvaluationPeriod.QUARTERLY: 4}
# (kind, number) -> the msgid of a period's name; {0} the year, {1} the quarter.
LABELS = {
	(OMEvaluationPeriod.YEARLY, 1): _("Year {0}"),
	(OMEvaluationPeriod.HALF_YEARLY, 1): _("First half of {0}"),
	(OMEvaluationPeriod.HALF_YEARLY, 2): _("Second half of {0}"),
	**{(OMEvaluationPeriod.QUARTERLY, n): _("Quarter {1} of {0}") for n in range(1, 5)},
}


@dataclass(frozen=True)
class Period:
	kind: str  # OMEvaluationPeriod
	year: int
	number: int = 1  # the half year or quarter; 1 for a year

	@property
	def start(self) -> date:
		months = 12 // PARTS[self.kind]
		return date(self.year, (self.number - 1) * months + 1, 1)

	@property
	def end(self) -> date:
		following = Period(self.kind, self.year, self.number + 1) if self.number < PARTS[self.kind] else None
		return (following.start if following else date(self.year + 1, 1, 1)) - timedelta(days=1)

	@property
	def message(self) -> str:
		"""The msgid of the period's name, to be formatted with (year, number) once translated."""
		return LABELS[(self.kind, self.number)]


def period_containing(kind: str, day: date) -> Period:
	months = 12 // PARTS[kind]
	return Period(kind, day.year, (day.month - 1) // months + 1)


def last_ended_period(kind: str, today: date) -> Period:
	"""The latest period that ended before `today`: the one whose self-evaluation falls due next."""
	return period_containing(kind, period_containing(kind, today).start - timedelta(days=1))


def check_period(kind: str, year: int | None, number: int | None, today: date) -> list[Finding]:
	"""The period exists for the setting and has ended: O&M is evaluated after the period."""
	parts = PARTS.get(kind, 1)
	if not year or not 2000 <= year <= 2999 or (parts > 1 and not 1 <= (number or 0) <= parts):
		return [
			Finding(
				20,
				Severity.BLOCKING,
				_("{label}: choose a year and, for a period of {0}, a number from 1 to {1} (Art 20)."),
				"period_number",
				(kind, parts),
			)
		]
	period = Period(kind, year, number if parts > 1 else 1)
	if period.end >= today:
		return [
			Finding(
				20,
				Severity.BLOCKING,
				_("{label}: the period ends on {0}; its self-evaluation is made once it has ended (Art 20)."),
				"period_year",
				(period.end.isoformat(),),
			)
		]
	return []


def check_stage(stage: str | None, project: str) -> list[Finding]:
	if stage == ProjectStage.OPERATING:
		return []
	return [
		Finding(
			20,
			Severity.BLOCKING,
			_("{label}: project {0} is {1}; O&M is self-evaluated for a project in operation ({2}, Art 20)."),
			"it_project",
			(project, stage or "—", ProjectStage.OPERATING),
		)
	]


@dataclass(frozen=True)
class Incident:
	idx: int
	occurred_on: date | None
	resolved_on: date | None = None


def check_incidents(incidents: list[Incident], period: Period) -> list[Finding]:
	findings: list[Finding] = []
	for row in incidents:
		if row.occurred_on and not period.start <= row.occurred_on <= period.end:
			findings.append(
				Finding(
					20,
					Severity.BLOCKING,
					_("{label}, row {0}: {1} is outside the period {2} to {3} (Art 20)."),
					"incidents",
					(row.idx, row.occurred_on.isoformat(), period.start.isoformat(), period.end.isoformat()),
				)
			)
		if row.occurred_on and row.resolved_on and row.resolved_on < row.occurred_on:
			findings.append(
				Finding(
					None,
					Severity.BLOCKING,
					_("{label}, row {0}: an incident is resolved after it occurred."),
					"incidents",
					(row.idx,),
				)
			)
	return findings


def check_return_reason(reason: str | None) -> list[Finding]:
	"""A self-evaluation goes back to its unit with what to change."""
	if (reason or "").strip():
		return []
	return [
		Finding(
			20, Severity.BLOCKING, _("{label}: say what the unit should change (Art 20)."), "return_reason"
		)
	]


def check_complete(
	om_system_document: str | None, emergency_plan: str | None, summary: str | None, classified: bool = False
) -> list[Finding]:
	"""Handed in with the O&M system document, the emergency plan and an account of the period; a
	classified project's documents go through the secrecy channel (Art 25), not into this system."""
	required = [("summary", (summary or "").strip())]
	if not classified:
		required = [("om_system_document", om_system_document), ("emergency_plan", emergency_plan), *required]
	return [
		Finding(
			20, Severity.BLOCKING, _("{label}: required to hand in the self-evaluation (Art 20)."), fieldname
		)
		for fieldname, value in required
		if not value
	]


def period_due(period: Period, calendar: WorkingDayCalendar, working_days: int) -> date:
	"""A period's self-evaluation is due `working_days` working days after the period ends."""
	return calendar.add_working_days(period.end, working_days)


def next_due(
	kind: str, today: date, handed_in: set[date], calendar: WorkingDayCalendar, working_days: int
) -> date:
	"""The due date a project in operation owes next: the last ended period's while its
	self-evaluation (known by the period's first day) is not handed in, then the current one's."""
	last = last_ended_period(kind, today)
	period = last if last.start not in handed_in else period_containing(kind, today)
	return period_due(period, calendar, working_days)
