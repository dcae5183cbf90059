"""Sites installed before the O&M, supervision and evaluation issue get its settings (Art 20, 21,
23, 24) as they were defined then: the evaluation weights, the grades barring a renewal, the
departments supervising each field and the periods."""

import frappe

from govit_app.patches.settings_tables import fill_empty_tables


def execute() -> None:
	for fieldname, value in {
		"weight_operation": 20,
		"weight_integration": 15,
		"weight_cost_benefit": 15,
		"weight_effectiveness": 20,
		"weight_information_security": 20,
		"weight_innovation": 10,
		"rectification_working_days": 20,
		"om_evaluation_period": "每年",
		"om_evaluation_due_working_days": 20,
	}.items():
		if frappe.db.get_single_value("GovIT Settings", fieldname) in (None, "", 0):
			frappe.db.set_single_value("GovIT Settings", fieldname, value)
	fill_empty_tables(
		{
			"renewal_blocking_grades": [{"grade": grade} for grade in ("合格", "不合格")],
			"supervision_fields": [
				{"issue_type": issue_type, "department_function": department}
				for issue_type, department in (
					("信息共享", "市政府办公室"),
					("招标采购", "市财政局"),
					("资金使用", "市财政局"),
					("密码应用", "市保密局"),
					("网络安全", "市委网信办"),
					("网络安全", "市公安局"),
					("其他", "市政府办公室"),
				)
			],
		}
	)
