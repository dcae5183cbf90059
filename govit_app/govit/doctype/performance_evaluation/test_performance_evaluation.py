"""Issue 11.3, 11.4, 11.6: performance evaluation by the Office over REST (Art 23), the renewal
gate it feeds (Art 24) — refusing a 运维/续建 declaration and lifted by a later evaluation — and
the report 绩效评价结果."""

import json

import frappe
from frappe.tests.utils import FrappeTestCase

from govit_app.tests.plan_fixtures import DECLARATION, attach, clear_year, declaration_values
from govit_app.tests.supervision_fixtures import SupervisionActors, evaluation_values, operating_project
from govit_app.tests.utils import ApiClient, error_text

DT = "Performance Evaluation"
REPORT = "Performance Evaluation Results"
YEAR = 2061  # the plan year of the renewal declarations


class EvaluationTestCase(FrappeTestCase):
	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		cls.a = SupervisionActors()
		clear_year(YEAR)

	def evaluate(self, project: str, year: int, value: float = 85, submit: bool = True, **changes) -> dict:
		office = ApiClient(self.a.office)
		response = office.insert(DT, evaluation_values(project, year, value, **changes))
		self.assertEqual(response.status_code, 200, error_text(response))
		doc = response.json["data"]
		if submit:
			response = office.call("frappe.client.submit", doc=doc)
			self.assertEqual(response.status_code, 200, error_text(response))
			doc = response.json["message"]
		return doc

	def standing(self, project: str) -> dict:
		return frappe.db.get_value(
			"IT Project",
			project,
			["latest_evaluation", "latest_grade", "renewal_blocked", "renewal_block_reasons"],
			as_dict=True,
		)

	def renewal(self, project: str, unit: str, nature: str = "运维") -> str:
		"""A complete 运维 (or 续建) declaration of `unit` continuing `project`, still a draft."""
		values = declaration_values(
			YEAR,
			unit,
			f"_Test {project} {nature}",
			project_nature=nature,
			it_project=project,
			estimate_amount=30,
		)
		doc = frappe.get_doc(values).insert()
		for row in doc.materials:
			if row.is_required and row.material_type != "服务需求报告":
				row.attachment = attach(doc, f"{row.material_type}.pdf")
		doc.save()
		frappe.db.commit()
		return doc.name


class TestEvaluation(EvaluationTestCase):
	def test_the_office_scores_six_aspects_and_the_project_shows_grade_and_bar(self):
		project = operating_project("_Test 评价-社保卡系统", self.a.health)
		doc = self.evaluate(project, 2025, value=85, innovation=40)
		# 20/15/15/20/20 % at 85 and 10 % at 40
		self.assertEqual((doc["total_score"], doc["grade"], doc["bars_renewal"]), (80.5, "良好", 0))
		standing = self.standing(project)
		self.assertEqual(
			(standing.latest_evaluation, standing.latest_grade, standing.renewal_blocked),
			(doc["name"], "良好", 0),
		)
		# The project's record keeps the step: who set the grade, when.
		versions = frappe.get_all(
			"Version",
			filters={"ref_doctype": "IT Project", "docname": project},
			fields=["owner", "data"],
			order_by="creation desc",
		)
		changed = {field: new for field, _old, new in json.loads(versions[0].data)["changed"]}
		self.assertEqual((changed["latest_grade"], changed["latest_evaluation"]), ("良好", doc["name"]))
		self.assertEqual(versions[0].owner, self.a.office)

		unit = ApiClient(self.a.health_user)
		self.assertEqual(unit.get_doc(DT, doc["name"]).status_code, 200, "the unit reads its evaluation")
		self.assertEqual(ApiClient(self.a.civil_user).get_doc(DT, doc["name"]).status_code, 403)
		self.assertEqual(ApiClient(self.a.audit).get_doc(DT, doc["name"]).status_code, 200)

	def test_only_the_office_evaluates(self):
		project = operating_project("_Test 评价-只读", self.a.health)
		for user in (self.a.health_user, self.a.finance, self.a.audit, self.a.experts[0]):
			response = ApiClient(user).insert(DT, evaluation_values(project, 2025))
			self.assertEqual(response.status_code, 403, user)
		self.assertFalse(frappe.db.exists(DT, {"it_project": project}))

	def test_scores_outside_0_to_100_are_refused_and_nothing_is_written(self):
		project = operating_project("_Test 评价-分数", self.a.health)
		office = ApiClient(self.a.office)
		for field, value in (("operation", 101), ("innovation", -5)):
			response = office.insert(DT, evaluation_values(project, 2025, **{field: value}))
			self.assertEqual(response.status_code, 417, field)
			self.assertEqual(response.json["exc_type"], "RegulationError")
			self.assertIn("0至100", error_text(response))
			self.assertIn("第二十三条", error_text(response))
		values = evaluation_values(project, 2025)
		del values["integration"]
		response = office.insert(DT, values)
		self.assertEqual(response.status_code, 417, "every aspect is scored")
		self.assertIn("统建融合", error_text(response))
		self.assertFalse(frappe.db.exists(DT, {"it_project": project}))

	def test_one_evaluation_per_project_and_year(self):
		project = operating_project("_Test 评价-唯一", self.a.health)
		first = self.evaluate(project, 2025)
		response = ApiClient(self.a.office).insert(DT, evaluation_values(project, 2025, 60))
		self.assertEqual(response.status_code, 409)
		self.assertIn(first["name"], error_text(response))
		self.assertEqual(frappe.db.count(DT, {"it_project": project}), 1)

	def test_a_project_not_yet_running_or_a_future_year_is_refused(self):
		building = operating_project("_Test 评价-在建", self.a.health, stage="建设中")
		response = ApiClient(self.a.office).insert(DT, evaluation_values(building, 2025))
		self.assertEqual(response.status_code, 417)
		self.assertIn("建设中", error_text(response))
		running = operating_project("_Test 评价-未来", self.a.health)
		response = ApiClient(self.a.office).insert(DT, evaluation_values(running, 2031))
		self.assertEqual(response.status_code, 417)
		self.assertIn("2031", error_text(response))


class TestRenewalGate(EvaluationTestCase):
	def submit(self, declaration: str):
		return ApiClient(self.a.health_user).apply_workflow(DECLARATION, declaration, "提交申报")

	def test_a_pass_grade_bars_the_renewal_naming_the_evaluation_until_a_later_one_lifts_it(self):
		project = operating_project("_Test 门槛-合格", self.a.health)
		barring = self.evaluate(project, 2024, value=65)
		self.assertEqual((barring["grade"], barring["bars_renewal"]), ("合格", 1))
		standing = self.standing(project)
		self.assertEqual(standing.renewal_blocked, 1)
		self.assertIn(barring["name"], standing.renewal_block_reasons)

		declaration = self.renewal(project, self.a.health)
		response = self.submit(declaration)
		self.assertEqual(response.status_code, 417)
		for fragment in (barring["name"], "合格以下", "第二十四条第（一）项", "运维"):
			self.assertIn(fragment, error_text(response))
		self.assertEqual(frappe.db.get_value(DECLARATION, declaration, "workflow_state"), "草稿")

		# A later evaluation replaces it: the bar is lifted and the unit hands the renewal in.
		later = self.evaluate(project, 2025, value=88)
		self.assertEqual(self.standing(project).latest_evaluation, later["name"])
		self.assertEqual(self.standing(project).renewal_blocked, 0)
		response = self.submit(declaration)
		self.assertEqual(response.status_code, 200, error_text(response))

	def test_data_not_shared_or_unreasonable_cloud_use_bars_a_good_project(self):
		for clause, changes in (("（二）", {"data_shared": 0}), ("（三）", {"cloud_usage_reasonable": 0})):
			with self.subTest(clause):
				project = operating_project(f"_Test 门槛-{clause}", self.a.health)
				doc = self.evaluate(project, 2025, value=95, **changes)
				self.assertEqual((doc["grade"], doc["bars_renewal"]), ("优秀", 1))
				response = self.submit(self.renewal(project, self.a.health, nature="续建"))
				self.assertEqual(response.status_code, 417)
				self.assertIn(f"第二十四条第{clause}项", error_text(response))
				self.assertIn(doc["name"], error_text(response))

	def test_an_earlier_year_recorded_late_does_not_replace_the_latest(self):
		project = operating_project("_Test 门槛-补录", self.a.health)
		latest = self.evaluate(project, 2025, value=92)
		self.evaluate(project, 2023, value=50)
		self.assertEqual(self.standing(project).latest_evaluation, latest["name"])
		self.assertEqual(self.submit(self.renewal(project, self.a.health)).status_code, 200)

	def test_cancelling_the_latest_evaluation_restores_the_one_before(self):
		project = operating_project("_Test 门槛-撤销", self.a.health)
		earlier = self.evaluate(project, 2024, value=55)
		later = self.evaluate(project, 2025, value=90)
		self.assertEqual(self.standing(project).renewal_blocked, 0)
		response = ApiClient(self.a.office).call("frappe.client.cancel", doctype=DT, name=later["name"])
		self.assertEqual(response.status_code, 200, error_text(response))
		standing = self.standing(project)
		self.assertEqual(
			(standing.latest_evaluation, standing.latest_grade, standing.renewal_blocked),
			(earlier["name"], "不合格", 1),
		)


class TestEvaluationReport(EvaluationTestCase):
	def run_report(self, user: str, **filters):
		return ApiClient(user).call(
			"frappe.desk.query_report.run", http_method="GET", report_name=REPORT, filters=json.dumps(filters)
		)

	def test_the_report_shows_grades_by_year_unit_and_grade_as_each_reader_may_see(self):
		mine = operating_project("_Test 报表-卫健", self.a.health)
		theirs = operating_project("_Test 报表-民政", self.a.civil)
		good = self.evaluate(mine, 2022, value=84)
		poor = self.evaluate(theirs, 2022, value=50, data_shared=0)

		response = self.run_report(self.a.office, evaluation_year=2022)
		self.assertEqual(response.status_code, 200, error_text(response))
		result = response.json["message"]
		rows = {row["name"]: row for row in result["result"] if row["name"] in (good["name"], poor["name"])}
		self.assertEqual((rows[good["name"]]["grade"], rows[poor["name"]]["grade"]), ("良好", "不合格"))
		self.assertEqual(rows[poor["name"]]["bars_renewal"], 1)
		self.assertEqual(result["chart"]["data"]["labels"], ["优秀", "良好", "合格", "不合格"])
		self.assertTrue(all(v >= 1 for v in result["chart"]["data"]["datasets"][0]["values"][1::2]))

		filtered = self.run_report(self.a.office, evaluation_year=2022, grade="不合格").json["message"][
			"result"
		]
		self.assertEqual({row["grade"] for row in filtered}, {"不合格"})

		unit_rows = self.run_report(self.a.health_user, evaluation_year=2022).json["message"]["result"]
		self.assertIn(good["name"], {row["name"] for row in unit_rows})
		self.assertNotIn(poor["name"], {row["name"] for row in unit_rows}, "a unit sees its own evaluations")

	def test_the_office_exports_it_and_a_unit_may_not(self):
		params = {
			"report_name": REPORT,
			"file_format_type": "Excel",
			"filters": json.dumps({"evaluation_year": 2022}),
			"visible_idx": "[]",
		}
		self.assertEqual(
			ApiClient(self.a.office).call("frappe.desk.query_report.export_query", **params).status_code, 200
		)
		self.assertEqual(
			ApiClient(self.a.health_user).call("frappe.desk.query_report.export_query", **params).status_code,
			403,
		)
