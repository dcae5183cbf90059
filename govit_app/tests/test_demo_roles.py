"""Issue 8, class 8: the demo's users hold exactly the roles it prints; none but Administrator is a
System Manager, although Frappe gives that role to the first system user (docs/permissions.md rule 11)."""

import frappe
from frappe.tests.utils import FrappeTestCase

from govit_app import roles as R
from govit_app.demo import foundation
from govit_app.permissions.membership import ensure_member
from govit_app.tests.utils import TEST_PASSWORD, ensure_unit

SM = "System Manager"


def roles_of(user: str) -> set[str]:
	return set(frappe.get_all("Has Role", filters={"parent": user, "parenttype": "User"}, pluck="role"))


class TestDemoRoles(FrappeTestCase):
	def setUp(self):
		# Frappe's rule applies while no user but Administrator is System Manager and the setup
		# wizard is complete: make it so for this test, and put everything back afterwards.
		self.managers = frappe.get_all(
			"Has Role",
			filters={"role": SM, "parenttype": "User", "parent": ("!=", "Administrator")},
			fields=["name", "parent", "parentfield", "idx"],
		)
		frappe.db.delete("Has Role", {"name": ("in", [row.name for row in self.managers] or [""])})
		frappe.db.set_single_value("System Settings", "setup_complete", 1)
		frappe.clear_cache()

	def tearDown(self):
		frappe.db.rollback()
		for row in self.managers:
			if not frappe.db.exists("Has Role", row.name):
				frappe.get_doc({"doctype": "Has Role", "role": SM, "parenttype": "User", **row}).db_insert()
		frappe.db.commit()
		frappe.clear_cache()

	def test_the_first_unit_user_of_a_city_is_not_system_manager(self):
		unit = ensure_unit("_Test 卫健委")
		user = ensure_member("govit-first@test.local", "首位用户", (R.UNIT_USER,), (unit,), TEST_PASSWORD)
		self.assertEqual(roles_of(user), {R.UNIT_USER})
		# Saving the user later (a changed language) does not make them one either.
		doc = frappe.get_doc("User", user)
		doc.language = "en"
		doc.save(ignore_permissions=True)
		self.assertEqual(roles_of(user), {R.UNIT_USER})

	def test_demo_users_hold_exactly_the_roles_the_demo_prints(self):
		foundation.load()
		printed = {email: titles for email, titles, _unit in foundation.demo_users()}
		for login, _name, roles, _unit in foundation.USERS:
			email = foundation.email(login)
			with self.subTest(email):
				self.assertEqual(roles_of(email), set(roles))
				self.assertEqual(printed[email], " / ".join(R.ROLE_TITLES[r] for r in roles))
		managers = set(frappe.get_all("Has Role", filters={"role": SM, "parenttype": "User"}, pluck="parent"))
		self.assertEqual(managers, {"Administrator"})

	def test_an_administrator_still_grants_system_manager_on_purpose(self):
		user = ensure_member("govit-admin@test.local", "管理员", (SM,), (), TEST_PASSWORD)
		self.assertEqual(roles_of(user), {SM})
