"""The sanctions of Art 21 on a rectification notice: recorded and lifted by the issuer or the Office.

Only a notice left unrectified past its deadline or found still non-compliant justifies a
sanction (`rules.supervision.check_sanction`). Each is a row of the notice's `sanctions`, and
the notice's `sanction` shows the heaviest in force:

- 通报批评: recorded, never lifted;
- 暂缓安排投资计划: the unit's declarations for the next plan year carry a blocking finding
  (`rules.declaration_compliance.check_investment_deferral`) until lifted;
- 暂停项目建设: the project is 已暂停 and every further document of it is refused
  (`workflow.gates.assert_project_active`) until lifted, which returns it to its stage;
- 终止项目: the project is 已终止, for good.
"""

import frappe
from frappe import _
from frappe.utils import getdate, today

from govit_app import roles as R
from govit_app.errors import NotYourStepError, throw
from govit_app.govit.doctype.rectification_notice.rectification_notice import DT, issuer_roles
from govit_app.rules import supervision as SV
from govit_app.utils.findings import throw_if_blocking
from govit_app.vocabulary import ProjectStage, Sanction
from govit_app.workflow.gates import project_stops
from govit_app.workflow.stages import set_sanction_stage

STAGE_OF = {Sanction.SUSPEND: ProjectStage.SUSPENDED, Sanction.TERMINATE: ProjectStage.TERMINATED}


@frappe.whitelist()
def record_sanction(notice: str, sanction: str, reason: str | None = None) -> dict:
	"""The issuer or the Office sanctions the unit of `notice` (Art 21)."""
	doc = sanctioning(notice)
	stops = project_stops(doc.it_project)
	throw_if_blocking(
		SV.check_sanction(
			doc.status, bool(doc.overdue_on), rows_of(doc), sanction, reason, terminated_by(stops)
		),
		DT,
		title=_("No sanction"),
	)
	row = {
		"sanction": sanction,
		"reason": reason.strip(),
		"decided_by": frappe.session.user,
		"decided_on": today(),
	}
	if sanction == Sanction.DEFER_INVESTMENT:
		row["plan_year"] = SV.deferred_plan_year(getdate())
	if sanction in STAGE_OF:
		before = set_sanction_stage(doc.it_project, STAGE_OF[sanction])
		row["stage_before"] = before if before != ProjectStage.SUSPENDED else stage_before_suspension(stops)
	doc.append("sanctions", row)
	return save(doc)


@frappe.whitelist()
def lift_sanction(notice: str, sanction: str, reason: str | None = None) -> dict:
	"""The issuer or the Office lifts a deferral or a suspension in force on `notice` (Art 21)."""
	doc = sanctioning(notice)
	stops = project_stops(doc.it_project)
	throw_if_blocking(
		SV.check_lift(rows_of(doc), sanction, reason, terminated_by(stops)), DT, title=_("Not lifted")
	)
	row = next(r for r in doc.sanctions if r.sanction == sanction and not r.lifted_on)
	row.update({"lifted_on": today(), "lifted_by": frappe.session.user, "lift_reason": reason.strip()})
	others = [stop for stop in stops if stop.sanction == Sanction.SUSPEND and stop.notice != doc.name]
	if sanction == Sanction.SUSPEND and not others:
		set_sanction_stage(doc.it_project, row.stage_before or ProjectStage.OPERATING)
	return save(doc)


def sanctioning(notice: str):
	"""The notice, if the session user acts for its issuer or for the Office."""
	doc = frappe.get_doc(DT, notice)
	doc.check_permission("read")
	if not (issuer_roles(doc.issued_by) | {R.OFFICE}) & set(frappe.get_roles()):
		throw(
			_(
				"Only {0}, which issued the notice, or the City Government Office decides a sanction (Art 21)."
			).format(frappe.bold(doc.issued_by)),
			article=21,
			exc=NotYourStepError,
			title=_("Not your step"),
		)
	return doc


def rows_of(doc) -> list[tuple[str, bool]]:
	return [(row.sanction, bool(row.lifted_on)) for row in doc.sanctions]


def terminated_by(stops: list[SV.Stop]) -> str | None:
	return next((stop.notice for stop in stops if stop.sanction == Sanction.TERMINATE), None)


def stage_before_suspension(stops: list[SV.Stop]) -> str | None:
	"""A project suspended by another notice too returns, when both are lifted, to the stage it had then."""
	notices = [stop.notice for stop in stops if stop.sanction == Sanction.SUSPEND]
	if not notices:
		return None
	return frappe.db.get_value(
		"Rectification Sanction",
		{
			"parent": notices[0],
			"parenttype": DT,
			"sanction": Sanction.SUSPEND,
			"lifted_on": ("is", "not set"),
		},
		"stage_before",
	)


def save(doc) -> dict:
	doc.sanction = SV.heaviest(rows_of(doc))
	doc.flags.process_step = True
	doc.save(ignore_permissions=True)
	return doc.as_dict()
