// 退回修改: whoever returns a document says what to change. The reason goes to the document's
// timeline, and from there to the notification the author receives. Loaded (hooks.doctype_js)
// by the forms whose workflow has a 退回修改 step.
frappe.provide("govit");

govit.ask_return_reason = function (frm, label) {
	const V = frappe.boot.govit.vocabulary;
	if (![V.DeclarationAction.RETURN, V.PlanAction.RETURN].includes(frm.selected_workflow_action)) {
		return;
	}
	frappe.dom.unfreeze();
	return new Promise((resolve, reject) => {
		let sent = false;
		const dialog = new frappe.ui.Dialog({
			title: __("Return for Changes"),
			fields: [{ fieldname: "reason", fieldtype: "Small Text", label: label, reqd: 1 }],
			primary_action_label: __("Return"),
			primary_action({ reason }) {
				sent = true;
				dialog.hide();
				frappe
					.xcall("frappe.desk.form.utils.add_comment", {
						reference_doctype: frm.doctype,
						reference_name: frm.docname,
						content: frappe.utils.escape_html(reason),
						comment_email: frappe.session.user,
						comment_by: frappe.session.user_fullname,
					})
					.then(resolve, reject);
			},
		});
		dialog.onhide = () => !sent && reject();
		dialog.show();
	});
};
