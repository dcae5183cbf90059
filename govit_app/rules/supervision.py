"""Supervision and rectification (Art 21), without Frappe.

有关部门按照职责分工 supervise information sharing, procurement, the use of funds, cryptography and
network security: a department issues a rectification notice only in its own field (the
mapping is GovIT Settings' `supervision_fields`). The unit answers by the deadline with a
rectification report; the issuer re-checks it (合格 / 仍不符合). An unanswered notice past its
deadline becomes 逾期未整改. 逾期不整改或者整改后仍不符合要求的 — and only then — the issuer or
the Office may sanction: 通报批评, 暂缓安排投资计划 (the unit's declarations for the next plan
year are blocked), 暂停项目建设 (every further document of the project is refused) or, finally,
终止项目. The two stops of a project are `Stop`s; a suspension can be lifted, a termination not.
"""

from dataclasses import dataclass
from datetime import date

from govit_app.rules.findings import Finding
from govit_app.rules.settings import GovITSettings, supervising_departments
from govit_app.rules.text import _
from govit_app.vocabulary import RectificationState, Sanction, Severity

# From the lightest to the heaviest (the order of Art 21).
SANCTION_ORDER: tuple[Sanction, ...] = (
	Sanction.CRITICISM,
	Sanction.DEFER_INVESTMENT,
	Sanction.SUSPEND,
	Sanction.TERMINATE,
)
# A criticism is published and stays; a termination is final. The other two last until lifted.
LIFTABLE = frozenset({Sanction.DEFER_INVESTMENT, Sanction.SUSPEND})
# The states in which a notice justifies a sanction (besides having once been overdue).
SANCTION_STATES = frozenset({RectificationState.OVERDUE, RectificationState.STILL_FAILING})
# The unit answers a notice that waits for its report, even late.
ANSWERABLE_STATES = frozenset({RectificationState.OPEN, RectificationState.OVERDUE})


@dataclass(frozen=True)
class Stop:
	"""A sanction that stops a project: 暂停项目建设 until lifted, or 终止项目."""

	notice: str
	sanction: str
	decided_on: date | str


def check_issuer(
	issue_type: str | None, issuer: str, issuer_function: str | None, s: GovITSettings
) -> list[Finding]:
	"""Art 21 按照职责分工: the issuing department supervises the notice's field."""
	departments = supervising_departments(issue_type, s)
	if issuer_function and issuer_function in departments:
		return []
	return [
		Finding(
			21,
			Severity.BLOCKING,
			_("{label}: {0} does not supervise {1}; Art 21 gives that field to {2} (GovIT Settings)."),
			"issued_by",
			(issuer, issue_type or "—", "、".join(departments) or "—"),
		)
	]


def check_deadline_days(days: int | None) -> list[Finding]:
	if days and days > 0:
		return []
	return [
		Finding(
			21,
			Severity.BLOCKING,
			_("{label}: give the unit a period of at least one working day (Art 21: 限期整改)."),
			"deadline_working_days",
		)
	]


def check_answer(
	status: str | None, report: str | None, summary: str | None, classified: bool = False
) -> list[Finding]:
	"""The unit answers a notice waiting for it with its report; a classified project's report goes
	through the secrecy channel (Art 25), so its answer is the written account of what was done."""
	findings: list[Finding] = []
	if status not in ANSWERABLE_STATES:
		findings.append(
			Finding(
				21,
				Severity.BLOCKING,
				_(
					"{label}: the notice is {0}; a rectification report answers a notice waiting for it (Art 21)."
				),
				"status",
				(status or "—",),
			)
		)
	if classified and not (summary or "").strip():
		findings.append(
			Finding(
				25,
				Severity.BLOCKING,
				_(
					"{label}: a classified project hands its report over through the secrecy channel and states here what was rectified (Art 21, Art 25)."
				),
				"rectification_summary",
			)
		)
	if not classified and not report:
		findings.append(
			Finding(
				21,
				Severity.BLOCKING,
				_("{label}: attach the rectification report (Art 21)."),
				"rectification_report",
			)
		)
	return findings


def check_recheck_opinion(opinion: str | None) -> list[Finding]:
	if (opinion or "").strip():
		return []
	return [
		Finding(
			21,
			Severity.BLOCKING,
			_("{label}: say what still does not comply (Art 21: 整改后仍不符合要求)."),
			"recheck_opinion",
		)
	]


def active(sanctions: list[tuple[str, bool]]) -> list[str]:
	"""The sanctions in force among (sanction, lifted) rows, lightest first."""
	kinds = {sanction for sanction, lifted in sanctions if not lifted}
	return [sanction for sanction in SANCTION_ORDER if sanction in kinds]


def heaviest(sanctions: list[tuple[str, bool]]) -> str:
	"""What the notice's `sanction` shows: its heaviest sanction in force."""
	in_force = active(sanctions)
	return in_force[-1] if in_force else ""


def check_sanction(
	status: str | None,
	was_overdue: bool,
	sanctions: list[tuple[str, bool]],
	sanction: str | None,
	reason: str | None,
	terminated_by: str | None = None,
) -> list[Finding]:
	"""Whether `sanction` may be recorded on a notice (Art 21)."""
	if sanction not in SANCTION_ORDER:
		return [
			Finding(
				21,
				Severity.BLOCKING,
				_("The sanctions of Art 21 are {0}."),
				"sanction",
				("、".join(SANCTION_ORDER),),
			)
		]
	if terminated_by:
		return [
			Finding(
				21,
				Severity.BLOCKING,
				_("The project was terminated by rectification notice {0}: a termination is final (Art 21)."),
				"sanction",
				(terminated_by,),
			)
		]
	findings: list[Finding] = []
	if status not in SANCTION_STATES and not was_overdue:
		findings.append(
			Finding(
				21,
				Severity.BLOCKING,
				_(
					"{label}: a sanction follows only a notice not rectified by its deadline ({0}) or found still"
					" non-compliant ({1}); this notice is {2} (Art 21)."
				),
				"sanction",
				(RectificationState.OVERDUE, RectificationState.STILL_FAILING, status or "—"),
			)
		)
	if sanction in active(sanctions):
		findings.append(
			Finding(
				21,
				Severity.BLOCKING,
				_("{label}: {0} is already in force on this notice (Art 21)."),
				"sanction",
				(sanction,),
			)
		)
	if not (reason or "").strip():
		findings.append(
			Finding(21, Severity.BLOCKING, _("{label}: a sanction states its reason (Art 21)."), "sanctions")
		)
	return findings


def check_lift(
	sanctions: list[tuple[str, bool]],
	sanction: str | None,
	reason: str | None,
	terminated_by: str | None = None,
) -> list[Finding]:
	"""Whether `sanction` may be lifted: it is in force and may end (not a criticism, not a
	termination, nothing once the project is terminated)."""
	if terminated_by and sanction != Sanction.TERMINATE:
		return [
			Finding(
				21,
				Severity.BLOCKING,
				_("The project was terminated by rectification notice {0}: a termination is final (Art 21)."),
				"sanction",
				(terminated_by,),
			)
		]
	if sanction == Sanction.TERMINATE:
		return [
			Finding(
				21,
				Severity.BLOCKING,
				_("{label}: {0} is final and cannot be lifted (Art 21)."),
				"sanction",
				(sanction,),
			)
		]
	if sanction not in LIFTABLE:
		return [
			Finding(
				21,
				Severity.BLOCKING,
				_("{label}: only {0} are lifted; {1} stands as decided (Art 21)."),
				"sanction",
				("、".join(s for s in SANCTION_ORDER if s in LIFTABLE), sanction or "—"),
			)
		]
	if sanction not in active(sanctions):
		return [
			Finding(
				21,
				Severity.BLOCKING,
				_("{label}: {0} is not in force on this notice."),
				"sanction",
				(sanction,),
			)
		]
	if not (reason or "").strip():
		return [
			Finding(
				21,
				Severity.BLOCKING,
				_("{label}: lifting a sanction states its reason (Art 21)."),
				"sanctions",
			)
		]
	return []


def check_project_active(
	project: str, stops: list[Stop], document: str, allow_suspended: bool = False
) -> list[Finding]:
	"""Art 21 (DESIGN rule 13): a suspended or terminated project takes no further document;
	`allow_suspended` lets through what answers the supervision (the rectification itself)."""
	terminations = [stop for stop in stops if stop.sanction == Sanction.TERMINATE]
	if terminations:
		stop = terminations[0]
		return [
			Finding(
				21,
				Severity.BLOCKING,
				_("No {0} for project {1}: rectification notice {2} terminated it on {3} (Art 21)."),
				None,
				(document, project, stop.notice, str(stop.decided_on)),
			)
		]
	suspensions = [stop for stop in stops if stop.sanction == Sanction.SUSPEND]
	if suspensions and not allow_suspended:
		stop = suspensions[0]
		return [
			Finding(
				21,
				Severity.BLOCKING,
				_(
					"No {0} for project {1}: rectification notice {2} suspended its construction on {3}, until"
					" the suspension is lifted (Art 21)."
				),
				None,
				(document, project, stop.notice, str(stop.decided_on)),
			)
		]
	return []


def deferred_plan_year(decided_on: date) -> int:
	"""暂缓安排投资计划 decided in year Y defers the plan the unit is declaring for: Y + 1 (Art 8)."""
	return decided_on.year + 1
