"""The city of the trust tests (issue 8): two units below and beside a competent department,
one user per role involved, each unit's projects and draft declarations (one classified), and
a private file attached to the health unit's declaration.

Made in-process as Administrator and committed, so that the REST requests of the tests see
them; named `_Test …` so that reruns find them again.
"""

import frappe
from frappe.tests.utils import FrappeTestCase

from govit_app import roles as R
from govit_app.tests.plan_fixtures import DECLARATION, PDF, attach, clear_year, declaration_values
from govit_app.tests.utils import ensure_unit, ensure_user, error_text, insert_committed

YEAR = 2091
PROJECT = "IT Project"


def project(name: str, unit: str, **values) -> str:
	existing = frappe.db.get_value(PROJECT, {"project_name": name})
	if existing:
		return existing
	return insert_committed(
		{"doctype": PROJECT, "project_name": name, "unit": unit, "project_category": "业务应用", **values}
	).name


def draft(unit: str, project_name: str, **values) -> str:
	doc = frappe.get_doc(declaration_values(YEAR, unit, project_name, **values)).insert()
	frappe.db.commit()
	return doc.name


class TrustTestCase(FrappeTestCase):
	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		clear_year(YEAR)
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
		cls.expert_user = ensure_user("govit-expert1@test.local", [R.EXPERT])

		cls.p_school = project("_Test 信任 智慧校园", cls.school)
		cls.p_school_secret = project("_Test 信任 涉密考务", cls.school, secrecy_level="秘密")
		cls.p_health = project("_Test 信任 健康档案", cls.health)

		cls.d_school = draft(cls.school, "_Test 信任 校园申报")
		cls.d_school_secret = draft(cls.school, "_Test 信任 涉密申报", secrecy_level="机密")
		cls.d_health = draft(cls.health, "_Test 信任 卫健申报")
		health_doc = frappe.get_doc(DECLARATION, cls.d_health)
		cls.health_file = attach(health_doc, "_Test 卫健建设方案.pdf", PDF + b"% health unit's own plan\n")
		health_doc.materials[0].attachment = cls.health_file
		health_doc.save()
		frappe.db.commit()

	def refused(self, response, status: int | tuple[int, ...] = 403) -> str:
		"""The response refuses (status), carries no exception text, and says why in Chinese."""
		statuses = status if isinstance(status, tuple) else (status,)
		self.assertIn(response.status_code, statuses, response.text[:500])
		body = response.json or {}
		self.assertFalse({"exc", "exception", "_debug_messages"} & set(body), body)
		return error_text(response)

	def names(self, response) -> set[str]:
		self.assertEqual(response.status_code, 200, response.text[:500])
		message = response.json.get("message", response.json.get("data"))
		if isinstance(message, dict) and "keys" in message:  # the report view's compressed rows
			index = message["keys"].index("name")
			return {row[index] for row in message["values"]}
		return {row["name"] if isinstance(row, dict) else row[0] for row in message or []}
