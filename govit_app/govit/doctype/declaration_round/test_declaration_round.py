"""Declaration Round over REST: the Office opens it, its window defaults to Q3 of the year before (Art 8)."""

import frappe
from frappe.tests.utils import FrappeTestCase

from govit_app import roles as R
from govit_app.tests.utils import ApiClient, ensure_unit, ensure_user, error_text

DT = "Declaration Round"


class TestDeclarationRound(FrappeTestCase):
	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		cls.office_user = ensure_user("govit-office@test.local", [R.OFFICE])
		cls.unit_user = ensure_user("govit-health@test.local", [R.UNIT_USER], (ensure_unit("_Test 卫健委"),))

	def fresh(self, year: int) -> int:
		frappe.delete_doc_if_exists(DT, str(year), force=True)
		frappe.db.commit()
		return year

	def test_the_window_defaults_to_the_settings_in_the_year_before(self):
		year = self.fresh(2096)
		response = ApiClient(self.office_user).insert(DT, {"plan_year": year})
		self.assertEqual(response.status_code, 200, error_text(response))
		data = response.json["data"]
		self.assertEqual((data["open_date"], data["close_date"]), ("2095-07-01", "2095-09-30"))
		self.assertEqual(data["title"], "2096年度政务信息化项目申报")

	def test_the_office_extends_the_window_but_not_backwards(self):
		year = self.fresh(2095)
		api = ApiClient(self.office_user)
		self.assertEqual(api.insert(DT, {"plan_year": year}).status_code, 200)
		self.assertEqual(api.update(DT, str(year), {"close_date": "2094-12-15"}).status_code, 200)
		response = api.update(DT, str(year), {"close_date": "2094-06-30"})
		self.assertEqual(response.status_code, 417)
		self.assertIn("申报截止日期", error_text(response))
		self.assertEqual(str(frappe.db.get_value(DT, str(year), "close_date")), "2094-12-15")

	def test_units_read_rounds_but_do_not_open_them(self):
		year = self.fresh(2094)
		api = ApiClient(self.unit_user)
		self.assertEqual(api.insert(DT, {"plan_year": year}).status_code, 403)
		self.assertFalse(frappe.db.exists(DT, str(year)))
		ApiClient(self.office_user).insert(DT, {"plan_year": year})
		self.assertEqual(api.get_doc(DT, str(year)).status_code, 200)
