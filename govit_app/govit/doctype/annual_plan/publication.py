"""Publishing the annual plan (Art 11): its declarations and projects enter the plan.

A constant number of statements whatever the number of items, and idempotent: publishing
again leaves the same stages and amounts. A declaration's Art 12 decision now rests on the
planned amount, as the NDRC's gate judges it; a running project's stage and own amount stay
as they are (a renewal adds its year to the project's history of amounts).
"""

from govit_app.rules.declaration import approval_decision
from govit_app.rules.project_amounts import AmountRow
from govit_app.utils.settings import get_settings
from govit_app.vocabulary import DeclarationState, ProjectStage
from govit_app.workflow.amounts import record_amounts
from govit_app.workflow.stages import set_project_stage, set_values


def enter_plan(plan_year: int, annual_plan: str, items) -> None:
	"""`items` are Annual Plan Item rows (or dicts with their fields) of `annual_plan`."""
	settings = get_settings()
	declarations = {}
	for item in items:
		decision = approval_decision(item.project_nature, None, item.approved_amount or 0, settings)
		declarations[item.project_declaration] = {
			"workflow_state": DeclarationState.IN_PLAN,
			"needs_approval": int(decision.needed),
			"approval_basis": decision.basis,
			"approval_basis_amount": decision.amount,
		}
	set_values("Project Declaration", declarations)
	projects = {item.it_project: item for item in items if item.it_project}
	set_project_stage(list(projects), ProjectStage.IN_PLAN)
	record_amounts(
		{
			name: AmountRow(
				plan_year,
				item.project_declaration,
				item.project_nature or "",
				item.approved_amount or 0,
				annual_plan,
			)
			for name, item in projects.items()
		}
	)
