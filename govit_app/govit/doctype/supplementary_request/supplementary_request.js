// 年度追加项目申请: each consulted department records its own decision (Art 13 ¶2).
frappe.ui.form.on("Supplementary Request", {
	setup(frm) {
		frm.set_query("project_declaration", () => ({ filters: { docstatus: 1, workflow_state: ["in", [frappe.boot.govit.vocabulary.DeclarationState.UNDER_REVIEW, frappe.boot.govit.vocabulary.DeclarationState.PASSED]] } }));
	},
	refresh(frm) {
		if (frm.doc.docstatus === 0 && !frm.is_new()) {
			govit.countersign.add_button(frm);
		}
	},
});
