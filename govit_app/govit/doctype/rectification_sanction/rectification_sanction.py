from frappe.model.document import Document


class RectificationSanction(Document):
	pass
