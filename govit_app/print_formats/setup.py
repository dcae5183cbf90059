"""Install and migrate steps of printing: the fonts derived, standard formats shown in the desk."""

from pathlib import Path

import frappe
from frappe.modules import get_module_path

from govit_app.print_formats.documents import MODULE
from govit_app.print_formats.fonts import build_fonts


def after_install_or_migrate() -> None:
	show_standard_templates()
	build_fonts()


def show_standard_templates() -> None:
	"""Frappe renders a standard print format from the .html file beside its JSON, while the
	desk form — and "Duplicate", the way an administrator customises it — shows the database
	copy; keep that copy equal to the file."""
	for name, html in frappe.get_all(
		"Print Format", filters={"module": MODULE, "standard": "Yes"}, fields=["name", "html"], as_list=True
	):
		path = Path(get_module_path(MODULE, "Print Format", name)) / f"{frappe.scrub(name)}.html"
		if path.exists() and path.read_text(encoding="utf-8") != html:
			frappe.db.set_value(
				"Print Format", name, "html", path.read_text(encoding="utf-8"), update_modified=False
			)
