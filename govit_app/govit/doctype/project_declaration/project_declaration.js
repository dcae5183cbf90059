// 项目申报表: materials follow the nature (Art 9), findings shown on top, a reason for every return.
frappe.ui.form.on("Project Declaration", {
	setup(frm) {
		frm.set_query("it_project", () => ({ filters: { unit: frm.doc.unit || "" } }));
	},

	onload(frm) {
		frappe.db.get_doc("GovIT Settings").then((settings) => {
			const categories = (settings.centralized_categories || []).map((row) => row.category);
			frm.set_df_property("centralized_category", "options", categories);
		});
		if (frm.is_new() && !frm.doc.declaration_round) {
			frappe
				.xcall("govit_app.govit.doctype.declaration_round.declaration_round.current_round")
				.then((round) => round && frm.set_value("declaration_round", round));
		}
	},

	refresh(frm) {
		show_findings(frm);
	},

	project_nature(frm) {
		frm.call("fill_materials").then(() => frm.refresh_field("materials"));
	},

	project_category(frm) {
		if (frm.doc.project_category === frappe.boot.govit.vocabulary.ProjectCategory.PUBLIC_SECURITY_VIDEO) {
			frm.set_value("is_video_surveillance", 1);
		}
	},

	unit(frm) {
		if (frm.doc.it_project) {
			frm.set_value("it_project", "");
		}
	},

	// 退回修改, 评审不通过 and 终止 say why, 涉密办结 under which reference: sent with the action.
	before_workflow_action(frm) {
		return govit.take_step_with_reason(frm);
	},
});

function show_findings(frm) {
	const findings = frm.doc.compliance_findings || [];
	if (!findings.length) {
		return;
	}
	const BLOCKING = frappe.boot.govit.vocabulary.Severity.BLOCKING;
	const blocking = findings.filter((f) => f.severity === BLOCKING);
	const items = findings
		.map((f) => {
			const colour = f.severity === BLOCKING ? "red" : "orange";
			return `<li><span class="indicator-pill ${colour}">${__(f.severity)}</span> ${frappe.utils.escape_html(f.message)}</li>`;
		})
		.join("");
	const heading = blocking.length
		? __("{0} finding(s) must be resolved before the declaration can be submitted or accepted.", [blocking.length])
		: __("Remarks on this declaration:");
	frm.dashboard.set_headline_alert(
		`<div>${heading}</div><ul class="list-unstyled" style="margin:6px 0 0">${items}</ul>`,
		blocking.length ? "red" : "orange"
	);
}
