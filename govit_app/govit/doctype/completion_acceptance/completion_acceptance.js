// 竣工验收: projects whose trial run the Office filed (Art 19).
frappe.ui.form.on("Completion Acceptance", {
	setup(frm) {
		const S = frappe.boot.govit.vocabulary.ProjectStage;
		frm.set_query("it_project", () => ({ filters: { stage: ["in", [S.TRIAL, S.ACCEPTANCE_FAILED]] } }));
	},
});
