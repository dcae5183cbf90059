// 年度政务信息化项目建设计划: pull in the passed declarations (编制中), countersign (会签中),
// a reason for every return, the budget finding on top (Art 4, 10, 11).
frappe.ui.form.on("Annual Plan", {
	refresh(frm) {
		const V = frappe.boot.govit.vocabulary;
		show_findings(frm);
		if (!frm.is_new() && frm.doc.workflow_state === V.PlanState.DRAFTING && frappe.user.has_role(frappe.boot.govit.roles.OFFICE)) {
			frm.add_custom_button(__("Pull Passed Declarations"), () => pull_declarations(frm));
		}
		if (frm.doc.workflow_state === V.PlanState.COUNTERSIGNING) {
			govit.countersign.add_button(frm);
		}
	},

	before_workflow_action(frm) {
		return govit.take_step_with_reason(frm);
	},
});

function pull_declarations(frm) {
	frappe
		.xcall("govit_app.govit.doctype.annual_plan.annual_plan.pull_declarations", { name: frm.doc.name })
		.then(({ added, skipped }) => {
			const lines = [__("{0} declaration(s) added to the plan.", [added.length])];
			if (skipped.length) {
				lines.push(__("Left out:"), "<ul>" + skipped.map((m) => `<li>${frappe.utils.escape_html(m)}</li>`).join("") + "</ul>");
			}
			frappe.msgprint({ title: __("Pull Passed Declarations"), message: lines.join("<br>"), indicator: skipped.length ? "orange" : "green" });
			frm.reload_doc();
		});
}

function show_findings(frm) {
	const findings = frm.doc.findings || [];
	if (findings.length) {
		frm.dashboard.set_headline_alert(findings.map((f) => frappe.utils.escape_html(f.message)).join("<br>"), "orange");
	}
	if (frm.doc.return_opinion && frm.doc.workflow_state === frappe.boot.govit.vocabulary.PlanState.DRAFTING) {
		frm.dashboard.add_comment(__("Returned with opinion: {0}", [frappe.utils.escape_html(frm.doc.return_opinion)]), "red", true);
	}
}
