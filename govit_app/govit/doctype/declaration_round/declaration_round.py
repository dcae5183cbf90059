"""Declaration Round (申报批次): the window in which next year's projects are declared (Art 8)."""

from datetime import date

import frappe
from frappe import _
from frappe.model.document import Document
from frappe.utils import getdate

from govit_app.errors import throw
from govit_app.rules.settings import parse_month_day
from govit_app.utils.settings import get_settings


class DeclarationRound(Document):
	def validate(self):
		self.validate_plan_year()
		self.set_default_window()
		self.validate_window()
		self.title = _("Plan Year {0} Declarations").format(self.plan_year)

	def validate_plan_year(self):
		if not 2000 <= (self.plan_year or 0) <= 2100:
			throw(_("{0} must be a year such as 2027.").format(_("Plan Year")))

	def set_default_window(self):
		"""Art 8: the third quarter of the year before the plan year, as GovIT Settings says."""
		open_date, close_date = default_window(self.plan_year)
		self.open_date = self.open_date or open_date
		self.close_date = self.close_date or close_date

	def validate_window(self):
		if getdate(self.close_date) < getdate(self.open_date):
			throw(
				_("{0} must not be before {1}.").format(_("Window Closes"), _("Window Opens")),
				title=_("Invalid window"),
			)


def default_window(plan_year: int) -> tuple[date | None, date | None]:
	settings = get_settings()
	return (
		parse_month_day(settings.declaration_window_start, plan_year - 1),
		parse_month_day(settings.declaration_window_end, plan_year - 1),
	)


@frappe.whitelist()
def current_round() -> str | None:
	"""The round open today, else the latest one: the declaration form's default."""
	today = getdate()
	open_now = frappe.get_all(
		"Declaration Round",
		filters={"open_date": ("<=", today), "close_date": (">=", today)},
		order_by="plan_year desc",
		pluck="name",
		limit=1,
	)
	return (
		open_now
		or frappe.get_all("Declaration Round", order_by="plan_year desc", pluck="name", limit=1)
		or [None]
	)[0]
