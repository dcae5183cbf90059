// The project's timeline: every linked document with its dates, its deadline and whether it is late.
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
	const day = (value) => (value ? frappe.datetime.str_to_user(String(value).slice(0, 10)) : "");
	const rows = entries
		.map((e) => {
			const milestones = e.milestones.map((m) => `${esc(m.label)}：${day(m.date)}`).join("<br>");
			return `<tr class="${e.overdue ? "text-danger" : ""}">
				<td>${day(e.date)}</td>
				<td>${esc(e.doctype_label)}</td>
				<td><a href="/app/${frappe.router.slug(e.doctype)}/${encodeURIComponent(e.name)}">${esc(e.title || e.name)}</a></td>
				<td>${esc(e.status || "")}</td>
				<td>${milestones}</td>
				<td>${day(e.deadline)}${deadline_note(e)}</td>
			</tr>`;
		})
		.join("");
	return `<table class="table table-bordered table-sm govit-timeline">
		<thead><tr>
			<th>${__("Date")}</th><th>${__("Document")}</th><th>${__("Title")}</th>
			<th>${__("Status")}</th><th>${__("Milestones")}</th><th>${__("Deadline")}</th>
		</tr></thead>
		<tbody>${rows}</tbody>
	</table>`;
}

// "done on …", "N working days left" or the overdue mark, after the deadline.
function deadline_note(e) {
	if (!e.deadline) {
		return "";
	}
	const parts = [];
	if (e.done) {
		parts.push(__("Done on {0}", [frappe.datetime.str_to_user(e.done)]));
	} else if (e.days_left !== null && e.days_left >= 0) {
		parts.push(__("{0} working days left", [e.days_left]));
	}
	if (e.overdue) {
		const late = e.days_left !== null ? __("Overdue by {0} working days", [-e.days_left]) : __("Overdue");
		parts.push(`<span class="indicator-pill red">${late}</span>`);
	}
	return parts.length ? `<br><small>${parts.join(" ")}</small>` : "";
}
