// Steps that need a reason (退回修改, 评审不通过, 终止…) or a reference number (涉密办结): the form
// asks for it and sends it with the action; the server requires it, keeps it on the document
// (its table of reasons and its timeline) and the notifications show it. Which actions ask is
// read from the workflow at login (frappe.boot.govit.reason_steps). Loaded (hooks.doctype_js)
// by the forms whose workflow has such steps.
frappe.provide("govit");

govit.take_step_with_reason = function (frm) {
	const action = frm.selected_workflow_action;
	const kind = ((frappe.boot.govit.reason_steps || {})[frm.doctype] || {})[action];
	if (!kind) {
		return; // Frappe takes the step itself
	}
	const labels = {
		reason: __("Reason"),
		optional: __("Reason (optional)"),
		reference: __("Reference number under the secrecy rules"),
	};
	frappe.dom.unfreeze();
	const dialog = new frappe.ui.Dialog({
		title: __(action),
		fields: [
			{
				fieldname: "reason",
				fieldtype: kind === "reference" ? "Data" : "Small Text",
				label: labels[kind],
				reqd: kind === "optional" ? 0 : 1,
			},
		],
		primary_action_label: __(action),
		primary_action({ reason }) {
			dialog.hide();
			frappe
				.xcall("govit_app.workflow.reasons.apply_workflow", {
					doctype: frm.doctype,
					name: frm.docname,
					action: action,
					reason: reason || "",
				})
				.then((doc) => {
					frappe.model.sync(doc);
					frm.refresh();
					frm.selected_workflow_action = null;
				});
		},
	});
	dialog.show();
	// The step is taken above, with its reason: Frappe's own call (which carries none) never follows.
	return new Promise(() => {});
};
