from frappe.model.document import Document


class GovITDepartmentFunction(Document):
	pass
