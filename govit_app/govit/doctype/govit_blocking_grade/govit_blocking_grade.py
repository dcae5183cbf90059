from frappe.model.document import Document


class GovITBlockingGrade(Document):
	pass
