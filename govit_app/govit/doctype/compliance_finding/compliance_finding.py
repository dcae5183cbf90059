from frappe.model.document import Document


class ComplianceFinding(Document):
	pass
