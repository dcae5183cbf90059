"""A reason given with a workflow step (a return, a refusal, a termination), kept on the document."""

from frappe.model.document import Document


class GovITStepReason(Document):
	pass
