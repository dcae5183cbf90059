// 政务信息资源目录 (Art 6): filters by unit, share type and project.
frappe.query_reports["Information Resource Catalogue"] = {
	filters: [
		{ fieldname: "unit", label: __("Unit"), fieldtype: "Link", options: "Gov Unit" },
		{
			fieldname: "share_type",
			label: __("Share Type"),
			fieldtype: "Select",
			options: ["", ...Object.values(frappe.boot.govit.vocabulary.ShareType)],
		},
		{ fieldname: "it_project", label: __("IT Project"), fieldtype: "Link", options: "IT Project" },
	],
};
