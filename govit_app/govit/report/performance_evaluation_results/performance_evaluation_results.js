// 绩效评价结果: filters by year, unit and grade (Art 23, 24).
{% include "govit_app/public/js/report_filters.js" %}

frappe.query_reports["Performance Evaluation Results"] = {
	filters: [
		{ fieldname: "evaluation_year", label: __("Evaluation Year"), fieldtype: "Int" },
		...govit.reports.filters("unit"),
		{
			fieldname: "grade",
			label: __("Grade"),
			fieldtype: "Select",
			options: ["", ...Object.values(frappe.boot.govit.vocabulary.Grade)],
		},
	],
	formatter(value, row, column, data, default_formatter) {
		value = default_formatter(value, row, column, data);
		if (column.fieldname === "grade" && data && data.bars_renewal) {
			value = `<span style="color: var(--red-600)">${value}</span>`;
		}
		return value;
	},
};
