// 计划内项目查询 (Art 13 ¶1): in a published plan or not, which plan, which amount.
{% include "govit_app/public/js/report_filters.js" %}

frappe.query_reports["Plan Lookup"] = {
	filters: [
		{ fieldname: "project_name", label: __("Project Name"), fieldtype: "Data" },
		{ fieldname: "it_project", label: __("IT Project"), fieldtype: "Link", options: "IT Project" },
		...govit.reports.filters("unit", "plan_year"),
		{
			fieldname: "in_plan",
			label: __("In a Published Plan"),
			fieldtype: "Select",
			options: ["", ...Object.values(frappe.boot.govit.vocabulary.YesNo)],
		},
		...govit.reports.filters("page_length", "page"),
	],
	formatter(value, row, column, data, default_formatter) {
		value = default_formatter(value, row, column, data);
		if (data && column.fieldname === "in_plan") {
			const colour = data.in_plan === frappe.boot.govit.vocabulary.YesNo.YES ? "green" : "red";
			return `<span class="indicator-pill ${colour}">${value}</span>`;
		}
		return value;
	},
};
