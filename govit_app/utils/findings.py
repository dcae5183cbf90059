"""Turn rule findings into translated messages that name the field and the article."""

import frappe
from frappe import _

from govit_app.rules.findings import Finding, blocking


def render(finding: Finding, doctype: str) -> str:
	label = ""
	if finding.fieldname:
		label = _(frappe.get_meta(doctype).get_label(finding.fieldname))
	args = [_(a) if isinstance(a, str) else a for a in finding.args]
	return _(finding.message).format(*args, label=label)


def throw_if_blocking(findings: list[Finding], doctype: str, title: str | None = None) -> None:
	"""One error listing every blocking finding, so the user fixes them in one go."""
	messages = [render(f, doctype) for f in blocking(findings)]
	if not messages:
		return
	if len(messages) == 1:
		frappe.throw(messages[0], title=title or _("Not allowed by the regulation"))
	frappe.throw(
		"<ul>" + "".join(f"<li>{frappe.utils.escape_html(m)}</li>" for m in messages) + "</ul>",
		title=title or _("Not allowed by the regulation"),
	)
