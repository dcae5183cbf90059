from frappe.model.document import Document


class GovITSupervisionField(Document):
	pass
