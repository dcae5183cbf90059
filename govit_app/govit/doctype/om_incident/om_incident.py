from frappe.model.document import Document


class OMIncident(Document):
	pass
