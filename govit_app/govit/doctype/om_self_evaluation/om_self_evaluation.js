// 运维自评 (Art 20): the Office says what to change when it returns a self-evaluation.
frappe.ui.form.on("OM Self Evaluation", {
	setup(frm) {
		frm.set_query("it_project", () => ({ filters: { stage: frappe.boot.govit.vocabulary.ProjectStage.OPERATING } }));
	},
	before_workflow_action(frm) {
		return govit.ask_return_reason(frm, __("What should the unit change?"));
	},
});
