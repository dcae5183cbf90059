// 试运行报告备案: projects under construction (Art 19); a reason for every return.
frappe.ui.form.on("Trial Operation Filing", {
	setup(frm) {
		const S = frappe.boot.govit.vocabulary.ProjectStage;
		frm.set_query("it_project", () => ({
			filters: { stage: ["in", [S.BUILDING, S.TRIAL, S.ACCEPTANCE_FAILED]] },
		}));
	},
	before_workflow_action(frm) {
		return govit.take_reasoned_step(frm);
	},
});
