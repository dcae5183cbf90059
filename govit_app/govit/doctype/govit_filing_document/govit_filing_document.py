"""A document every acceptance filing carries (GovIT Settings, Art 19 ¶2)."""

from frappe.model.document import Document


class GovITFilingDocument(Document):
	pass
