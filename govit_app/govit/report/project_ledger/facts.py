"""What the 项目台账 shows of each project beyond the IT Project record: facts read from the
documents linked to it, one line of data per source.

Each source is read once for all projects (the newest linked document per project) and
joined into the ledger's single query, so the ledger costs the same number of queries for ten
projects or a hundred thousand. A source whose DocType (or one of whose fields) is not on the
site leaves its columns empty: the due-date and sanction columns below use the names DESIGN §2
fixes for the construction, acceptance and supervision DocTypes and fill in as soon as those
DocTypes are installed.
"""

from dataclasses import dataclass

from govit_app.rules.text import _


@dataclass(frozen=True)
class Fact:
	"""A column of the ledger taken from a source document."""

	fieldname: str  # the ledger's column
	label: str  # English, marked for translation, shown translated
	fieldtype: str
	field: str  # the source's field; "parent.<field>" for a field of a child table's parent
	overdue: bool = False  # a true value marks the project overdue (Art 16, 19)
	width: int = 110


@dataclass(frozen=True)
class FactSource:
	"""The newest `doctype` document linked to each project through `link_field`."""

	doctype: str
	facts: tuple[Fact, ...]
	link_field: str = "it_project"
	# (field, operator, value) a document must meet to count; operators "=", "<", "is set"
	conditions: tuple[tuple[str, str, object], ...] = (("docstatus", "<", 2),)
	newest_by: tuple[str, ...] = ("creation",)
	parent_doctype: str | None = None  # for a child table: its parent, whose fields read "parent.<field>"


FACT_SOURCES: list[FactSource] = [
	FactSource(
		"Project Declaration",
		(
			Fact("project_nature", _("Project Nature"), "Data", "project_nature", width=80),
			Fact("plan_year", _("Plan Year"), "Data", "plan_year", width=80),
			Fact("declaration", _("Project Declaration"), "Link", "name", width=130),
			Fact("declared_amount", _("Declared Amount"), "Float", "estimate_amount"),
			Fact("declaration_date", _("Declaration Date"), "Date", "declaration_date"),
		),
		newest_by=("plan_year", "creation"),
	),
	FactSource(
		"Annual Plan Item",
		(
			Fact("planned_amount", _("Planned Amount"), "Float", "approved_amount"),
			Fact("published_on", _("Plan Published On"), "Date", "parent.published_on"),
		),
		conditions=(("docstatus", "=", 1),),
		parent_doctype="Annual Plan",
	),
	FactSource(
		"Project Approval",
		(
			Fact("approval_no", _("Approval No."), "Data", "approval_no", width=140),
			Fact("approval_date", _("Approval Date"), "Date", "approval_date"),
		),
		conditions=(("docstatus", "=", 1),),
	),
	# Construction and acceptance (DESIGN §2, Art 15-19): due dates and overdue marks.
	FactSource(
		"Contract Filing",
		(
			Fact("contract_sign_date", _("Contract Sign Date"), "Date", "contract_sign_date"),
			Fact("contract_due_date", _("Contract Filing Due"), "Date", "due_date"),
			Fact("contract_filed_on", _("Contract Filed On"), "Date", "filed_on"),
			Fact("contract_overdue", _("Contract Filing Overdue"), "Check", "is_overdue", overdue=True),
		),
	),
	FactSource(
		"Acceptance Filing",
		(
			Fact("acceptance_due_date", _("Acceptance Filing Due"), "Date", "due_date"),
			Fact("acceptance_filed_on", _("Acceptance Filed On"), "Date", "filed_on"),
			Fact("acceptance_overdue", _("Acceptance Filing Overdue"), "Check", "is_overdue", overdue=True),
		),
	),
	# Supervision (DESIGN §2, Art 21): the newest sanction imposed on the project.
	FactSource(
		"Rectification Notice",
		(Fact("sanction", _("Sanction"), "Data", "sanction", width=130),),
		conditions=(("docstatus", "<", 2), ("sanction", "is set", None)),
	),
]
