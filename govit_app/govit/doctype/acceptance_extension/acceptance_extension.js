// 延期验收申请: projects whose acceptance is ahead (Art 19); a reason for every refusal.
frappe.ui.form.on("Acceptance Extension", {
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
