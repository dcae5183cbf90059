// 年度计划汇总: the plans by year, unit and nature, with the totals and the budget.
{% include "govit_app/public/js/report_filters.js" %}

frappe.query_reports["Annual Plan Summary"] = {
	filters: govit.reports.filters("plan_year", "unit", "project_nature", "published_only"),
	formatter: govit.reports.formatter,
};
