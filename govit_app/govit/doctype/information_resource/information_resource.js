// 政务信息资源目录 (Art 6): a unit lists the resources of its own projects; others ask for them.
frappe.ui.form.on("Information Resource", {
	refresh(frm) {
		const S = frappe.boot.govit.vocabulary.ShareType;
		const mine = govit.my_units();
		if (!frm.is_new() && frm.doc.share_type !== S.NOT_SHARED && mine.length && !mine.includes(frm.doc.unit)) {
			frm.add_custom_button(__("Request This Resource"), () =>
				frappe.new_doc("Information Resource Request", {
					information_resource: frm.doc.name,
					requesting_unit: mine.length === 1 ? mine[0] : undefined,
				}),
			);
		}
	},
});
