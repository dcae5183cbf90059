"""Publishing the annual plan (Art 11): its declarations and projects enter the plan.

Six statements whatever the number of items, and idempotent: publishing again leaves the
same stages and amounts.
"""

from govit_app.vocabulary import DeclarationState, ProjectStage
from govit_app.workflow.stages import set_declaration_state, set_project_stage


def enter_plan(items) -> None:
	"""`items` are Annual Plan Item rows (or dicts with their fields)."""
	set_declaration_state([item.project_declaration for item in items], DeclarationState.IN_PLAN)
	amounts = {item.it_project: item.approved_amount for item in items if item.it_project}
	set_project_stage(list(amounts), ProjectStage.IN_PLAN, approved_amounts=amounts)
