// 分配评审专家 (Art 10): on a declaration under review, the Office picks its experts; each gets
// an Expert Review in their to-do list and the declaration shared read-only.
frappe.ui.form.on("Project Declaration", {
	refresh(frm) {
		if (frm.doc.workflow_state !== frappe.boot.govit.vocabulary.DeclarationState.UNDER_REVIEW) {
			return;
		}
		frm.add_custom_button(__("Expert Reviews"), () =>
			frappe.set_route("List", "Expert Review", { project_declaration: frm.doc.name })
		);
		if (!frm.doc.review_result && frappe.user.has_role(frappe.boot.govit.roles.OFFICE)) {
			frm.add_custom_button(__("Assign Experts"), () => assign_experts(frm));
		}
	},
});

function assign_experts(frm) {
	const dialog = new frappe.ui.Dialog({
		title: __("Assign Experts"),
		fields: [
			{
				fieldname: "experts",
				fieldtype: "MultiSelectList",
				label: __("Experts"),
				reqd: 1,
				get_data: () => frappe.xcall("govit_app.govit.doctype.expert_review.expert_review.expert_candidates"),
			},
		],
		primary_action_label: __("Assign"),
		primary_action({ experts }) {
			frappe
				.xcall("govit_app.govit.doctype.expert_review.expert_review.assign_experts", {
					project_declaration: frm.doc.name,
					experts,
				})
				.then((names) => {
					dialog.hide();
					frappe.show_alert({ message: __("{0} expert review(s) assigned.", [names.length]), indicator: "green" });
					frm.reload_doc();
				});
		},
	});
	dialog.show();
}
