from frappe.model.document import Document


class PlanCountersign(Document):
	pass
