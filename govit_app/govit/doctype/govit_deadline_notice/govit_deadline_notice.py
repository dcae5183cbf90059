"""A reminder or overdue alert the daily deadline job sent, once per document, due date and kind."""

from frappe.model.document import Document


class GovITDeadlineNotice(Document):
	pass
