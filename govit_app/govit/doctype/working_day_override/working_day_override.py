"""Working Day Override (工作日调整): a day the State Council notice sets differently."""

import frappe
from frappe import _
from frappe.model.document import Document
from frappe.utils import formatdate

from govit_app.utils.calendar import clear_calendar_cache


class WorkingDayOverride(Document):
	def validate(self):
		self.validate_unique_date()

	def validate_unique_date(self):
		existing = frappe.db.get_value("Working Day Override", {"date": self.date})
		if existing and (self.is_new() or existing != self.name):
			frappe.throw(
				_("{0}: {1} already has an override; edit that one instead.").format(
					_("Date"), frappe.bold(formatdate(self.date))
				),
				frappe.DuplicateEntryError,
				title=_("Duplicate date"),
			)

	def on_update(self):
		clear_calendar_cache()

	def on_trash(self):
		clear_calendar_cache()
