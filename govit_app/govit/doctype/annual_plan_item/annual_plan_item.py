from frappe.model.document import Document


class AnnualPlanItem(Document):
	pass
