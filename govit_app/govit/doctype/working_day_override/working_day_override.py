"""Working Day Override (工作日调整): a day the State Council notice sets differently.

One override per date: the database's unique key on `date` says so.
"""

from frappe.model.document import Document

from govit_app.utils.calendar import clear_calendar_cache


class WorkingDayOverride(Document):
	def on_update(self):
		clear_calendar_cache()

	def on_trash(self):
		clear_calendar_cache()
