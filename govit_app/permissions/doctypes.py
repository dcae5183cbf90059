"""Which GovIT DocTypes the permission hooks guard, read from the DocType JSON (no Frappe).

hooks.py needs the lists when Frappe loads it, before any site is connected, and a DocType
added later is guarded by declaring its fields, not by editing a list.
"""

import json
from functools import cache
from pathlib import Path

DOCTYPE_DIR = Path(__file__).resolve().parent.parent / "govit" / "doctype"


@cache
def doctype_definitions() -> tuple[dict, ...]:
	definitions = []
	for path in sorted(DOCTYPE_DIR.glob("*/*.json")):
		data = json.loads(path.read_text(encoding="utf-8"))
		if data.get("doctype") == "DocType" and path.stem == path.parent.name:
			definitions.append(data)
	return tuple(definitions)


def unit_scoped_doctypes(excluding: tuple[str, ...] = ()) -> tuple[str, ...]:
	"""DocTypes whose records belong to a unit (a `unit` field), except those guarded otherwise."""
	return tuple(
		d["name"]
		for d in doctype_definitions()
		if not d.get("istable")
		and not d.get("issingle")
		and d["name"] not in excluding
		and any(f.get("fieldname") == "unit" for f in d.get("fields", []))
	)


def child_doctypes() -> tuple[str, ...]:
	"""Every GovIT child table: its rows are read through their parent."""
	return tuple(d["name"] for d in doctype_definitions() if d.get("istable"))
