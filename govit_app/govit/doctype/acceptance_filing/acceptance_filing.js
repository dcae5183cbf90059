// 验收备案: each department of Art 19 ¶2 records its own receipt (the Countersign button).
frappe.ui.form.on("Acceptance Filing", {
	setup(frm) {
		frm.set_query("completion_acceptance", () => ({
			filters: { docstatus: 1, result: frappe.boot.govit.vocabulary.ReviewResult.PASSED },
		}));
	},
	refresh(frm) {
		if (frm.doc.docstatus === 0 && !frm.is_new()) {
			govit.countersign.add_button(frm);
		}
	},
});
