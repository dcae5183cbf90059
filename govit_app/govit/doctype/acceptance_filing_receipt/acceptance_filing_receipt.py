"""One department's receipt of an acceptance filing (Art 19 ¶2), written only through workflow.countersign."""

from frappe.model.document import Document


class AcceptanceFilingReceipt(Document):
	pass
