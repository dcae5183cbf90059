from frappe.model.document import Document


class DeclarationFunding(Document):
	pass
