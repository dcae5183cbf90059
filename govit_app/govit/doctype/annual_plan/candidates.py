"""The declarations an annual plan may take, read in a constant number of queries (Art 10, 18),
and the plan row each one makes."""

import frappe

from govit_app.permissions.policy import is_classified
from govit_app.rules.declaration import approval_decision, effective_nature
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
	"classified_nature",
	"secrecy_level",
	"is_in_year_addition",
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
	# The newest submitted review decides (Art 18: redone after a 不通过).
	reviews = dict(
		frappe.get_all(
			"Video Technical Review",
			filters={"project_declaration": ("in", names), "docstatus": 1},
			fields=["project_declaration", "result"],
			order_by="creation asc",
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
			is_in_year_addition=bool(row.is_in_year_addition),
		)
		for name, row in rows.items()
	}


def plan_item_values(
	row: dict,
	approved_amount: float | None,
	settings: GovITSettings,
	supplementary_request: str | None = None,
) -> dict:
	"""An Annual Plan Item as the declaration `row` makes it (the plan and a supplement alike).

	Its nature is the one the rules apply (a 其他 as the Office classified it, Art 2), and the
	planned amount decides Art 12 as the NDRC's gate will (`approval_decision`)."""
	nature = effective_nature(row.project_nature, row.classified_nature)
	return {
		"project_name": row.project_name,
		"unit": row.unit,
		"it_project": row.it_project,
		"project_nature": nature,
		"recommended_amount": row.recommended_amount,
		"approved_amount": approved_amount,
		"needs_approval": approval_decision(nature, None, approved_amount or 0, settings).needed,
		"is_supplementary": int(bool(supplementary_request)),
		"supplementary_request": supplementary_request,
	}
