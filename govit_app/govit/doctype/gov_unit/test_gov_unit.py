"""Gov Unit: names, the competent-department hierarchy (Art 8) and department functions."""

import json

import frappe
from frappe.tests.utils import FrappeTestCase

from govit_app import roles as R
from govit_app.tests.utils import ApiClient, ensure_unit, ensure_user, error_text

DT = "Gov Unit"


class TestGovUnit(FrappeTestCase):
	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		cls.office = ApiClient(ensure_user("govit-office@test.local", [R.OFFICE]))
		cls.parent = ensure_unit("_Test 上级局")
		cls.child = ensure_unit("_Test 下属中心", unit_type="其他", competent=cls.parent)

	def count(self) -> int:
		return frappe.db.count(DT)

	def test_duplicate_name_is_refused_in_chinese(self):
		before = self.count()
		response = self.office.insert(DT, {"unit_name": self.parent, "unit_type": "市级部门"})
		self.assertEqual(response.status_code, 409)
		self.assertEqual(response.json["exc_type"], "DuplicateEntryError")
		self.assertIn("已经存在", error_text(response))
		self.assertEqual(self.count(), before)

	def test_a_unit_cannot_be_its_own_competent_department(self):
		response = self.office.update(DT, self.parent, {"competent_unit": self.parent})
		self.assertEqual(response.status_code, 417)
		self.assertIn("不能是自己的主管部门", error_text(response))
		self.assertFalse(frappe.db.get_value(DT, self.parent, "competent_unit"))

	def test_a_loop_in_the_hierarchy_is_refused(self):
		response = self.office.update(DT, self.parent, {"competent_unit": self.child})
		self.assertEqual(response.status_code, 417)
		self.assertIn("循环", error_text(response))
		self.assertIn("第八条", error_text(response))
		self.assertFalse(frappe.db.get_value(DT, self.parent, "competent_unit"))

	def test_a_department_function_belongs_to_one_unit(self):
		holder = frappe.db.get_value(DT, {"department_function": "市审计局"}) or ensure_unit(
			"_Test 审计机关", function="市审计局"
		)
		response = self.office.insert(
			DT,
			{"unit_name": "_Test 第二审计机关", "unit_type": "市级部门", "department_function": "市审计局"},
		)
		self.assertEqual(response.status_code, 409)
		self.assertEqual(response.json["exc_type"], "DuplicateRecordError")
		self.assertEqual(json.loads(json.loads(response.json["_server_messages"])[-1])["article"], 4)
		self.assertIn(holder, error_text(response))
		self.assertFalse(frappe.db.exists(DT, "_Test 第二审计机关"))

	def test_subordinate_units_are_descendants_of_their_competent_department(self):
		descendants = frappe.db.get_descendants(DT, self.parent)
		self.assertIn(self.child, descendants)

	def test_unit_users_cannot_create_units(self):
		unit_user = ApiClient(ensure_user("govit-school@test.local", [R.UNIT_USER], (self.child,)))
		response = unit_user.insert(DT, {"unit_name": "_Test 私设单位", "unit_type": "其他"})
		self.assertEqual(response.status_code, 403)
		self.assertFalse(frappe.db.exists(DT, "_Test 私设单位"))
