"""GovIT Settings: every number and list the regulation fixes, editable without code (DESIGN §5)."""

from frappe.model.document import Document

from govit_app.rules.settings import check_settings
from govit_app.utils.findings import throw_if_blocking
from govit_app.utils.settings import settings_from_doc


class GovITSettings(Document):
	def validate(self):
		self.strip_window_dates()
		throw_if_blocking(check_settings(settings_from_doc(self)), self.doctype)

	def strip_window_dates(self):
		for fieldname in ("declaration_window_start", "declaration_window_end"):
			self.set(fieldname, (self.get(fieldname) or "").strip())
