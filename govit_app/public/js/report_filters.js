// What GovIT's reports share on the desk: the same filter name means the same filter in every
// report (read alike by govit_app/utils/reports.py) and late documents are marked the same way.
// Each report's script includes this file (a Jinja include), so it may run more than once.
frappe.provide("govit.reports");

govit.reports.filter_definitions = function () {
	const V = frappe.boot.govit.vocabulary;
	const select = (vocabulary) => ["", ...Object.values(vocabulary)];
	return {
		unit: { fieldname: "unit", label: __("Unit"), fieldtype: "Link", options: "Gov Unit" },
		plan_year: { fieldname: "plan_year", label: __("Plan Year"), fieldtype: "Int" },
		project_nature: {
			fieldname: "project_nature",
			label: __("Project Nature"),
			fieldtype: "Select",
			options: select(V.ProjectNature),
		},
		stage: { fieldname: "stage", label: __("Stage"), fieldtype: "Select", options: select(V.ProjectStage) },
		project_category: {
			fieldname: "project_category",
			label: __("Project Category"),
			fieldtype: "Select",
			options: select(V.ProjectCategory),
		},
		published_only: {
			fieldname: "published_only",
			label: __("Published Plans Only"),
			fieldtype: "Check",
			default: 1,
		},
		overdue_only: { fieldname: "overdue_only", label: __("Overdue Only"), fieldtype: "Check" },
		// A page of rows (utils/reports.py); the totals and the chart cover every matching row.
		page_length: {
			fieldname: "page_length",
			label: __("Rows per Page"),
			fieldtype: "Int",
			default: 500,
			description: __("0 shows every row (for an export of all)."),
		},
		page: { fieldname: "page", label: __("Page"), fieldtype: "Int", default: 1 },
	};
};

// The filters named, in that order.
govit.reports.filters = function (...names) {
	const definitions = govit.reports.filter_definitions();
	return names.map((name) => Object.assign({}, definitions[name]));
};

// A row marked `overdue` shows its due dates, days left and overdue mark in red.
govit.reports.formatter = function (value, row, column, data, default_formatter) {
	value = default_formatter(value, row, column, data);
	const marks_lateness = /(overdue|due_date|days_left)$/.test(column.fieldname);
	return data && data.overdue && marks_lateness ? `<span class="text-danger">${value}</span>` : value;
};
