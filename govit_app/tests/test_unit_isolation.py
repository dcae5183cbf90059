"""DESIGN §1 / issue 2.5: each role sees and changes IT Projects as its article allows, over REST."""

import frappe
from frappe.tests.utils import FrappeTestCase

from govit_app import roles as R
from govit_app.tests.utils import ApiClient, ensure_unit, ensure_user, error_text, insert_committed

DT = "IT Project"


def make_project(name: str, unit: str, **extra) -> str:
	existing = frappe.db.get_value(DT, {"project_name": name})
	if existing:
		return existing
	return insert_committed(
		{"doctype": DT, "project_name": name, "unit": unit, "project_category": "业务应用", **extra}
	).name


class TestUnitIsolation(FrappeTestCase):
	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		cls.edu = ensure_unit("_Test 教育局")
		cls.school = ensure_unit("_Test 第一中学", unit_type="其他", competent=cls.edu)
		cls.health = ensure_unit("_Test 卫健委")

		cls.school_user = ensure_user("govit-school@test.local", [R.UNIT_USER], (cls.school,))
		cls.health_user = ensure_user("govit-health@test.local", [R.UNIT_USER], (cls.health,))
		cls.edu_user = ensure_user("govit-edu@test.local", [R.COMPETENT_DEPT], (cls.edu,))
		cls.office_user = ensure_user("govit-office@test.local", [R.OFFICE])
		cls.audit_user = ensure_user("govit-audit@test.local", [R.AUDIT])
		cls.secrecy_user = ensure_user("govit-secrecy@test.local", [R.SECRECY])
		cls.ndrc_user = ensure_user("govit-ndrc@test.local", [R.NDRC])

		cls.p_school = make_project("_Test 智慧校园", cls.school)
		cls.p_school_secret = make_project("_Test 涉密考务系统", cls.school, secrecy_level="秘密")
		cls.p_health = make_project("_Test 健康档案", cls.health)
		cls.p_shared = make_project(
			"_Test 医校协同平台",
			cls.health,
			is_cross_department=1,
			participating_units=[{"unit": cls.school}],
		)
		cls.mine = {cls.p_school, cls.p_school_secret, cls.p_health, cls.p_shared}

	def visible(self, user: str) -> set[str]:
		return ApiClient(user).list_names(DT) & self.mine

	def test_unit_user_sees_only_its_unit_and_shared_projects(self):
		self.assertEqual(self.visible(self.school_user), {self.p_school, self.p_school_secret, self.p_shared})
		self.assertEqual(self.visible(self.health_user), {self.p_health, self.p_shared})

	def test_unit_user_reads_and_updates_own_project_only(self):
		api = ApiClient(self.school_user)
		before = frappe.db.get_value(DT, self.p_health, "project_category")
		self.assertEqual(api.get_doc(DT, self.p_school).status_code, 200)
		self.assertEqual(api.get_doc(DT, self.p_health).status_code, 403)
		self.assertEqual(api.update(DT, self.p_school, {"project_category": "数据资源"}).status_code, 200)
		self.assertEqual(frappe.db.get_value(DT, self.p_school, "project_category"), "数据资源")
		self.assertEqual(api.update(DT, self.p_health, {"project_category": "数据资源"}).status_code, 403)
		self.assertEqual(frappe.db.get_value(DT, self.p_health, "project_category"), before)

	def test_unit_user_cannot_set_what_the_process_sets(self):
		api = ApiClient(self.school_user)
		for values in ({"stage": "已立项"}, {"approved_amount": 999}, {"latest_grade": "优秀"}):
			response = api.update(DT, self.p_school, values)
			self.assertEqual(response.status_code, 403, values)
			self.assertIn("市政府办公室", error_text(response))
		self.assertEqual(frappe.db.get_value(DT, self.p_school, "stage"), "申报中")
		response = api.insert(
			DT,
			{
				"project_name": "_Test 自定阶段",
				"unit": self.school,
				"project_category": "其他",
				"stage": "运维中",
			},
		)
		self.assertEqual(response.status_code, 403)
		self.assertFalse(frappe.db.exists(DT, {"project_name": "_Test 自定阶段"}))

	def test_office_records_a_running_project_with_its_stage(self):
		response = ApiClient(self.office_user).update(DT, self.p_health, {"latest_grade": "良好"})
		self.assertEqual(response.status_code, 200, response.text)
		self.assertEqual(frappe.db.get_value(DT, self.p_health, "latest_grade"), "良好")

	def test_participating_unit_reads_but_cannot_change_a_cross_department_project(self):
		api = ApiClient(self.school_user)
		self.assertEqual(api.get_doc(DT, self.p_shared).status_code, 200)
		self.assertEqual(api.update(DT, self.p_shared, {"project_category": "其他"}).status_code, 403)

	def test_unit_user_cannot_delete_or_create_for_another_unit(self):
		api = ApiClient(self.school_user)
		self.assertEqual(api.delete(DT, self.p_school).status_code, 403)
		self.assertEqual(api.delete(DT, self.p_health).status_code, 403)
		response = api.insert(
			DT, {"project_name": "_Test 越权项目", "unit": self.health, "project_category": "其他"}
		)
		self.assertEqual(response.status_code, 403)
		self.assertFalse(frappe.db.exists(DT, {"project_name": "_Test 越权项目"}))

	def test_unit_user_creates_a_project_for_its_own_unit(self):
		api = ApiClient(self.school_user)
		response = api.insert(
			DT, {"project_name": "_Test 新建档案", "unit": self.school, "project_category": "其他"}
		)
		self.assertEqual(response.status_code, 200, response.text)
		name = response.json["data"]["name"]
		self.assertEqual(response.json["data"]["stage"], "申报中")
		frappe.delete_doc(DT, name, force=True, ignore_permissions=True)
		frappe.db.commit()

	def test_competent_department_sees_units_below_it_read_only(self):
		api = ApiClient(self.edu_user)
		self.assertEqual(self.visible(self.edu_user), {self.p_school, self.p_school_secret})
		self.assertEqual(api.get_doc(DT, self.p_health).status_code, 403)
		self.assertEqual(api.update(DT, self.p_school, {"project_category": "其他"}).status_code, 403)

	def test_office_sees_and_changes_everything(self):
		api = ApiClient(self.office_user)
		self.assertEqual(self.visible(self.office_user), self.mine)
		self.assertEqual(api.update(DT, self.p_health, {"project_category": "基础设施"}).status_code, 200)
		throwaway = make_project("_Test 待删除", self.health)
		self.assertEqual(api.delete(DT, throwaway).status_code, 202)
		self.assertFalse(frappe.db.exists(DT, throwaway))

	def test_audit_reads_everything_unclassified_and_changes_nothing(self):
		api = ApiClient(self.audit_user)
		self.assertEqual(self.visible(self.audit_user), self.mine - {self.p_school_secret})
		self.assertEqual(api.get_doc(DT, self.p_school_secret).status_code, 403)
		self.assertEqual(api.update(DT, self.p_school, {"project_category": "其他"}).status_code, 403)
		self.assertEqual(api.delete(DT, self.p_school).status_code, 403)

	def test_classified_project_is_seen_only_by_its_unit_office_and_secrecy(self):
		self.assertIn(self.p_school_secret, self.visible(self.secrecy_user))
		self.assertIn(self.p_school_secret, self.visible(self.office_user))
		self.assertNotIn(self.p_school_secret, self.visible(self.ndrc_user))
		self.assertNotIn(self.p_school_secret, self.visible(self.health_user))
		self.assertEqual(ApiClient(self.ndrc_user).get_doc(DT, self.p_school_secret).status_code, 403)
