"""Turn rule findings into translated messages that name the field and the article."""

import frappe
from frappe import _

from govit_app.errors import throw
from govit_app.rules.findings import Finding, blocking


def render(finding: Finding, doctype: str) -> str:
	label = ""
	if finding.fieldname:
		label = _(frappe.get_meta(doctype).get_label(finding.fieldname))
	args = [_(a) if isinstance(a, str) else a for a in finding.args]
	return _(finding.message).format(*args, label=label)


def throw_if_blocking(findings: list[Finding], doctype: str, title: str | None = None) -> None:
	"""One RegulationError listing every blocking finding (and carrying their articles), so the
	user fixes them in one go."""
	refusals = blocking(findings)
	if not refusals:
		return
	messages = [render(f, doctype) for f in refusals]
	message = (
		messages[0]
		if len(messages) == 1
		else "<ul>" + "".join(f"<li>{frappe.utils.escape_html(m)}</li>" for m in messages) + "</ul>"
	)
	throw(
		message,
		articles=tuple(dict.fromkeys(f.article for f in refusals if f.article)),
		title=title or _("Not allowed by the regulation"),
	)
