// 退回修改 / 不予批准 on a construction document: the step is taken with its reason, which the server
// keeps on the document and requires (workflow.reasons.act_with_reason). Loaded by the forms whose
// controller names its reasoned actions (onload `reason_actions`), see hooks.doctype_js.
frappe.provide("govit");

govit.take_reasoned_step = function (frm) {
	const action = frm.selected_workflow_action;
	if (!((frm.doc.__onload || {}).reason_actions || []).includes(action)) {
		return;
	}
	frappe.dom.unfreeze();
	return new Promise((resolve, reject) => {
		let sent = false;
		const dialog = new frappe.ui.Dialog({
			title: __(action),
			fields: [{ fieldname: "reason", fieldtype: "Small Text", label: __("Reason"), reqd: 1 }],
			primary_action_label: __(action),
			primary_action({ reason }) {
				sent = true;
				dialog.hide();
				frappe
					.xcall("govit_app.workflow.reasons.act_with_reason", {
						doctype: frm.doctype,
						name: frm.docname,
						action: action,
						reason: reason,
					})
					.then(() => frm.reload_doc());
				// The step is taken above with its reason, not by the workflow button's plain request.
				reject();
			},
		});
		dialog.onhide = () => !sent && reject();
		dialog.show();
	});
};
