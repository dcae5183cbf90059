"""The vocabulary and role names for the desk's JS (at login) and for print formats and
notifications (a Jinja method), so neither retypes them."""

from govit_app import roles
from govit_app.rules import declaration_workflow, plan
from govit_app.vocabulary import as_boot
from govit_app.workflow.reasons import reason_steps

# Which states a step gives a reason into, per workflow (the desk asks before such a step).
REASONS_INTO = {
	"Project Declaration": declaration_workflow.REASON_INTO,
	"Annual Plan": plan.REASON_INTO,
}


def boot_session(bootinfo) -> None:
	bootinfo.govit = {
		"vocabulary": as_boot(),
		"roles": roles.BY_NAME,
		"reason_steps": {doctype: reason_steps(doctype, into) for doctype, into in REASONS_INTO.items()},
	}


def govit_vocabulary() -> dict[str, dict[str, str]]:
	"""In Jinja: `{% set V = govit_vocabulary() %}…{{ V.ProjectNature.NEW }}`."""
	return as_boot()
