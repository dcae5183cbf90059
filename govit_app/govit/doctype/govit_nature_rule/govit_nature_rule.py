from frappe.model.document import Document


class GovITNatureRule(Document):
	pass
