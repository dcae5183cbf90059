// 立项批复: only projects of a published plan that need approval are offered (Art 12, 13).
frappe.ui.form.on("Project Approval", {
	setup(frm) {
		frm.set_query("it_project", () => ({ filters: { stage: frappe.boot.govit.vocabulary.ProjectStage.IN_PLAN } }));
	},
});
