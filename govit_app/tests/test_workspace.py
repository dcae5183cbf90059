"""The workspace 政务信息化项目管理: its cards and charts exist and count what each user may see."""

import json

import frappe
from frappe.tests.utils import FrappeTestCase

from govit_app import roles as R
from govit_app.tests.utils import ApiClient, ensure_unit, ensure_user, insert_committed

WORKSPACE = "E-Government IT Projects"
CARD_METHOD = "frappe.desk.doctype.number_card.number_card.get_result"


def card_value(api: ApiClient, card: str, filters: list | None = None) -> float:
	doc = frappe.get_doc("Number Card", card)
	response = api.call(
		CARD_METHOD,
		doc=json.dumps(doc.as_dict(), default=str),
		filters=json.dumps(filters or json.loads(doc.filters_json)),
	)
	if response.status_code != 200:
		raise AssertionError(f"{api.user} reading {card}: {response.status_code} {response.text[:300]}")
	return response.json["message"]


class TestWorkspace(FrappeTestCase):
	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		cls.unit = ensure_unit("_Test 看板单位")
		cls.other = ensure_unit("_Test 看板他单位")
		cls.unit_user = ensure_user("govit-board@test.local", [R.UNIT_USER], (cls.unit,))
		cls.office = ensure_user("govit-office@test.local", [R.OFFICE])
		for name, unit in (("_Test 看板项目甲", cls.unit), ("_Test 看板项目乙", cls.other)):
			if not frappe.db.exists("IT Project", {"project_name": name}):
				insert_committed(
					{"doctype": "IT Project", "project_name": name, "unit": unit, "project_category": "其他"}
				)

	def test_the_workspace_is_public_and_shows_every_card_and_chart(self):
		workspace = frappe.get_doc("Workspace", WORKSPACE)
		self.assertTrue(workspace.public)
		self.assertEqual(workspace.module, "GovIT")
		for row in workspace.number_cards:
			card = frappe.get_doc("Number Card", row.number_card_name)
			self.assertTrue(frappe.db.exists("DocType", card.document_type), card.name)
			if card.type == "Custom":
				self.assertTrue(frappe.get_attr(card.method), card.name)
		for row in workspace.charts:
			chart = frappe.get_doc("Dashboard Chart", row.chart_name)
			self.assertTrue(
				frappe.get_meta(chart.document_type).has_field(chart.group_by_based_on), chart.name
			)
		self.assertIn(R.UNIT_USER, {r.role for r in workspace.roles})

	def test_a_unit_user_counts_only_its_own_projects(self):
		mine = [["IT Project", "project_name", "like", "_Test 看板项目%"]]
		self.assertEqual(card_value(ApiClient(self.unit_user), "Projects Under Declaration", mine), 1)
		self.assertEqual(card_value(ApiClient(self.office), "Projects Under Declaration", mine), 2)
