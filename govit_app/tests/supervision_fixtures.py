"""Fixtures for the O&M, supervision and evaluation tests (Art 6, 20-24): projects in operation,
evaluations and notices made as their users make them, and a second user of the departments
that re-check (nobody re-checks the notice they issued).

Projects are recorded as the Office records a project running before this system (through
`set_project_stage`, so their history holds the move); everything is committed so that the
REST requests of the tests see it, and named `_Test …` so that reruns find it again.
"""

import frappe

from govit_app import roles as R
from govit_app.rules.evaluation import SCORE_FIELDS
from govit_app.tests.plan_fixtures import Actors, delete_rows
from govit_app.tests.utils import ensure_unit, ensure_user
from govit_app.vocabulary import ProjectStage
from govit_app.workflow.stages import set_project_stage

SUPERVISION_DOCTYPES = (
	"Information Resource Request",
	"Information Resource",
	"Rectification Notice",
	"OM Self Evaluation",
	"Performance Evaluation",
)


class SupervisionActors(Actors):
	def __init__(self):
		super().__init__()
		self.finance2 = ensure_user("govit-finance2@test.local", [R.FINANCE])
		self.cac2 = ensure_user("govit-cac2@test.local", [R.CYBERSPACE])
		self.civil = ensure_unit("_Test 民政局")
		self.civil_user = ensure_user("govit-civil@test.local", [R.UNIT_USER], (self.civil,))


def operating_project(name: str, unit: str, stage: ProjectStage = ProjectStage.OPERATING, **values) -> str:
	"""A project of `unit` at `stage` with nothing linked to it: earlier runs' records are removed."""
	existing = frappe.get_all("IT Project", filters={"project_name": name}, pluck="name")
	clear_projects(existing)
	project = frappe.get_doc(
		{
			"doctype": "IT Project",
			"project_name": name,
			"unit": unit,
			"project_category": "业务应用",
			**values,
		}
	).insert(ignore_permissions=True)
	set_project_stage([project.name], stage)
	frappe.db.commit()
	return project.name


def clear_projects(projects: list[str]) -> None:
	"""Remove test projects with their supervision records and declarations."""
	if not projects:
		return
	resources = frappe.get_all("Information Resource", filters={"it_project": ("in", projects)}, pluck="name")
	delete_rows(
		"Information Resource Request",
		frappe.get_all(
			"Information Resource Request",
			filters={"information_resource": ("in", resources or [""])},
			pluck="name",
		),
	)
	for doctype in SUPERVISION_DOCTYPES[1:]:
		delete_rows(doctype, frappe.get_all(doctype, filters={"it_project": ("in", projects)}, pluck="name"))
	declarations = frappe.get_all(
		"Project Declaration", filters={"it_project": ("in", projects)}, pluck="name"
	)
	delete_rows("Project Declaration", declarations)
	delete_rows("IT Project", projects)
	frappe.db.commit()


def scores(value: float = 85, **changes) -> dict:
	return {**dict.fromkeys(SCORE_FIELDS, value), **changes}


def evaluation_values(project: str, year: int, value: float = 85, **changes) -> dict:
	return {
		"it_project": project,
		"evaluation_year": year,
		"evaluation_method": "第三方机构评价",
		"evaluator": "江苏某绩效评价咨询有限公司",
		**scores(value),
		**changes,
	}
