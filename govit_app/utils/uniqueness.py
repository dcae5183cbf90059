"""Uniqueness the regulation asks for, declared as data on the controller.

Where the database already holds a unique key (a record's name, Working Day Override's date)
Frappe enforces it and nothing here repeats it; these rules cover what a key cannot say,
such as "one live (not cancelled) review per expert and declaration".
"""

from dataclasses import dataclass

import frappe
from frappe import _
from frappe.model.document import Document

from govit_app.errors import DuplicateRecordError, throw


@dataclass(frozen=True)
class Unique:
	"""At most one live document per value of `fields`."""

	fields: tuple[str, ...]
	message: (
		str  # msgid marked with rules.text._; {0}, {1}… the values of `fields`, then the existing document
	)
	article: int | None = None


def check_unique(doc: Document, rules: tuple[Unique, ...]) -> None:
	for rule in rules:
		filters = {field: doc.get(field) for field in rule.fields}
		if any(value in (None, "") for value in filters.values()):
			continue
		if doc.meta.is_submittable:
			filters["docstatus"] = ("<", 2)
		existing = frappe.db.get_value(doc.doctype, {**filters, "name": ("!=", doc.name or "")})
		if existing:
			throw(
				_(rule.message).format(*(doc.get(field) for field in rule.fields), existing),
				article=rule.article,
				exc=DuplicateRecordError,
				title=_("Already exists"),
			)
