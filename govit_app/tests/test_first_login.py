"""A first login over HTTP opens the desk on the workspace 政务信息化项目管理, in Chinese, never the
setup wizard: for a unit user made as the demo makes its users, and for a new administrator."""

import json
import re

import frappe
from frappe.tests.utils import FrappeTestCase
from frappe.utils.password import update_password

from govit_app import roles as R
from govit_app.setup import complete_setup_wizard
from govit_app.tests.utils import TEST_PASSWORD, ApiClient, ensure_unit, ensure_user
from govit_app.utils.landing import WORKSPACE

# The boot is one JSON string literal on one line; its text may itself contain `");`.
BOOT = re.compile(r"frappe\.boot = JSON\.parse\((\"[^\n]*\")\);[ \t]*$", re.M)


def slug(name: str) -> str:
	"""frappe.router.slug"""
	return name.lower().replace(" ", "-")


def landing(boot: dict) -> str:
	"""The route /app opens, resolved as frappe/public/js/frappe/router.js does (Frappe v15)."""
	workspaces = {slug(page["name"]): page for page in boot.get("allowed_workspaces") or []}
	default = slug((boot["user"].get("default_workspace") or {}).get("name") or "")
	user = boot["user"]["name"].lower()
	page = (
		workspaces.get(default)
		or workspaces.get(f"home-{user}")
		or workspaces.get("home")
		or next(iter(workspaces.values()), None)
	)
	if not page:
		return "/app"
	return "/app/" + ("" if page.get("public") else "private/") + slug(page["title"])


class TestFirstLogin(FrappeTestCase):
	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		complete_setup_wizard()  # as scripts/setup and the demo do

	def first_login(self, user: str, password: str = TEST_PASSWORD) -> dict:
		api = ApiClient(user, password)
		login = api.request("POST", "/api/method/login", data={"usr": user, "pwd": password})
		self.assertEqual(login.json.get("home_page"), "/app")
		page = api.request("GET", "/app", headers={"Accept": "text/html"})
		self.assertEqual(page.status_code, 200, page.text[:300])
		match = BOOT.search(page.text)
		self.assertIsNotNone(match, "no frappe.boot in /app")
		return json.loads(json.loads(match.group(1)))

	def assert_lands_in_workspace(self, boot: dict) -> None:
		self.assertEqual(boot.get("setup_complete"), 1)  # the desk, not the setup wizard
		self.assertNotEqual(boot.get("home_page"), "setup-wizard")
		self.assertEqual(boot.get("lang"), "zh")
		self.assertEqual(landing(boot), "/app/" + slug(WORKSPACE))
		self.assertEqual(boot["user"]["default_workspace"]["name"], WORKSPACE)

	def test_a_unit_user_lands_in_the_workspace_in_chinese(self):
		unit = ensure_unit("_Test 首次登录单位")
		self.assert_lands_in_workspace(
			self.first_login(ensure_user("govit-first@test.local", [R.UNIT_USER], (unit,)))
		)

	def test_a_new_administrator_lands_in_the_workspace_in_chinese(self):
		email = "govit-new-admin@test.local"
		if not frappe.db.exists("User", email):
			user = frappe.get_doc(
				{"doctype": "User", "email": email, "first_name": "新管理员", "send_welcome_email": 0}
			)
			user.flags.no_welcome_mail = True
			user.append("roles", {"role": "System Manager"})
			user.insert(ignore_permissions=True)
		update_password(email, TEST_PASSWORD)
		frappe.db.commit()
		self.assert_lands_in_workspace(self.first_login(email))
