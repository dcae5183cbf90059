"""When each project in operation owes its next O&M self-evaluation (Art 20): IT Project's
`om_evaluation_due_date`, the due date `deadlines.sources` hands to the daily reminders and
the report 时限预警.

Kept by a daily job and whenever a unit hands a self-evaluation in, for any number of projects
in a constant number of queries: the projects, the self-evaluations handed in for the last
ended period, and `workflow.stages.set_values` for the dates that change.
"""

import frappe
from frappe.utils import getdate

from govit_app.rules import om
from govit_app.utils.calendar import get_calendar
from govit_app.utils.settings import get_settings
from govit_app.vocabulary import OMEvaluationState, ProjectStage
from govit_app.workflow.stages import set_values

HANDED_IN = (OMEvaluationState.SUBMITTED, OMEvaluationState.RECEIVED)


def refresh_om_due_dates(projects: list[str] | None = None) -> None:
	"""Give every project in operation (or only `projects`) the due date it owes next."""
	filters = {"stage": ProjectStage.OPERATING}
	if projects is not None:
		filters["name"] = ("in", projects or [""])
	current = dict(
		frappe.get_all("IT Project", filters=filters, fields=["name", "om_evaluation_due_date"], as_list=True)
	)
	if not current:
		return
	settings, today, calendar = get_settings(), getdate(), get_calendar()
	last = om.last_ended_period(settings.om_evaluation_period, today)
	handed_in: dict[str, set] = {}
	for row in frappe.get_all(
		"OM Self Evaluation",
		filters={
			"it_project": ("in", list(current)),
			"period_start": last.start,
			"workflow_state": ("in", HANDED_IN),
		},
		fields=["it_project", "period_start"],
		limit=0,
	):
		handed_in.setdefault(row.it_project, set()).add(getdate(row.period_start))
	changes = {}
	for project, due in current.items():
		owed = om.next_due(
			settings.om_evaluation_period,
			today,
			handed_in.get(project, set()),
			calendar,
			settings.om_evaluation_due_working_days,
		)
		if not due or getdate(due) != owed:
			changes[project] = {"om_evaluation_due_date": owed}
	set_values("IT Project", changes)
