from frappe.model.document import Document


class DeclarationInformationResource(Document):
	pass
