"""Performance Evaluation (绩效评价, Art 23-24): the Office scores how a project runs.

One per project and year. Submitting it makes it the project's latest evaluation when no later
year is on record: the IT Project then shows its grade and whether Art 24 bars a renewal, and
the declaration gate (`rules.declaration_compliance.check_evaluation`) reads it from there.
Cancelling it gives the project back its previous standing. The rules are in
`govit_app.rules.evaluation`.
"""

import frappe
from frappe import _
from frappe.utils import getdate

from govit_app.rules import evaluation as E
from govit_app.rules import text
from govit_app.utils.attachments import validate_attach_values
from govit_app.utils.findings import throw_if_blocking
from govit_app.utils.settings import get_settings
from govit_app.utils.uniqueness import Unique
from govit_app.workflow.document import WorkflowDocument
from govit_app.workflow.stages import set_values

DT = "Performance Evaluation"


class PerformanceEvaluation(WorkflowDocument):
	process_fields = frozenset({"total_score", "grade", "bars_renewal", "renewal_bar_reasons"})
	unique_by = (
		Unique(
			("it_project", "evaluation_year"),
			text._("Project {0} already has a performance evaluation for {1}: {2} (Art 23)."),
			article=23,
		),
	)

	def validate_document(self):
		settings = get_settings()
		throw_if_blocking(
			[
				*E.check_year(self.evaluation_year, getdate().year),
				*E.check_scores(self.scores()),
				*(self.check_project() if self.is_new() else []),
			],
			self.doctype,
			title=_("Please correct the evaluation"),
		)
		validate_attach_values(self, [self.report], article=23)
		self.total_score = E.total_score(self.scores(), settings)
		self.grade = E.grade_of(self.total_score, settings)
		bars = E.renewal_bars(self.result(), settings) if self.grade else []
		self.bars_renewal = bool(bars)
		self.renewal_bar_reasons = reasons_text(self.result(), bars)

	def on_submit(self):
		refresh_project_standing(self.it_project)

	def on_cancel(self):
		refresh_project_standing(self.it_project)

	def scores(self) -> dict[str, float | None]:
		return {field: self.get(field) for field in E.SCORE_FIELDS}

	def check_project(self):
		stage = frappe.db.get_value("IT Project", self.it_project, "stage")
		return E.check_evaluated_stage(stage, self.it_project)

	def result(self) -> E.EvaluationResult:
		return E.EvaluationResult(
			self.name or _("this evaluation"),
			self.evaluation_year,
			self.grade or "",
			bool(self.data_shared),
			bool(self.cloud_usage_reasonable),
		)


def reasons_text(result: E.EvaluationResult, bars: list[str]) -> str:
	"""The clauses of Art 24 that bar a renewal, one a line, in the saving user's language."""
	return "\n".join(
		_(E.BAR_REASONS[clause]).format(result.name, result.evaluation_year, result.grade) for clause in bars
	)


def latest_result(project: str) -> E.EvaluationResult | None:
	"""The project's submitted evaluation of the latest year, or None."""
	rows = frappe.get_all(
		DT,
		filters={"it_project": project, "docstatus": 1},
		fields=["name", "evaluation_year", "grade", "data_shared", "cloud_usage_reasonable"],
		order_by="evaluation_year desc",
		limit=1,
	)
	if not rows:
		return None
	row = rows[0]
	return E.EvaluationResult(
		row.name, row.evaluation_year, row.grade, bool(row.data_shared), bool(row.cloud_usage_reasonable)
	)


def refresh_project_standing(project: str) -> None:
	"""The project's grade and renewal bar follow its latest evaluation (a step with a Version)."""
	result = latest_result(project)
	bars = E.renewal_bars(result, get_settings()) if result else []
	set_values(
		"IT Project",
		{
			project: {
				"latest_evaluation": result.name if result else None,
				"latest_grade": result.grade if result else None,
				"renewal_blocked": 1 if bars else 0,
				"renewal_block_reasons": reasons_text(result, bars) if result else None,
			}
		},
	)
