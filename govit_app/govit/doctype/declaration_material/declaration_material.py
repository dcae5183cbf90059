from frappe.model.document import Document


class DeclarationMaterial(Document):
	pass
