"""Every due date the app keeps, as data. The daily job (`deadlines.job`) and the report 时限预警
read this list and nothing else, one query per source.

A source is a DocType whose documents carry a due date while they are open:

    DeadlineSource(
        key="contract_filing",                 # stable id (report filter, notice log)
        doctype="Contract Filing",             # where the documents are
        kind="Contract Filing",                # what the report and the notices call it (a msgid)
        due_field="due_date",                  # a Date field
        open_filters={"workflow_state": FilingState.DRAFT},  # Frappe filters: still waiting for its step
        article=16,                            # the article that sets the due date
        unit_field="unit",                     # the responsible unit (Link Gov Unit): reminded, and scoped by
        project_field="it_project",            # the IT Project ("name" when the source is IT Project itself)
        title_field="project_name",            # what the notice names
        overdue_field="is_overdue",            # optional Check the job sets once the date has passed
    )

To add a due date (OM self-evaluation, Rectification Notice…), append a source to SOURCES.
The DocType needs `unit` and `secrecy_level` (the permission hooks of hooks.UNIT_SCOPED_DOCTYPES
keep a unit to its own records and classified ones hidden, Art 25) and read permission for the
roles that should see it in the report; a translation of `kind` in locale/zh.po.
"""

from dataclasses import dataclass, field

from govit_app.rules.construction import AWAITING_ACCEPTANCE
from govit_app.rules.text import _
from govit_app.vocabulary import FilingState, ProjectStage, RectificationState


@dataclass(frozen=True)
class DeadlineSource:
	key: str
	doctype: str
	kind: str
	due_field: str
	open_filters: dict = field(default_factory=dict)
	article: int | None = None
	unit_field: str = "unit"
	project_field: str = "it_project"
	title_field: str = "project_name"
	overdue_field: str | None = None


SOURCES: list[DeadlineSource] = [
	DeadlineSource(
		key="contract_filing",
		doctype="Contract Filing",
		kind=_("Contract Filing"),
		due_field="due_date",
		open_filters={"workflow_state": FilingState.DRAFT},
		article=16,
		overdue_field="is_overdue",
	),
	DeadlineSource(
		key="acceptance",
		doctype="IT Project",
		kind=_("Completion Acceptance"),
		due_field="acceptance_due_date",
		open_filters={"stage": ("in", list(AWAITING_ACCEPTANCE))},
		article=19,
		project_field="name",
	),
	DeadlineSource(
		key="acceptance_filing",
		doctype="Acceptance Filing",
		kind=_("Acceptance Filing"),
		due_field="due_date",
		open_filters={"workflow_state": FilingState.DRAFT},
		article=19,
		overdue_field="is_overdue",
	),
	DeadlineSource(
		key="om_self_evaluation",
		doctype="IT Project",
		kind=_("O&M Self-Evaluation"),
		due_field="om_evaluation_due_date",
		open_filters={"stage": ProjectStage.OPERATING},
		article=20,
		project_field="name",
	),
	DeadlineSource(
		key="rectification",
		doctype="Rectification Notice",
		kind=_("Rectification Report"),
		due_field="deadline",
		open_filters={"status": ("in", [RectificationState.OPEN, RectificationState.OVERDUE])},
		article=21,
	),
]


def source(key: str) -> DeadlineSource | None:
	return next((s for s in SOURCES if s.key == key), None)
