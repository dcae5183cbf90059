// The project's timeline: every linked document with its dates and deadline.
frappe.ui.form.on("IT Project", {
	refresh(frm) {
		const wrapper = frm.get_field("timeline_html").$wrapper;
		if (frm.is_new()) {
			wrapper.empty();
			return;
		}
		frappe
			.xcall("govit_app.govit.doctype.it_project.timeline.get_timeline", { project: frm.doc.name })
			.then((entries) => wrapper.html(render_timeline(entries)));
	},
});

function render_timeline(entries) {
	if (!entries.length) {
		return `<p class="text-muted">${__("No documents linked to this project yet.")}</p>`;
	}
	const esc = frappe.utils.escape_html;
	const rows = entries
		.map((e) => {
			const milestones = e.milestones
				.map((m) => `${esc(m.label)}：${frappe.datetime.str_to_user(m.date)}`)
				.join("<br>");
			let deadline = e.deadline ? frappe.datetime.str_to_user(e.deadline) : "";
			if (e.overdue) {
				deadline += ` <span class="indicator-pill red">${__("Overdue")}</span>`;
			}
			return `<tr>
				<td>${e.date ? frappe.datetime.str_to_user(e.date) : ""}</td>
				<td>${esc(e.doctype_label)}</td>
				<td><a href="/app/${frappe.router.slug(e.doctype)}/${encodeURIComponent(e.name)}">${esc(e.title || e.name)}</a></td>
				<td>${esc(e.status || "")}</td>
				<td>${milestones}</td>
				<td>${deadline}</td>
			</tr>`;
		})
		.join("");
	return `<table class="table table-bordered table-sm">
		<thead><tr>
			<th>${__("Date")}</th><th>${__("Document")}</th><th>${__("Title")}</th>
			<th>${__("Status")}</th><th>${__("Milestones")}</th><th>${__("Deadline")}</th>
		</tr></thead>
		<tbody>${rows}</tbody>
	</table>`;
}
