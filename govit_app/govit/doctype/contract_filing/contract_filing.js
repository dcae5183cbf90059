// 合同备案: planned projects of the unit (Art 13); a reason for every return.
frappe.ui.form.on("Contract Filing", {
	setup(frm) {
		const S = frappe.boot.govit.vocabulary.ProjectStage;
		frm.set_query("it_project", () => ({
			filters: { stage: ["in", [S.IN_PLAN, S.APPROVED, S.BUILDING, S.TRIAL]] },
		}));
	},
	before_workflow_action(frm) {
		return govit.take_reasoned_step(frm);
	},
});
