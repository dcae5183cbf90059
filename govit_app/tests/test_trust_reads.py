"""Issue 8, classes 3, 5, 6 and 7: no unit reads another's records through lists, reports,
exports, cards, charts, searches, child tables, counts or titles (docs/permissions.md rules 1,
2, 5, 6, 7)."""

import json

import frappe

from govit_app.errors import NotYourStepError
from govit_app.tests.plan_fixtures import DECLARATION
from govit_app.tests.trust_fixtures import PROJECT, TrustTestCase
from govit_app.tests.utils import ApiClient

SUB_SELECT = "upper((select group_concat(project_name) from `tabProject Declaration`)) as unit_name"


class TestUnitScoping(TrustTestCase):
	def readable(self, user: str, doctype: str = DECLARATION) -> set[str]:
		mine = {self.d_school, self.d_school_secret, self.d_health}
		if doctype == PROJECT:
			mine = {self.p_school, self.p_school_secret, self.p_health}
		return ApiClient(user).list_names(doctype) & mine

	def test_each_role_lists_what_its_article_gives_it(self):
		cases = {
			self.school_user: {self.d_school, self.d_school_secret},
			self.edu_user: {self.d_school, self.d_school_secret},
			self.health_user: {self.d_health},
			self.office_user: {self.d_school, self.d_school_secret, self.d_health},
			self.secrecy_user: {self.d_school, self.d_school_secret, self.d_health},
			self.ndrc_user: {self.d_school, self.d_health},
			self.audit_user: {self.d_school, self.d_health},
		}
		for user, expected in cases.items():
			with self.subTest(user=user):
				self.assertEqual(self.readable(user), expected)

	def test_without_its_user_permission_a_unit_user_reads_nothing(self):
		# A Unit User whose unit was never set up: Frappe's User Permission filter has nothing to
		# apply, the hooks still scope (they would otherwise show every unit's records).
		from govit_app import roles as R
		from govit_app.tests.utils import ensure_user

		stray = ensure_user("govit-stray@test.local", [R.UNIT_USER])
		self.assertEqual(self.readable(stray), set())
		self.assertEqual(self.readable(stray, PROJECT), set())
		self.assertEqual(ApiClient(stray).get_doc(PROJECT, self.p_health).status_code, 403)

	def test_a_shared_project_is_read_but_a_classified_one_never(self):
		frappe.share.add_docshare(PROJECT, self.p_health, self.school_user, read=1, notify=0)
		frappe.db.delete("DocShare", {"share_name": self.p_school_secret})  # left by an older run
		frappe.db.commit()
		self.assertIn(self.p_health, self.readable(self.school_user, PROJECT))
		# Frappe would let a share open what every hook refused: a classified record is never shared.
		with self.assertRaises(NotYourStepError) as refusal:
			frappe.share.add_docshare(
				PROJECT,
				self.p_school_secret,
				self.ndrc_user,
				read=1,
				notify=0,
				flags={"ignore_share_permission": 1},
			)
		self.assertEqual(refusal.exception.article, 25)
		frappe.db.rollback()
		self.assertNotIn(self.p_school_secret, self.readable(self.ndrc_user, PROJECT))
		self.assertEqual(ApiClient(self.ndrc_user).get_doc(PROJECT, self.p_school_secret).status_code, 403)


class TestQueryText(TrustTestCase):
	def test_sub_queries_in_fields_are_refused_on_every_list_endpoint(self):
		school = ApiClient(self.school_user)
		fields = json.dumps(["name", SUB_SELECT])
		requests = {
			"resource": lambda: school.request(
				"GET", "/api/resource/Gov Unit", query_string={"fields": fields}
			),
			"v2": lambda: school.request("GET", "/api/v2/document/Gov Unit", query_string={"fields": fields}),
			"get_list": lambda: school.call("frappe.client.get_list", doctype="Gov Unit", fields=fields),
			"get_value": lambda: school.call(
				"frappe.client.get_value", doctype="Gov Unit", fieldname=json.dumps([SUB_SELECT])
			),
			"reportview": lambda: school.call(
				"frappe.desk.reportview.get", doctype="Gov Unit", fields=fields
			),
			"export": lambda: school.call(
				"frappe.desk.reportview.export_query",
				doctype="Gov Unit",
				fields=fields,
				file_format_type="CSV",
			),
		}
		for channel, request in requests.items():
			with self.subTest(channel=channel):
				response = request()
				self.refused(response, 417)
				self.assertNotIn("_Test 信任 卫健申报", response.get_data(as_text=True))

	def test_functions_in_order_and_group_by_are_refused(self):
		school = ApiClient(self.school_user)
		for key, value in (
			("order_by", "sleep(1)"),
			("group_by", "if(1,sleep(1),1)"),
			("order_by", "name -- x"),
			("pluck", "name`, (select 1) as `x"),
		):
			with self.subTest(key=key):
				self.refused(school.call("frappe.client.get_list", doctype="Gov Unit", **{key: value}), 417)

	def test_a_card_and_a_chart_take_columns_only(self):
		school = ApiClient(self.school_user)
		card = {"function": "Sum", "aggregate_function_based_on": "(select 1)", "document_type": DECLARATION}
		self.refused(
			school.call(
				"frappe.desk.doctype.number_card.number_card.get_result", doc=json.dumps(card), filters="[]"
			),
			417,
		)
		chart = {
			"chart_type": "Group By",
			"group_by_type": "Sum",
			"group_by_based_on": "unit",
			"aggregate_function_based_on": "(select max(estimate_amount) from `tabProject Declaration`)",
			"document_type": DECLARATION,
		}
		self.refused(
			school.call(
				"frappe.desk.doctype.dashboard_chart.dashboard_chart.get", chart=json.dumps(chart), no_cache=1
			),
			417,
		)
		heatmap = {**chart, "type": "Heatmap", "based_on": "modified", "aggregate_function_based_on": None}
		self.refused(
			school.call(
				"frappe.desk.doctype.dashboard_chart.dashboard_chart.get",
				chart=json.dumps(heatmap),
				no_cache=1,
			)
		)

	def test_a_stored_card_names_columns(self):
		response = ApiClient(self.school_user).call(
			"frappe.desk.doctype.number_card.number_card.create_number_card",
			args=json.dumps(
				{
					"label": "_Test 信任 卡片",
					"document_type": DECLARATION,
					"function": "Sum",
					"aggregate_function_based_on": "(select 1)",
				}
			),
		)
		self.refused(response, 417)

	def test_the_desk_lists_reports_and_cards_still_work(self):
		school = ApiClient(self.school_user)
		response = school.call(
			"frappe.desk.reportview.get",
			doctype=DECLARATION,
			fields=json.dumps(["`tabProject Declaration`.`name`", "`tabProject Declaration`.`unit`"]),
			order_by="`tabProject Declaration`.`modified` desc",
		)
		self.assertEqual(self.names(response) & {self.d_school, self.d_health}, {self.d_school})
		card = {
			"function": "Sum",
			"aggregate_function_based_on": "estimate_amount",
			"document_type": DECLARATION,
		}
		response = school.call(
			"frappe.desk.doctype.number_card.number_card.get_result",
			doc=json.dumps(card),
			filters=json.dumps([[DECLARATION, "plan_year", "=", 2091]]),
		)
		self.assertEqual(response.status_code, 200, response.text[:300])
		self.assertEqual(response.json["message"], 160)  # the school's two drafts, not the health's


class TestChildTables(TrustTestCase):
	def test_child_rows_only_of_readable_parents(self):
		school = ApiClient(self.school_user)
		for child in (
			"Declaration Funding",
			"Declaration Material",
			"Compliance Finding",
			"GovIT Pending User",
		):
			with self.subTest(child=child):
				response = school.call(
					"frappe.client.get_list",
					doctype=child,
					parent=DECLARATION,
					fields=json.dumps(["parent"]),
					limit_page_length=0,
				)
				self.assertEqual(response.status_code, 200, response.text[:300])
				parents = {row["parent"] for row in response.json["message"]}
				self.assertNotIn(self.d_health, parents)

	def test_the_health_attachment_url_does_not_leak_through_materials(self):
		response = ApiClient(self.school_user).call(
			"frappe.client.get_list",
			doctype="Declaration Material",
			parent=DECLARATION,
			fields=json.dumps(["attachment"]),
			limit_page_length=0,
		)
		self.assertNotIn(self.health_file, response.get_data(as_text=True))

	def test_a_child_row_of_another_unit_is_not_read(self):
		row = frappe.get_all("Declaration Funding", filters={"parent": self.d_health}, pluck="name")[0]
		response = ApiClient(self.school_user).call(
			"frappe.client.get", doctype="Declaration Funding", name=row, parent=DECLARATION
		)
		self.refused(response)


class TestSearchCountTitle(TrustTestCase):
	def search(self, user: str, method: str, **extra) -> set[str]:
		response = ApiClient(user).call(
			f"frappe.desk.search.{method}",
			doctype=DECLARATION,
			txt="_Test 信任",
			ignore_user_permissions=1,
			page_length=50,
			**extra,
		)
		self.assertEqual(response.status_code, 200, response.text[:300])
		rows = response.json["message"]
		return {row["value"] if isinstance(row, dict) else row[0] for row in rows}

	def test_searches_ignoring_user_permissions_stay_in_the_unit_and_art_25(self):
		for method in ("search_link", "search_widget"):
			with self.subTest(method=method):
				self.assertEqual(self.search(self.school_user, method), {self.d_school, self.d_school_secret})
				self.assertEqual(self.search(self.health_user, method), {self.d_health})
				self.assertEqual(self.search(self.ndrc_user, method), {self.d_school, self.d_health})

	def test_a_search_runs_search_queries_only(self):
		response = ApiClient(self.school_user).call(
			"frappe.desk.search.search_widget",
			doctype="Gov Unit",
			txt=json.dumps(["name"]),
			query="frappe.client.get_list",
		)
		self.refused(response)

	def test_counts_count_only_readable_rows(self):
		def count(user, doctype, filters=None):
			response = ApiClient(user).call(
				"frappe.client.get_count", doctype=doctype, filters=json.dumps(filters or {})
			)
			self.assertEqual(response.status_code, 200, response.text[:300])
			return response.json["message"]

		filters = {"plan_year": 2091}
		self.assertEqual(count(self.school_user, DECLARATION, filters), 2)
		self.assertEqual(count(self.health_user, DECLARATION, filters), 1)
		self.assertEqual(count(self.ndrc_user, DECLARATION, filters), 2)
		# No yes/no oracle on another unit's values.
		oracle = {"name": self.d_health, "estimate_amount": 80}
		self.assertEqual(count(self.school_user, DECLARATION, oracle), 0)
		self.refused(ApiClient(self.school_user).call("frappe.client.get_count", doctype="Expert Review"))

	def test_titles_and_link_checks_name_only_readable_records(self):
		health = ApiClient(self.health_user)
		response = health.call(
			"frappe.desk.search.get_link_title", doctype=DECLARATION, docname=self.d_school_secret
		)
		self.assertEqual(response.status_code, 200)
		self.assertIsNone(response.json.get("message"))
		response = health.call(
			"frappe.client.validate_link", doctype=DECLARATION, docname=self.d_school_secret
		)
		self.assertEqual(response.status_code, 200)
		self.assertFalse(response.json.get("message"))
		response = ApiClient(self.school_user).call(
			"frappe.desk.search.get_link_title", doctype=DECLARATION, docname=self.d_school_secret
		)
		self.assertEqual(response.json.get("message"), "_Test 信任 涉密申报")
