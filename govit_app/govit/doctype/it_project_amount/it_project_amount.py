"""The amount a plan year approved for an IT Project (its plan row, or the NDRC's approval of it)."""

from frappe.model.document import Document


class ITProjectAmount(Document):
	pass
