// 待我处理: every document waiting for the user, the most urgent first.
{% include "govit_app/public/js/report_filters.js" %}

frappe.query_reports["Waiting For Me"] = {
	filters: [
		{ fieldname: "document_type", label: __("Document Type"), fieldtype: "Link", options: "DocType" },
		...govit.reports.filters("overdue_only"),
	],
	formatter: govit.reports.formatter,
};
