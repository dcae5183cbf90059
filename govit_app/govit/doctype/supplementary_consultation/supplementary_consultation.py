from frappe.model.document import Document


class SupplementaryConsultation(Document):
	pass
