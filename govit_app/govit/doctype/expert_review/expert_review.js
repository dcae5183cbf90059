// 专家评审意见: the total follows the five scores as the expert types them (Art 10).
frappe.ui.form.on("Expert Review", {
	conclusion(frm) {
		if (frm.doc.conclusion === frappe.boot.govit.vocabulary.ExpertConclusion.DISAGREE) {
			frm.set_value("recommended_amount", null);
		}
	},
	necessity: set_total_score,
	rationality: set_total_score,
	feasibility: set_total_score,
	security: set_total_score,
	intensiveness: set_total_score,
});

function set_total_score(frm) {
	const scores = ["necessity", "rationality", "feasibility", "security", "intensiveness"].map((f) => frm.doc[f]);
	const complete = scores.every((s) => s !== null && s !== undefined && s !== "");
	frm.set_value("total_score", complete ? scores.reduce((a, b) => a + flt(b), 0) / scores.length : null);
}
