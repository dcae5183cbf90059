// 运维自评 (Art 20): only projects in operation are offered; the Office writes its reason for
// returning a self-evaluation in 退回理由 before it takes 退回修改 (the server requires it).
frappe.ui.form.on("OM Self Evaluation", {
	setup(frm) {
		frm.set_query("it_project", () => ({ filters: { stage: frappe.boot.govit.vocabulary.ProjectStage.OPERATING } }));
	},
});
