"""One document of an acceptance filing (Art 19 ¶2)."""

from frappe.model.document import Document


class AcceptanceFilingDocument(Document):
	pass
