"""The declarations an annual plan may take, read in a constant number of queries (Art 10, 18),
and the plan row each one makes."""

import frappe

from govit_app.permissions.policy import is_classified
from govit_app.rules.declaration import needs_approval
from govit_app.rules.plan import Candidate, is_video_project
from govit_app.rules.settings import GovITSettings
from govit_app.vocabulary import DeclarationState

DECLARATION_FIELDS = (
	"name",
	"project_name",
	"plan_year",
	"workflow_state",
	"is_video_surveillance",
	"project_category",
	"recommended_amount",
	"unit",
	"it_project",
	"project_nature",
	"secrecy_level",
)


def declarations(names: list[str] | None = None, plan_year: int | None = None) -> dict[str, dict]:
	"""Declarations by name: the given ones, or those of `plan_year` that passed the review."""
	if names is not None:
		if not names:
			return {}
		filters = {"name": ("in", names)}
	else:
		filters = {"plan_year": plan_year, "workflow_state": DeclarationState.PASSED, "docstatus": 1}
	rows = frappe.get_all(
		"Project Declaration",
		filters=filters,
		fields=list(DECLARATION_FIELDS),
		order_by="unit, name",
		limit=0,
	)
	return {row.name: row for row in rows}


def candidates(rows: dict[str, dict], plan: str) -> dict[str, Candidate]:
	"""The rows as the plan rules see them, with their technical reviews and other plans."""
	names = list(rows)
	if not names:
		return {}
	reviews = dict(
		frappe.get_all(
			"Video Technical Review",
			filters={"project_declaration": ("in", names), "docstatus": 1},
			fields=["project_declaration", "result"],
			as_list=True,
		)
	)
	other_plans = dict(
		frappe.get_all(
			"Annual Plan Item",
			filters={
				"project_declaration": ("in", names),
				"parenttype": "Annual Plan",
				"parent": ("!=", plan),
			},
			fields=["project_declaration", "parent"],
			as_list=True,
		)
	)
	return {
		name: Candidate(
			declaration=name,
			project_name=row.project_name,
			plan_year=row.plan_year,
			workflow_state=row.workflow_state,
			is_video=is_video_project(row.is_video_surveillance, row.project_category),
			technical_review=reviews.get(name, ""),
			other_plan=other_plans.get(name, ""),
			recommended_amount=row.recommended_amount,
			is_classified=is_classified(row.secrecy_level),
		)
		for name, row in rows.items()
	}


def plan_item_values(
	row: dict,
	approved_amount: float | None,
	settings: GovITSettings,
	supplementary_request: str | None = None,
) -> dict:
	"""An Annual Plan Item as the declaration `row` makes it (the plan and a supplement alike)."""
	return {
		"project_name": row.project_name,
		"unit": row.unit,
		"it_project": row.it_project,
		"project_nature": row.project_nature,
		"recommended_amount": row.recommended_amount,
		"approved_amount": approved_amount,
		"needs_approval": needs_approval(row.project_nature, approved_amount, settings),
		"is_supplementary": int(bool(supplementary_request)),
		"supplementary_request": supplementary_request,
	}
