"""The vocabulary and role names for the desk's JS (at login) and for print formats and
notifications (a Jinja method), so neither retypes them."""

from govit_app import roles
from govit_app.vocabulary import as_boot


def boot_session(bootinfo) -> None:
	bootinfo.govit = {"vocabulary": as_boot(), "roles": roles.BY_NAME}


def govit_vocabulary() -> dict[str, dict[str, str]]:
	"""In Jinja: `{% set V = govit_vocabulary() %}…{{ V.ProjectNature.NEW }}`."""
	return as_boot()
