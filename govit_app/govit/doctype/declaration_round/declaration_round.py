from frappe.model.document import Document


class DeclarationRound(Document):
	pass
