// 整改通知 (Art 21): the issuer (or the Office) records and lifts the sanctions of Art 21 once the
// notice is overdue or still not compliant; the server decides, these buttons only ask.
const SANCTIONS = "govit_app.govit.doctype.rectification_notice.sanctions";

frappe.ui.form.on("Rectification Notice", {
	refresh(frm) {
		const V = frappe.boot.govit.vocabulary;
		const R = frappe.boot.govit.roles;
		if (frm.is_new() || !frappe.user.has_role([R.OFFICE, R.FINANCE, R.SECRECY, R.PUBLIC_SECURITY, R.CYBERSPACE, R.NDRC, R.INDUSTRY_IT])) {
			return;
		}
		const may_sanction =
			[V.RectificationState.OVERDUE, V.RectificationState.STILL_FAILING].includes(frm.doc.status) || frm.doc.overdue_on;
		const in_force = (frm.doc.sanctions || []).filter((row) => !row.lifted_on).map((row) => row.sanction);
		if (may_sanction && !in_force.includes(V.Sanction.TERMINATE)) {
			frm.add_custom_button(__("Record Sanction"), () => ask(frm, "record_sanction", Object.values(V.Sanction), __("Record Sanction")), __("Sanctions"));
		}
		const liftable = in_force.filter((s) => [V.Sanction.DEFER_INVESTMENT, V.Sanction.SUSPEND].includes(s));
		if (liftable.length && !in_force.includes(V.Sanction.TERMINATE)) {
			frm.add_custom_button(__("Lift Sanction"), () => ask(frm, "lift_sanction", liftable, __("Lift Sanction")), __("Sanctions"));
		}
	},
});

function ask(frm, method, options, title) {
	frappe.prompt(
		[
			{ fieldname: "sanction", fieldtype: "Select", label: __("Sanction"), options, reqd: 1 },
			{ fieldname: "reason", fieldtype: "Small Text", label: __("Reason"), reqd: 1 },
		],
		({ sanction, reason }) =>
			frappe.xcall(`${SANCTIONS}.${method}`, { notice: frm.doc.name, sanction, reason }).then(() => frm.reload_doc()),
		title,
	);
}
