"""GovIT Settings as the typed value the rules expect."""

import frappe

from govit_app.rules.settings import (
	DEFAULT_EVALUATION_WEIGHTS,
	GovITSettings,
	MaterialRequirement,
	NatureRule,
	SupervisionField,
	parse_extensions,
)

_NUMERIC = (
	"approval_threshold",
	"filing_deadline_working_days",
	"reminder_working_days",
	"review_pass_score",
	"min_experts_per_panel",
	"similar_name_ratio",
	"grade_excellent_min",
	"grade_good_min",
	"grade_pass_min",
	"attachment_max_mb",
	"rectification_working_days",
	"om_evaluation_due_working_days",
)


def settings_from_doc(doc) -> GovITSettings:
	defaults = GovITSettings()
	values = {}
	for fieldname in (
		*_NUMERIC,
		"declaration_window_start",
		"declaration_window_end",
		"om_evaluation_period",
		"crypto_plan_required_from",
	):
		value, default = doc.get(fieldname), getattr(defaults, fieldname)
		# A default copied from the DocType JSON arrives as text ("20"): give it the field's type.
		values[fieldname] = default if value in (None, "") else type(default)(value)
	values["centralized_categories"] = tuple(
		(row.category or "").strip() for row in doc.get("centralized_categories") or []
	)
	values["nature_rules"] = tuple(
		NatureRule(
			row.project_nature,
			needs_approval=bool(row.needs_approval),
			is_renewal=bool(row.is_renewal),
			needs_security_plan=bool(row.needs_security_plan),
		)
		for row in doc.get("nature_rules") or []
	)
	values["material_requirements"] = tuple(
		MaterialRequirement(
			(row.material_type or "").strip(),
			row.project_nature or "",
			is_required=bool(row.is_required),
			alternative_group=(row.alternative_group or "").strip(),
		)
		for row in doc.get("material_requirements") or []
	)
	for fieldname in (
		"plan_countersign_departments",
		"supplementary_consult_departments",
		"acceptance_filing_departments",
	):
		values[fieldname] = tuple(row.department_function for row in doc.get(fieldname) or [])
	values["acceptance_filing_documents"] = tuple(
		(row.document_type or "").strip() for row in doc.get("acceptance_filing_documents") or []
	)
	for fieldname in ("attachment_extensions", "refused_upload_extensions"):
		if doc.get(fieldname):
			values[fieldname] = parse_extensions(doc.get(fieldname))
	values["evaluation_weights"] = tuple(
		(aspect, default if doc.get(f"weight_{aspect}") in (None, "") else float(doc.get(f"weight_{aspect}")))
		for aspect, default in DEFAULT_EVALUATION_WEIGHTS
	)
	values["renewal_blocking_grades"] = tuple(row.grade for row in doc.get("renewal_blocking_grades") or [])
	values["supervision_fields"] = tuple(
		SupervisionField(row.issue_type, row.department_function)
		for row in doc.get("supervision_fields") or []
	)
	return GovITSettings(**values)


def get_settings() -> GovITSettings:
	"""Parsed once per cached document: a save of GovIT Settings clears the cache, and the next
	read is a new document, parsed anew."""
	doc = frappe.get_cached_doc("GovIT Settings")
	parsed = getattr(frappe.local, "govit_settings", None)
	if parsed is None or parsed[0] is not doc:
		parsed = frappe.local.govit_settings = (doc, settings_from_doc(doc))
	return parsed[1]
