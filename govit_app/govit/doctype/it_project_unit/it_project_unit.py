from frappe.model.document import Document


class ITProjectUnit(Document):
	pass
