// 项目台账: every project with its amounts, dates, due dates, grade and sanction.
{% include "govit_app/public/js/report_filters.js" %}

frappe.query_reports["Project Ledger"] = {
	filters: govit.reports.filters("unit", "plan_year", "project_nature", "stage", "project_category", "overdue_only", "page_length", "page"),
	formatter: govit.reports.formatter,
};
