"""Issue 11.5: the information resource catalogue (Art 6) over REST — each unit keeps its own
entries, every unit reads the catalogue and asks another for a resource, the owner answers —
the Office's export of the whole catalogue, declarations referencing resources, and the
acceptance filing's 政务信息资源目录及共享情况 printed from the catalogue."""

import json

import frappe
from frappe.tests.utils import FrappeTestCase

from govit_app.tests.plan_fixtures import DECLARATION, clear_year, declaration_values, pdf_text
from govit_app.tests.supervision_fixtures import SupervisionActors, operating_project
from govit_app.tests.utils import ApiClient, error_text

DT = "Information Resource"
REQUEST = "Information Resource Request"
ANSWER = "govit_app.govit.doctype.information_resource_request.information_resource_request.answer"
YEAR = 2062


class CatalogueTestCase(FrappeTestCase):
	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		cls.a = SupervisionActors()
		clear_year(YEAR)
		cls.health_project = operating_project("_Test 目录-健康档案", cls.a.health)
		cls.civil_project = operating_project("_Test 目录-救助系统", cls.a.civil)

	def resource(self, user: str, project: str, name: str, expect: int = 200, **values) -> dict:
		response = ApiClient(user).insert(
			DT,
			{
				"it_project": project,
				"resource_name": name,
				"share_type": "有条件共享",
				"share_conditions": "仅限民生救助审核使用",
				"update_frequency": "每日",
				"resource_format": "接口服务",
				"source_system": "健康档案管理系统",
				**values,
			},
		)
		self.assertEqual(response.status_code, expect, error_text(response))
		return response.json.get("data") or {}

	def request(self, user: str, resource: str, unit: str, expect: int = 200) -> dict:
		response = ApiClient(user).insert(
			REQUEST,
			{
				"information_resource": resource,
				"requesting_unit": unit,
				"purpose": "低保对象家庭成员健康状况核对",
			},
		)
		self.assertEqual(response.status_code, expect, error_text(response))
		return response.json.get("data") or {}

	def answer(self, user: str, name: str, decision: str, answer: str = "", expect: int = 200):
		response = ApiClient(user).call(ANSWER, name=name, decision=decision, answer=answer)
		self.assertEqual(response.status_code, expect, error_text(response))
		return response


class TestCatalogue(CatalogueTestCase):
	def test_a_unit_catalogues_its_projects_resources_and_every_unit_reads_them(self):
		doc = self.resource(self.a.health_user, self.health_project, "_Test 居民健康档案")
		self.assertEqual(doc["unit"], self.a.health)
		civil = ApiClient(self.a.civil_user)
		self.assertIn(doc["name"], civil.list_names(DT))
		self.assertEqual(civil.get_doc(DT, doc["name"]).status_code, 200)
		# Only the owning unit changes or deletes its entry.
		response = civil.update(DT, doc["name"], {"share_type": "无条件共享"})
		self.assertEqual(response.status_code, 403)
		self.assertEqual(civil.delete(DT, doc["name"]).status_code, 403)
		self.assertEqual(frappe.db.get_value(DT, doc["name"], "share_type"), "有条件共享")
		response = ApiClient(self.a.health_user).update(DT, doc["name"], {"update_frequency": "实时"})
		self.assertEqual(response.status_code, 200, error_text(response))

	def test_a_unit_does_not_catalogue_another_units_project(self):
		response = ApiClient(self.a.civil_user).insert(
			DT,
			{
				"it_project": self.health_project,
				"resource_name": "_Test 冒名资源",
				"share_type": "无条件共享",
				"update_frequency": "每月",
				"resource_format": "文件",
				"source_system": "x",
			},
		)
		self.assertEqual(response.status_code, 403)
		self.assertFalse(frappe.db.exists(DT, {"resource_name": "_Test 冒名资源"}))

	def test_conditions_or_the_basis_for_not_sharing_are_required(self):
		for share_type in ("有条件共享", "不予共享"):
			response = ApiClient(self.a.health_user).insert(
				DT,
				{
					"it_project": self.health_project,
					"resource_name": f"_Test 无条件说明-{share_type}",
					"share_type": share_type,
					"update_frequency": "每月",
					"resource_format": "文件",
					"source_system": "x",
				},
			)
			self.assertEqual(response.status_code, 417, share_type)
			self.assertIn("共享条件或不予共享依据", error_text(response))

	def test_classified_projects_resources_stay_with_their_unit(self):
		secret = operating_project("_Test 目录-涉密系统", self.a.health, secrecy_level="秘密")
		doc = self.resource(self.a.health_user, secret, "_Test 涉密资源")
		self.assertNotIn(doc["name"], ApiClient(self.a.civil_user).list_names(DT))
		self.assertEqual(ApiClient(self.a.civil_user).get_doc(DT, doc["name"]).status_code, 403)
		self.assertIn(doc["name"], ApiClient(self.a.secrecy).list_names(DT))


class TestRequests(CatalogueTestCase):
	def test_another_unit_asks_and_the_owner_agrees_or_refuses_with_a_reason(self):
		resource = self.resource(self.a.health_user, self.health_project, "_Test 就诊记录")["name"]
		request = self.request(self.a.civil_user, resource, self.a.civil)
		self.assertEqual((request["status"], request["resource_unit"]), ("待答复", self.a.health))

		# The requester does not answer its own request, nor may the status be written by hand.
		self.answer(self.a.civil_user, request["name"], "同意", expect=403)
		response = ApiClient(self.a.civil_user).update(REQUEST, request["name"], {"status": "同意"})
		self.assertIn(response.status_code, (403, 417))
		self.answer(self.a.health_user, request["name"], "不同意", expect=417)  # a refusal gives its reason
		self.answer(self.a.health_user, request["name"], "同意", "按月提供脱敏数据")
		done = frappe.get_doc(REQUEST, request["name"])
		self.assertEqual(
			(done.status, done.answered_by, done.answer), ("同意", self.a.health_user, "按月提供脱敏数据")
		)
		self.answer(self.a.health_user, request["name"], "不同意", "改变主意", expect=417)  # answered once

		refused = self.request(self.a.civil_user, resource, self.a.civil)["name"]
		self.answer(self.a.health_user, refused, "不同意", "超出共享条件规定的用途")
		self.assertEqual(frappe.db.get_value(REQUEST, refused, "status"), "不同意")

	def test_the_two_units_see_a_request_and_no_third(self):
		resource = self.resource(self.a.health_user, self.health_project, "_Test 疫苗接种记录")["name"]
		request = self.request(self.a.civil_user, resource, self.a.civil)["name"]
		self.assertIn(request, ApiClient(self.a.health_user).list_names(REQUEST))
		self.assertIn(request, ApiClient(self.a.civil_user).list_names(REQUEST))
		self.assertIn(request, ApiClient(self.a.office).list_names(REQUEST))
		self.assertNotIn(request, ApiClient(self.a.transport_user).list_names(REQUEST))
		self.assertEqual(ApiClient(self.a.transport_user).get_doc(REQUEST, request).status_code, 403)

	def test_no_request_for_ones_own_or_a_not_shared_resource_or_in_another_units_name(self):
		own = self.resource(self.a.health_user, self.health_project, "_Test 自有资源")["name"]
		self.assertIn(
			"第六条",
			error_text(
				ApiClient(self.a.health_user).insert(
					REQUEST, {"information_resource": own, "requesting_unit": self.a.health, "purpose": "x"}
				)
			),
		)
		closed = self.resource(
			self.a.health_user,
			self.health_project,
			"_Test 不共享资源",
			share_type="不予共享",
			share_conditions="涉及个人隐私",
		)["name"]
		self.request(self.a.civil_user, closed, self.a.civil, expect=417)
		response = ApiClient(self.a.transport_user).insert(
			REQUEST, {"information_resource": own, "requesting_unit": self.a.civil, "purpose": "x"}
		)
		self.assertEqual(response.status_code, 403, "a unit asks in its own name")


class TestCatalogueOutputs(CatalogueTestCase):
	def test_the_office_exports_the_whole_catalogue_with_request_counts(self):
		resource = self.resource(self.a.health_user, self.health_project, "_Test 出生医学证明")["name"]
		request = self.request(self.a.civil_user, resource, self.a.civil)["name"]
		self.answer(self.a.health_user, request, "同意")
		self.resource(self.a.civil_user, self.civil_project, "_Test 低保家庭名单", share_type="无条件共享")
		office = ApiClient(self.a.office)
		response = office.call(
			"frappe.desk.query_report.run",
			http_method="GET",
			report_name="Information Resource Catalogue",
			filters=json.dumps({}),
		)
		self.assertEqual(response.status_code, 200, error_text(response))
		rows = {row["resource_name"]: row for row in response.json["message"]["result"]}
		self.assertEqual(
			(rows["_Test 出生医学证明"]["requests"], rows["_Test 出生医学证明"]["agreed"]), (1, 1)
		)
		self.assertEqual(rows["_Test 低保家庭名单"]["unit"], self.a.civil)
		params = {
			"report_name": "Information Resource Catalogue",
			"file_format_type": "Excel",
			"filters": "{}",
			"visible_idx": "[]",
		}
		self.assertEqual(office.call("frappe.desk.query_report.export_query", **params).status_code, 200)
		self.assertEqual(
			ApiClient(self.a.civil_user).call("frappe.desk.query_report.export_query", **params).status_code,
			403,
		)

	def test_the_projects_catalogue_and_sharing_print_from_the_catalogue(self):
		resource = self.resource(self.a.health_user, self.health_project, "_Test 慢病随访记录")["name"]
		self.answer(
			self.a.health_user, self.request(self.a.civil_user, resource, self.a.civil)["name"], "同意"
		)
		text = pdf_text(self.a.health_user, "IT Project", self.health_project, "政务信息资源目录及共享情况")
		for fragment in (
			"政务信息资源目录及共享情况",
			"_Test慢病随访记录",
			"有条件共享",
			"仅限民生救助审核使用",
			self.a.civil.replace(" ", ""),
		):
			self.assertIn(fragment, text)

	def test_a_declaration_references_catalogued_resources(self):
		resource = self.resource(
			self.a.civil_user, self.civil_project, "_Test 困难群众名单", share_type="无条件共享"
		)["name"]
		values = declaration_values(YEAR, self.a.health, "_Test 医疗救助一站式结算")
		values.pop("doctype")
		values["information_resources"] = [{"information_resource": resource}]
		response = ApiClient(self.a.health_user).insert(DECLARATION, values)
		self.assertEqual(response.status_code, 200, error_text(response))
		self.assertEqual(
			[r["information_resource"] for r in response.json["data"]["information_resources"]], [resource]
		)
