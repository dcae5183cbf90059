// 会签 / 会商: a department records its own decision on a countersigned document (Art 4, 13).
// Used by the Annual Plan and Supplementary Request forms (hooks.doctype_js).
frappe.provide("govit.countersign");

// The server says (onload `may_countersign`) whether the user's own department is still to decide.
govit.countersign.add_button = function (frm) {
	if (!(frm.doc.__onload || {}).may_countersign) {
		return;
	}
	frm.add_custom_button(__("Countersign"), () => govit.countersign.dialog(frm), null).addClass("btn-primary");
};

govit.countersign.dialog = function (frm) {
	const V = frappe.boot.govit.vocabulary;
	const dialog = new frappe.ui.Dialog({
		title: __("Countersign"),
		fields: [
			{ fieldname: "decision", fieldtype: "Select", label: __("Decision"), options: [V.Decision.AGREE, V.Decision.DISAGREE], reqd: 1 },
			{
				fieldname: "opinion",
				fieldtype: "Small Text",
				label: __("Opinion"),
				mandatory_depends_on: `eval:doc.decision == ${JSON.stringify(V.Decision.DISAGREE)}`,
			},
		],
		primary_action_label: __("Record Decision"),
		primary_action(values) {
			frappe
				.xcall("govit_app.workflow.countersign.record_decision", {
					doctype: frm.doctype,
					name: frm.docname,
					decision: values.decision,
					opinion: values.opinion,
				})
				.then(() => {
					dialog.hide();
					frm.reload_doc();
				});
		},
	});
	dialog.show();
};
