// 共享申请 (Art 6): the unit holding the resource answers once; a refusal gives its reason.
frappe.ui.form.on("Information Resource Request", {
	refresh(frm) {
		const S = frappe.boot.govit.vocabulary.ResourceRequestStatus;
		if (frm.is_new() || frm.doc.status !== S.PENDING || !govit.my_units().includes(frm.doc.resource_unit)) {
			return;
		}
		const answer = (decision, reqd) =>
			frappe.prompt(
				[{ fieldname: "answer", fieldtype: "Small Text", label: __("Answer or Reason"), reqd }],
				({ answer }) =>
					frappe
						.xcall("govit_app.govit.doctype.information_resource_request.information_resource_request.answer", {
							name: frm.doc.name,
							decision,
							answer,
						})
						.then(() => frm.reload_doc()),
				__(decision),
			);
		frm.add_custom_button(__("Agree"), () => answer(S.AGREED, 0), __("Answer"));
		frm.add_custom_button(__("Refuse"), () => answer(S.REFUSED, 1), __("Answer"));
	},
});
