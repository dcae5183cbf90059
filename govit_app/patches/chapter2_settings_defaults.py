"""Sites installed before the Chapter 2 issue get its settings at the defaults of its time:
panels of at least 3 experts (Art 10), a cryptography plan required from MLPS level 3 (Art 7),
new projects named 80 % like one of their unit's questioned (Art 24)."""

import frappe

DEFAULTS = {"min_experts_per_panel": 3, "crypto_plan_required_from": "第三级", "similar_name_ratio": 0.8}


def execute() -> None:
	stored = frappe.db.get_singles_dict("GovIT Settings")
	for fieldname, value in DEFAULTS.items():
		if stored.get(fieldname) in (None, "", 0, "0"):
			frappe.db.set_single_value("GovIT Settings", fieldname, value)
