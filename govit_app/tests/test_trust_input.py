"""Issue 8, class 10: malformed input is a 4xx with a Chinese message naming the field, never a
500, and no database text or traceback reaches the client (docs/permissions.md rule 10)."""

import json

import frappe

from govit_app.tests.plan_fixtures import DECLARATION, declaration_values
from govit_app.tests.trust_fixtures import PROJECT, YEAR, TrustTestCase
from govit_app.tests.utils import ApiClient

DB_WORDS = ("pymysql", "Traceback", "Data too long", "Out of range", "Incorrect", "SQL syntax", "for column")


class TestMalformedInput(TrustTestCase):
	def body(self, **values) -> dict:
		values = {**declaration_values(YEAR, self.school, "_Test 信任 坏输入"), **values}
		values.pop("doctype")
		return values

	def assert_clean_refusal(self, response, *fragments: str):
		self.assertTrue(400 <= response.status_code < 500, f"{response.status_code} {response.text[:300]}")
		text = self.refused(response, response.status_code)
		raw = response.get_data(as_text=True)
		for word in DB_WORDS:
			self.assertNotIn(word, raw)
		for fragment in fragments:
			self.assertIn(fragment, text)

	def test_values_of_the_wrong_type_or_size_name_their_field(self):
		school = ApiClient(self.school_user)
		cases = {
			"a text for the funding table": ({"funding": "abc"}, "拟采用资金来源"),
			"a number for the funding table": ({"funding": 5}, "拟采用资金来源"),
			"a text in a funding row": ({"funding": ["abc"]}, ""),
			"a text for an amount": ({"estimate_amount": "abc"}, "项目估算"),
			"an object for an amount": ({"estimate_amount": {"a": 1}}, "项目估算"),
			"1e308": ({"estimate_amount": 1e308}, "项目估算"),
			"an amount in a row out of range": (
				{"funding": [{"source": "财政拨款", "amount": 1e15}]},
				"金额",
			),
			"NaN": ({"estimate_amount": float("nan")}, "项目估算"),
			"infinity as text for a whole number": ({"plan_year": "1e999"}, ""),
			"2 MB of text": ({"purpose_and_content": "字" * 700_000}, "项目建设目的和内容"),
			"a long name": ({"project_name": "名" * 200}, "项目名称"),
			"a date that is none": ({"start_date": "2091-13-45"}, "启动时间"),
			"a list for a text": ({"project_leader": ["a"]}, "项目负责人"),
			"docstatus": ({"docstatus": "abc"}, ""),
		}
		for title, (values, fragment) in cases.items():
			with self.subTest(title):
				response = school.insert(DECLARATION, self.body(**values))
				self.assert_clean_refusal(response, *([fragment] if fragment else []))
		self.assertFalse(frappe.db.exists(DECLARATION, {"project_name": "_Test 信任 坏输入"}))

	def test_other_write_channels_check_their_bodies_too(self):
		school = ApiClient(self.school_user)
		requests = {
			"set_value": school.call(
				"frappe.client.set_value",
				doctype=DECLARATION,
				name=self.d_school,
				fieldname="estimate_amount",
				value="很多",
			),
			"PUT": school.update(DECLARATION, self.d_school, {"funding": "abc"}),
			"insert": school.call(
				"frappe.client.insert", doc=json.dumps({"doctype": PROJECT, "unit": ["x"]})
			),
			"insert_many": school.call("frappe.client.insert_many", docs=json.dumps({"doctype": PROJECT})),
			"bulk_update": school.call("frappe.client.bulk_update", docs=json.dumps({"x": 1})),
			"savedocs": school.call(
				"frappe.desk.form.save.savedocs", doc=json.dumps({"doctype": PROJECT}), action="Explode"
			),
			"a list body": school.request("POST", f"/api/resource/{DECLARATION}", json=[1, 2]),
			"invalid JSON": school.request(
				"POST",
				f"/api/resource/{DECLARATION}",
				data="{not json",
				headers={"Content-Type": "application/json"},
			),
		}
		for title, response in requests.items():
			with self.subTest(title):
				self.assert_clean_refusal(response)
		self.assertEqual(frappe.db.get_value(DECLARATION, self.d_school, "estimate_amount"), 80)

	def test_an_amount_sent_as_text_is_the_amount(self):
		response = ApiClient(self.school_user).update(
			DECLARATION,
			self.d_school,
			{"estimate_amount": "80", "funding": [{"source": "财政拨款", "amount": "80.0"}]},
		)
		self.assertEqual(response.status_code, 200, response.text[:300])
		self.assertEqual(frappe.db.get_value(DECLARATION, self.d_school, "estimate_amount"), 80)

	def test_no_traceback_reaches_a_user_even_where_frappe_fails(self):
		# A Frappe endpoint failing on its own input: the user gets no traceback or exception text.
		response = ApiClient(self.school_user).call(
			"frappe.desk.doctype.number_card.number_card.get_result",
			doc=json.dumps({"function": "Median", "document_type": DECLARATION}),
			filters="[]",
		)
		self.assertTrue(400 <= response.status_code < 500, response.text[:300])
		self.assertFalse({"exc", "exception"} & set(response.json or {}))
