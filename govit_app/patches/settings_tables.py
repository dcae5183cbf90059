"""What the settings patches share: fill an empty table of GovIT Settings with the rows of its time.

Patches carry their own data (the defaults as they were when the patch was written), so a
later change of the install defaults never changes what an old patch does.
"""

import frappe


def fill_empty_tables(tables: dict[str, list[dict]]) -> None:
	settings = frappe.get_single("GovIT Settings")
	changed = False
	for fieldname, rows in tables.items():
		if not settings.get(fieldname):
			for row in rows:
				settings.append(fieldname, row)
			changed = True
	if changed:
		settings.flags.ignore_permissions = True
		# The settings' checks and mandatory fields ask for every section, some of which a later
		# patch fills: a patch writes its own part (its rows still checked for their links).
		settings.flags.ignore_validate = True
		settings.flags.ignore_mandatory = True
		settings.save()
