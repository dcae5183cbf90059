from frappe.model.document import Document


class GovITCentralizedCategory(Document):
	pass
