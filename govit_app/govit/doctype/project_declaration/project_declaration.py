from frappe.model.document import Document


class ProjectDeclaration(Document):
	pass
