// 绩效评价: only projects that run (accepted, in operation, or stopped by a sanction) are offered (Art 23).
frappe.ui.form.on("Performance Evaluation", {
	setup(frm) {
		const S = frappe.boot.govit.vocabulary.ProjectStage;
		frm.set_query("it_project", () => ({
			filters: { stage: ["in", [S.ACCEPTED, S.OPERATING, S.SUSPENDED, S.TERMINATED]] },
		}));
	},
});
