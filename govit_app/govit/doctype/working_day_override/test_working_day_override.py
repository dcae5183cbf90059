"""Working Day Override: the administrator's entries win over the packaged holiday calendar."""

from datetime import date

import frappe
from frappe.tests.utils import FrappeTestCase

from govit_app import roles as R
from govit_app.rules.working_days import OFFICIAL_YEARS
from govit_app.tests.utils import ApiClient, ensure_user, error_text
from govit_app.utils.calendar import add_working_days, get_calendar

DT = "Working Day Override"


class TestWorkingDayOverride(FrappeTestCase):
	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		cls.office = ApiClient(ensure_user("govit-office@test.local", [R.OFFICE]))

	def tearDown(self):
		frappe.db.delete(DT, {"note": ("like", "_Test%")})
		frappe.db.commit()
		frappe.cache.delete_value("govit_working_day_overrides")

	def test_an_override_changes_the_deadline(self):
		# Monday 2026-03-09 + 1 working day is Tuesday, until Tuesday becomes a day off.
		self.assertEqual(add_working_days("2026-03-09", 1), date(2026, 3, 10))
		response = self.office.insert(
			DT, {"date": "2026-03-10", "is_working_day": 0, "note": "_Test 临时休息"}
		)
		self.assertEqual(response.status_code, 200, response.text)
		self.assertEqual(add_working_days("2026-03-09", 1), date(2026, 3, 11))

	def test_the_same_date_twice_is_refused_in_chinese(self):
		self.office.insert(DT, {"date": "2026-03-12", "is_working_day": 0, "note": "_Test 第一次"})
		response = self.office.insert(DT, {"date": "2026-03-12", "is_working_day": 1, "note": "_Test 第二次"})
		self.assertEqual(response.json["exc_type"], "DuplicateEntryError", response.text)
		self.assertIn("已经存在", error_text(response))
		self.assertEqual(frappe.db.count(DT, {"date": "2026-03-12"}), 1)

	def test_a_year_without_a_notice_warns_and_overrides_fill_it(self):
		year = max(OFFICIAL_YEARS) + 1
		frappe.clear_messages()
		add_working_days(f"{year}-01-05", 3)
		self.assertTrue(
			any("尚未录入" in str(m) or "not in the calendar" in str(m) for m in frappe.message_log)
		)
		self.office.insert(DT, {"date": f"{year}-01-01", "is_working_day": 0, "note": "_Test 元旦"})
		self.assertTrue(get_calendar().has_notice(year))

	def test_unit_users_read_but_cannot_add_overrides(self):
		unit_user = ApiClient(ensure_user("govit-health@test.local", [R.UNIT_USER]))
		response = unit_user.insert(DT, {"date": "2026-03-13", "is_working_day": 0, "note": "_Test 私自放假"})
		self.assertEqual(response.status_code, 403)
		self.assertEqual(unit_user.get_list(DT).status_code, 200)
