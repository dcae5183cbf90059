from frappe.model.document import Document


class GovITMaterialRequirement(Document):
	pass
