"""What the 项目台账 shows of each project beyond its own process fields: facts of the documents
linked to it, kept on the IT Project (section 台账信息) so that the ledger reads one table whatever
the number of projects, and filters and adds them up in the database.

Each fact is copied from the newest counting document of its source whenever one of that
source's documents changes (`refresh`, called from `hooks.doc_events` and from bulk writes of
`workflow.stages.set_values`): one UPDATE statement per source, for one project or all of them.
The facts are copies, never typed: `ITProject` refuses a write to them.
"""

from dataclasses import dataclass

import frappe

from govit_app.rules.text import _
from govit_app.utils.reports import sql_in


@dataclass(frozen=True)
class Fact:
	"""A column of the ledger taken from a source document."""

	fieldname: str  # the IT Project's field and the ledger's column
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
			Fact("acceptance_filing_due", _("Acceptance Filing Due"), "Date", "due_date"),
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

FACT_FIELDS: tuple[str, ...] = tuple(fact.fieldname for source in FACT_SOURCES for fact in source.facts)
# A true value of one of these marks the project overdue (Art 16, 19).
OVERDUE_FIELDS: tuple[str, ...] = tuple(
	fact.fieldname for source in FACT_SOURCES for fact in source.facts if fact.overdue
)
# The DocTypes whose documents' changes move facts: a source, or the parent of a source's rows
# (the rows of a plan change with their plan).
SOURCE_DOCTYPES: frozenset[str] = frozenset(
	source.parent_doctype or source.doctype for source in FACT_SOURCES
)


def on_change(doc, method: str | None = None) -> None:
	"""Doc event of a source DocType: refresh the facts of the projects `doc` links, before and
	after the change (a deleted document, a moved link, a plan's rows)."""
	projects = set(linked_projects(doc))
	before = doc.get_doc_before_save() if method != "after_delete" else None
	if before:
		projects.update(linked_projects(before))
	refresh(doc.doctype, sorted(p for p in projects if p))


def linked_projects(doc) -> list[str]:
	"""The projects `doc` links: its own, or its rows' when it is the parent of a source (a plan)."""
	rows = [doc, *(row for row in doc.get_all_children() if row.doctype in row_doctypes(doc.doctype))]
	return [row.get("it_project") for row in rows if row.get("it_project")]


def row_doctypes(parent: str) -> set[str]:
	return {source.doctype for source in FACT_SOURCES if source.parent_doctype == parent}


def refresh_documents(doctype: str, names: list[str]) -> None:
	"""After a bulk write of `doctype`'s documents `names` (no doc events): refresh their projects."""
	if doctype not in SOURCE_DOCTYPES or not names:
		return
	projects = {
		project
		for table in row_doctypes(doctype) or {doctype}
		for project in frappe.get_all(
			table,
			filters={"parent" if table != doctype else "name": ("in", names)},
			pluck="it_project",
			limit=0,
		)
	}
	refresh(doctype, sorted(p for p in projects if p))


def refresh(doctype: str | None = None, projects: list[str] | None = None) -> None:
	"""Copy onto `projects` (every project when None) the facts of the sources of `doctype`
	(every source when None): one statement per source. A project whose source has no counting
	document left gets the fact emptied."""
	if projects is not None and not projects:
		return
	for source in FACT_SOURCES:
		if doctype in (None, source.doctype, source.parent_doctype):
			frappe.db.sql(update_statement(source, projects))


def update_statement(source: FactSource, projects: list[str] | None) -> str:
	assignments = ", ".join(f"p.`{fact.fieldname}` = {emptied(fact)}" for fact in source.facts)
	where = f"where p.`name` in {sql_in(projects)}" if projects is not None else ""
	return (
		f"update `tabIT Project` p left join ({newest(source, projects)}) f on f.`_project` = p.`name`"
		f" set {assignments} {where}"
	)


def emptied(fact: Fact) -> str:
	"""The fact from the joined source, or its empty value when there is none (numbers are never null)."""
	value = f"f.`{fact.fieldname}`"
	return f"ifnull({value}, 0)" if fact.fieldtype in ("Float", "Check") else value


def newest(source: FactSource, projects: list[str] | None) -> str:
	"""The newest counting document of `source` per project (of `projects` when given), with its
	facts as columns."""
	parent_join = (
		f" join `tab{source.parent_doctype}` parent on parent.`name` = t.`parent`"
		f" and t.`parenttype` = {frappe.db.escape(source.parent_doctype)}"
		if source.parent_doctype
		else ""
	)
	where = [f"t.`{source.link_field}` is not null", *(condition(c) for c in source.conditions)]
	if projects is not None:
		where.append(f"t.`{source.link_field}` in {sql_in(projects)}")
	order = ", ".join(f"t.`{field}` desc" for field in source.newest_by)
	facts = ", ".join(f"{sql_field(fact)} as `{fact.fieldname}`" for fact in source.facts)
	return (
		f"select * from (select t.`{source.link_field}` as `_project`, {facts},"
		f" row_number() over (partition by t.`{source.link_field}` order by {order}) as `_rank`"
		f" from `tab{source.doctype}` t{parent_join} where {' and '.join(where)}) ranked where `_rank` = 1"
	)


def sql_field(fact: Fact) -> str:
	field = (
		f"parent.`{fact.field.removeprefix('parent.')}`"
		if fact.field.startswith("parent.")
		else f"t.`{fact.field}`"
	)
	# A number kept as text (a year) is not added up.
	return f"cast({field} as char)" if fact.fieldtype == "Data" else field


def condition(spec: tuple[str, str, object]) -> str:
	field, operator, value = spec
	if operator == "is set":
		return f"ifnull(t.`{field}`, '') != ''"
	if operator not in ("=", "<"):
		raise ValueError(f"unsupported operator {operator}")
	return f"t.`{field}` {operator} {frappe.db.escape(value)}"
