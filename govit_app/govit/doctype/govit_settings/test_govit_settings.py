"""GovIT Settings: the regulation's numbers ship as defaults and refuse nonsense."""

import frappe
from frappe.tests.utils import FrappeTestCase

from govit_app import roles as R
from govit_app.tests.utils import ApiClient, ensure_user, error_text
from govit_app.utils.settings import get_settings

DT = "GovIT Settings"


class TestGovITSettings(FrappeTestCase):
	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		cls.office = ApiClient(ensure_user("govit-office@test.local", [R.OFFICE]))

	def test_defaults_are_the_regulations_numbers(self):
		s = get_settings()
		self.assertEqual(s.approval_threshold, 50)
		self.assertEqual(s.filing_deadline_working_days, 10)
		self.assertEqual((s.declaration_window_start, s.declaration_window_end), ("07-01", "09-30"))
		self.assertEqual(s.review_pass_score, 60)
		self.assertEqual((s.grade_excellent_min, s.grade_good_min, s.grade_pass_min), (90, 80, 60))
		self.assertEqual(
			set(s.centralized_categories), {"云计算", "云存储", "基础应用", "协同办公", "安全防护"}
		)

	def assert_refused(self, values: dict, words: str):
		response = self.office.update(DT, DT, values)
		self.assertEqual(response.status_code, 417, response.text)
		self.assertIn(words, error_text(response))
		frappe.clear_document_cache(DT, DT)
		self.assertEqual(get_settings().approval_threshold, 50, "nothing is half-saved")

	def test_threshold_must_be_positive(self):
		self.assert_refused({"approval_threshold": 0}, "第十二条")
		self.assert_refused({"approval_threshold": -5}, "立项审批起点")

	def test_window_must_be_real_month_days_in_order(self):
		self.assert_refused({"declaration_window_start": "13-45"}, "月-日")
		self.assert_refused(
			{"declaration_window_start": "10-01", "declaration_window_end": "09-30"}, "不得早于"
		)

	def test_grades_must_rise(self):
		self.assert_refused({"grade_good_min": 95}, "第二十三条")

	def test_office_changes_a_threshold_and_the_rules_read_it(self):
		response = self.office.update(DT, DT, {"approval_threshold": 80})
		self.assertEqual(response.status_code, 200, response.text)
		frappe.clear_document_cache(DT, DT)
		self.assertEqual(get_settings().approval_threshold, 80)
		self.office.update(DT, DT, {"approval_threshold": 50})
		frappe.clear_document_cache(DT, DT)

	def test_unit_users_cannot_change_settings(self):
		unit_user = ApiClient(ensure_user("govit-health@test.local", [R.UNIT_USER]))
		response = unit_user.update(DT, DT, {"approval_threshold": 1})
		self.assertEqual(response.status_code, 403)


class TestSettingsPatches(FrappeTestCase):
	def test_the_patches_fill_an_old_sites_settings_in_their_own_order(self):
		"""A site installed before construction and supervision: the acceptance patch runs while
		the supervision tables (which the settings' checks ask for) are still empty."""
		from govit_app.patches import (
			acceptance_settings_defaults,
			chapter2_settings_defaults,
			supervision_settings_defaults,
		)

		for table, field in (
			("GovIT Department Function", "acceptance_filing_departments"),
			("GovIT Supervision Field", "supervision_fields"),
		):
			frappe.db.delete(table, {"parent": DT, "parentfield": field})
		# Mandatory settings of later chapters, not there yet either.
		for field in ("om_evaluation_period", "min_experts_per_panel", "similar_name_ratio"):
			frappe.db.delete("Singles", {"doctype": DT, "field": field})
		frappe.clear_document_cache(DT, DT)
		try:
			acceptance_settings_defaults.execute()
			supervision_settings_defaults.execute()
			chapter2_settings_defaults.execute()
			settings = frappe.get_single(DT)
			self.assertEqual(len(settings.acceptance_filing_departments), 3)
			self.assertTrue(settings.supervision_fields)
			settings.validate()  # whole again once every patch has run
		finally:
			frappe.db.rollback()
			frappe.clear_document_cache(DT, DT)
