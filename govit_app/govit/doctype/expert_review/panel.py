"""The panel's result on a declaration, from all its assigned expert reviews (Art 10)."""

import frappe

from govit_app.rules.review import PanelResult, SubmittedReview, panel_result
from govit_app.utils.settings import get_settings


def update_panel(declaration: str, leaving: str | None = None) -> PanelResult | None:
	"""Give the declaration its review result once every assigned review of a complete panel is in.

	`leaving` is a review being deleted. Returns the result when this call concluded the review.
	"""
	settings = get_settings()
	rows = frappe.get_all(
		"Expert Review",
		filters={"project_declaration": declaration, "docstatus": ("<", 2), "name": ("!=", leaving or "")},
		fields=["docstatus", "total_score", "conclusion", "recommended_amount"],
		limit=0,
	)
	result = panel_result(
		[
			SubmittedReview(row.total_score or 0, row.conclusion, row.recommended_amount)
			if row.docstatus == 1
			else None
			for row in rows
		],
		settings.review_pass_score,
		settings.min_experts_per_panel,
	)
	if not result:
		return None
	frappe.get_doc("Project Declaration", declaration).record_panel_result(result)
	return result
