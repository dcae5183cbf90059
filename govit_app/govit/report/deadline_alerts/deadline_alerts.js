// 时限预警: open due dates in working days, coloured (red overdue, orange due soon, green on time).
{% include "govit_app/public/js/report_filters.js" %}

frappe.query_reports["Deadline Alerts"] = {
	filters: [
		...govit.reports.filters("unit"),
		{ fieldname: "kind", label: __("Type"), fieldtype: "Select", options: [""] },
		{
			fieldname: "status",
			label: __("Status"),
			fieldtype: "Select",
			options: ["", ...Object.values(frappe.boot.govit.vocabulary.DeadlineStatus)],
		},
		...govit.reports.filters("page_length", "page"),
	],
	onload(report) {
		frappe.xcall("govit_app.govit.report.deadline_alerts.deadline_alerts.kinds").then((kinds) => {
			const filter = report.get_filter("kind");
			filter.df.options = [{ value: "", label: "" }, ...kinds];
			filter.refresh();
		});
	},
	formatter(value, row, column, data, default_formatter) {
		value = default_formatter(value, row, column, data);
		if (data && column.fieldname === "status") {
			return `<span class="indicator-pill ${data.colour}">${value}</span>`;
		}
		return value;
	},
};
