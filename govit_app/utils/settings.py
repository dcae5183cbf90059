"""GovIT Settings as the typed value the rules expect."""

import frappe

from govit_app.rules.settings import GovITSettings

_NUMERIC = (
	"approval_threshold",
	"filing_deadline_working_days",
	"reminder_working_days",
	"review_pass_score",
	"grade_excellent_min",
	"grade_good_min",
	"grade_pass_min",
)


def settings_from_doc(doc) -> GovITSettings:
	defaults = GovITSettings()
	values = {}
	for fieldname in (*_NUMERIC, "declaration_window_start", "declaration_window_end"):
		value = doc.get(fieldname)
		values[fieldname] = getattr(defaults, fieldname) if value in (None, "") else value
	values["centralized_categories"] = tuple(
		(row.category or "").strip() for row in doc.get("centralized_categories") or []
	)
	return GovITSettings(**values)


def get_settings() -> GovITSettings:
	return settings_from_doc(frappe.get_cached_doc("GovIT Settings"))
