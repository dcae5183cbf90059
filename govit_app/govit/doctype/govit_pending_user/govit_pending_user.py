from frappe.model.document import Document


class GovITPendingUser(Document):
	pass
