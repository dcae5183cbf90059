"""Issue 3: a project declaration through Frappe's REST API, as the real user of each step (Art 5-9, 12, 14, 17, 18, 24, 25)."""

from datetime import timedelta

import frappe
from frappe.tests.utils import FrappeTestCase
from frappe.utils import getdate

from govit_app import roles as R
from govit_app.tests.utils import (
	ApiClient,
	ensure_unit,
	ensure_user,
	error_text,
	insert_committed,
	run_queued_jobs,
)

DT = "Project Declaration"
YEAR = 2098
PDF = b"%PDF-1.4\n% govit test material\n"
SEVEN = (
	"建设方案",
	"项目概算表",
	"可行性研究报告",
	"政务信息资源目录及共享方式",
	"政务信息资源需求",
	"统一用户认证体系接入方案",
	"网络安全建设方案",
)
NOTIFY = "frappe.desk.doctype.notification_log.notification_log.make_notification_logs"


def ensure_round(plan_year: int, open_date, close_date) -> str:
	name = str(plan_year)
	if frappe.db.exists("Declaration Round", name):
		frappe.db.set_value("Declaration Round", name, {"open_date": open_date, "close_date": close_date})
		frappe.db.commit()
		return name
	return insert_committed(
		{
			"doctype": "Declaration Round",
			"plan_year": plan_year,
			"open_date": open_date,
			"close_date": close_date,
		}
	).name


def office_unit() -> str:
	return frappe.db.get_value("Gov Unit", {"department_function": "市政府办公室"}) or ensure_unit(
		"_Test 市政府办公室", function="市政府办公室"
	)


def ensure_project(name: str, unit: str, **values) -> str:
	project = frappe.db.get_value("IT Project", {"project_name": name})
	if not project:
		project = insert_committed(
			{"doctype": "IT Project", "project_name": name, "unit": unit, "project_category": "业务应用"}
		).name
	# Performance Evaluation (a later stage) writes these; here they are the project's standing.
	frappe.db.set_value(
		"IT Project",
		project,
		{"latest_grade": "", "renewal_blocked": 0, "renewal_block_reasons": "", **values},
	)
	frappe.db.commit()
	return project


class DeclarationTestCase(FrappeTestCase):
	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		today = getdate()
		cls.round = ensure_round(YEAR, today - timedelta(days=30), today + timedelta(days=30))
		cls.closed_round = ensure_round(YEAR - 1, today - timedelta(days=90), today - timedelta(days=1))
		cls.edu = ensure_unit("_Test 教育局")
		cls.school = ensure_unit("_Test 第一中学", unit_type="其他", competent=cls.edu)
		cls.health = ensure_unit("_Test 卫健委")
		cls.office = office_unit()

		cls.school_user = ensure_user("govit-school@test.local", [R.UNIT_USER], (cls.school,))
		cls.health_user = ensure_user("govit-health@test.local", [R.UNIT_USER], (cls.health,))
		cls.health_colleague = ensure_user("govit-health2@test.local", [R.UNIT_USER], (cls.health,))
		cls.edu_user = ensure_user("govit-edu@test.local", [R.COMPETENT_DEPT], (cls.edu,))
		cls.office_user = ensure_user("govit-office@test.local", [R.OFFICE])
		cls.office_user2 = ensure_user("govit-office2@test.local", [R.OFFICE])
		# An Office staffer who also declares the Office's own projects (Art 14).
		cls.office_declarant = ensure_user(
			"govit-office-declarant@test.local", [R.UNIT_USER, R.OFFICE], (cls.office,)
		)
		cls.audit_user = ensure_user("govit-audit@test.local", [R.AUDIT])
		cls.secrecy_user = ensure_user("govit-secrecy@test.local", [R.SECRECY])
		cls.ndrc_user = ensure_user("govit-ndrc@test.local", [R.NDRC])

		cls.health_system = ensure_project("_Test 全民健康信息平台", cls.health)

	# ---- helpers: what a user does in the desk, over REST

	def payload(self, unit: str, **values) -> dict:
		return {
			"declaration_round": self.round,
			"unit": unit,
			"project_name": "_Test 智慧校园二期",
			"project_nature": "新建",
			"project_category": "业务应用",
			"project_leader": "王建国",
			"project_leader_phone": "13812345678",
			"contact_person": "李敏",
			"contact_phone": "0523-87654321",
			"purpose_and_content": "建设统一的校园数据中心和家校互动平台。",
			"start_date": f"{YEAR}-01-01",
			"end_date": f"{YEAR}-12-31",
			"estimate_amount": 80,
			"funding": [{"source": "财政拨款", "amount": 60}, {"source": "自筹经费", "amount": 20}],
			"mlps_level": "第三级",
			"has_crypto_plan": "是",
			**values,
		}

	def create(self, api: ApiClient, unit: str, **values) -> dict:
		response = api.insert(DT, self.payload(unit, **values))
		self.assertEqual(response.status_code, 200, error_text(response))
		return response.json["data"]

	def upload(self, api: ApiClient, name: str, filename: str, content: bytes = PDF):
		return api.upload(DT, name, filename, content)

	def attach_materials(self, api: ApiClient, doc: dict, materials=SEVEN) -> dict:
		rows = doc["materials"]
		for row in rows:
			if row["material_type"] in materials:
				response = self.upload(api, doc["name"], f"{row['material_type']}.pdf")
				self.assertEqual(response.status_code, 200, error_text(response))
				row["attachment"] = response.json["message"]["file_url"]
		response = api.update(DT, doc["name"], {"materials": rows})
		self.assertEqual(response.status_code, 200, error_text(response))
		return response.json["data"]

	def ready(self, api: ApiClient, unit: str, **values) -> dict:
		"""A complete declaration, its seven documents attached, still a draft."""
		return self.attach_materials(api, self.create(api, unit, **values))

	def act(self, user: str, name: str, action: str, expect: int = 200):
		response = ApiClient(user).apply_workflow(DT, name, action)
		self.assertEqual(response.status_code, expect, error_text(response))
		return response

	def state(self, name: str) -> str:
		return frappe.db.get_value(DT, name, "workflow_state")

	def notified(self, user: str, name: str) -> bool:
		run_queued_jobs(NOTIFY)
		return bool(frappe.db.exists("Notification Log", {"for_user": user, "document_name": name}))


class TestDeclarationFlow(DeclarationTestCase):
	def test_school_declares_through_its_competent_department_to_a_passed_review(self):
		school = ApiClient(self.school_user)
		doc = self.ready(
			school, self.school, estimate_amount=50, funding=[{"source": "财政拨款", "amount": 50}]
		)
		name = doc["name"]
		self.assertEqual(doc["workflow_state"], "草稿")
		self.assertEqual(doc["competent_unit"], self.edu)
		self.assertEqual(doc["needs_approval"], 1)  # 50 万元 itself needs approval (Art 12)

		self.act(self.school_user, name, "提交申报")
		self.assertEqual(self.state(name), "待主管部门审核")
		self.assertTrue(self.notified(self.edu_user, name), "the competent department is told")
		self.assertFalse(self.notified(self.office_user, name), "the Office only once the department agreed")

		# The competent department signs its opinion before passing it on (Art 8).
		self.act(self.edu_user, name, "审核同意", expect=417)
		edu = ApiClient(self.edu_user)
		response = edu.update(DT, name, {"competent_opinion": "同意申报", "competent_signer": "陈红"})
		self.assertEqual(response.status_code, 200, error_text(response))
		self.act(self.edu_user, name, "审核同意")
		self.assertEqual(self.state(name), "待受理")
		self.assertEqual(frappe.db.get_value(DT, name, "competent_opinion_date"), getdate())
		self.assertTrue(self.notified(self.office_user, name), "the Office is told")

		self.act(self.office_user, name, "受理")
		accepted = frappe.get_doc(DT, name)
		self.assertEqual((accepted.workflow_state, accepted.docstatus), ("评审中", 1))
		project = frappe.get_doc("IT Project", accepted.it_project)
		self.assertEqual(
			(project.project_name, project.unit, project.stage), (doc["project_name"], self.school, "申报中")
		)
		self.assertTrue(self.notified(self.school_user, name), "the unit learns of the acceptance")

		# Until the expert reviews conclude, neither outcome is offered.
		self.act(self.office_user, name, "评审通过", expect=417)
		frappe.db.set_value(
			DT, name, {"review_result": "通过", "review_score": 86.5, "recommended_amount": 48}
		)
		frappe.db.commit()
		self.act(self.office_user, name, "评审不通过", expect=417)
		self.act(self.office_user, name, "评审通过")
		self.assertEqual(self.state(name), "评审通过")

		steps = frappe.get_all(
			"Comment",
			filters={"reference_doctype": DT, "reference_name": name, "comment_type": "Workflow"},
			pluck="content",
			order_by="creation",
		)
		self.assertEqual(steps, ["待主管部门审核", "待受理", "评审中", "评审通过"])

	def test_a_unit_without_competent_department_goes_to_the_office_and_can_be_returned(self):
		health = ApiClient(self.health_user)
		name = self.ready(health, self.health)["name"]
		self.act(self.health_user, name, "提交申报")
		self.assertEqual(self.state(name), "待受理")

		self.act(self.office_user, name, "退回修改")
		self.assertEqual(self.state(name), "草稿")
		self.assertTrue(self.notified(self.health_user, name), "the declarant is told to change it")
		self.assertTrue(self.notified(self.health_colleague, name), "so are the unit's other users")

		response = health.update(DT, name, {"project_name": "_Test 智慧校园二期（修改稿）"})
		self.assertEqual(response.status_code, 200, error_text(response))
		self.act(self.health_user, name, "提交申报")
		self.assertEqual(self.state(name), "待受理")

	def test_the_competent_department_returns_a_declaration(self):
		name = self.ready(ApiClient(self.school_user), self.school)["name"]
		self.act(self.school_user, name, "提交申报")
		self.act(self.edu_user, name, "退回修改")
		self.assertEqual(self.state(name), "草稿")
		self.assertTrue(self.notified(self.school_user, name))

	def test_participating_units_read_a_cross_department_declaration(self):
		name = self.create(
			ApiClient(self.health_user),
			self.health,
			is_cross_department=1,
			participating_units=[{"unit": self.school}],
		)["name"]
		self.assertEqual(ApiClient(self.school_user).get_doc(DT, name).status_code, 200)
		self.assertEqual(
			ApiClient(self.school_user).update(DT, name, {"project_name": "改名"}).status_code, 403
		)

	def test_the_project_timeline_lists_the_declaration(self):
		health = ApiClient(self.health_user)
		name = self.ready(
			health,
			self.health,
			project_nature="续建",
			it_project=self.health_system,
			declaration_date=str(getdate()),
		)["name"]
		response = health.call(
			"govit_app.govit.doctype.it_project.timeline.get_timeline", project=self.health_system
		)
		self.assertEqual(response.status_code, 200, error_text(response))
		entries = {e["name"]: e for e in response.json["message"]}
		self.assertEqual(entries[name]["status"], "草稿")
		self.assertEqual(entries[name]["date"], str(getdate()))
		self.assertEqual(
			ApiClient(self.school_user)
			.call("govit_app.govit.doctype.it_project.timeline.get_timeline", project=self.health_system)
			.status_code,
			403,
		)


class TestWhoMayAct(DeclarationTestCase):
	def test_each_step_belongs_to_its_role(self):
		name = self.ready(ApiClient(self.school_user), self.school)["name"]
		for user in (self.edu_user, self.office_user, self.audit_user):
			self.act(user, name, "提交申报", expect=417)
		self.act(self.school_user, name, "提交申报")
		ApiClient(self.edu_user).update(DT, name, {"competent_opinion": "同意"})
		for user in (self.school_user, self.office_user):
			self.act(user, name, "审核同意", expect=417)
		self.act(self.edu_user, name, "审核同意")
		for user in (self.school_user, self.edu_user, self.ndrc_user):
			self.act(user, name, "受理", expect=417)
		self.assertEqual(self.state(name), "待受理")

	def test_other_units_neither_see_nor_declare_for_a_unit(self):
		name = self.create(ApiClient(self.school_user), self.school)["name"]
		health = ApiClient(self.health_user)
		self.assertEqual(health.get_doc(DT, name).status_code, 403)
		self.assertNotIn(name, health.list_names(DT))
		self.assertEqual(health.insert(DT, self.payload(self.school)).status_code, 403)
		self.assertIn(name, ApiClient(self.edu_user).list_names(DT))
		self.assertIn(name, ApiClient(self.audit_user).list_names(DT))

	def test_the_unit_cannot_sign_the_competent_opinion(self):
		name = self.ready(ApiClient(self.school_user), self.school)["name"]
		self.act(self.school_user, name, "提交申报")
		ApiClient(self.school_user).update(DT, name, {"competent_opinion": "自己同意"})
		self.assertFalse(frappe.db.get_value(DT, name, "competent_opinion"))
		self.act(self.edu_user, name, "审核同意", expect=417)

	def test_nobody_accepts_their_own_declaration(self):
		declarant = ApiClient(self.office_declarant)
		name = self.ready(
			declarant, self.office, project_name="_Test 全市协同办公平台", centralized_category="协同办公"
		)["name"]
		self.act(self.office_declarant, name, "提交申报")
		self.assertIn("不允许自我批准", error_text(self.act(self.office_declarant, name, "受理", expect=417)))
		# Nor by writing the state directly instead of taking the workflow step.
		response = declarant.update(DT, name, {"workflow_state": "评审中", "docstatus": 1})
		self.assertIn(response.status_code, (403, 417))
		self.assertEqual(self.state(name), "待受理")
		self.act(self.office_user2, name, "受理")
		self.assertEqual(self.state(name), "评审中")

	def test_handed_in_content_is_frozen(self):
		school = ApiClient(self.school_user)
		name = self.ready(school, self.school)["name"]
		self.act(self.school_user, name, "提交申报")
		response = school.update(
			DT, name, {"estimate_amount": 90, "funding": [{"source": "财政拨款", "amount": 90}]}
		)
		self.assertIn(response.status_code, (403, 417))
		response = ApiClient(self.edu_user).update(DT, name, {"project_name": "_Test 被主管部门改名"})
		self.assertEqual(response.status_code, 417)
		self.assertIn("项目名称", error_text(response))
		ApiClient(self.edu_user).update(DT, name, {"competent_opinion": "同意"})
		self.act(self.edu_user, name, "审核同意")
		self.act(self.office_user, name, "受理")
		for user in (self.school_user, self.office_user):
			response = ApiClient(user).update(DT, name, {"estimate_amount": 99})
			self.assertIn(response.status_code, (403, 417))
		self.assertEqual(frappe.db.get_value(DT, name, "estimate_amount"), 80)

	def test_only_drafts_are_deleted(self):
		school = ApiClient(self.school_user)
		draft = self.create(school, self.school)["name"]
		self.assertEqual(school.delete(DT, draft).status_code, 202)
		handed_in = self.ready(school, self.school)["name"]
		self.act(self.school_user, handed_in, "提交申报")
		self.assertIn(school.delete(DT, handed_in).status_code, (403, 417))
		self.assertTrue(frappe.db.exists(DT, handed_in))


class TestDeclarationRules(DeclarationTestCase):
	def refused(self, response, *fragments: str):
		self.assertEqual(response.status_code, 417, response.text[:500])
		text = error_text(response)
		for fragment in fragments:
			self.assertIn(fragment, text)

	def test_submission_without_materials_names_each_missing_one(self):
		school = ApiClient(self.school_user)
		doc = self.create(school, self.school)
		self.assertEqual({r["material_type"] for r in doc["materials"] if r["is_required"]}, set(SEVEN))
		self.assertEqual(
			{r["material_type"] for r in doc["materials"] if not r["is_required"]},
			{"规划", "批示", "批复", "会议纪要"},
		)
		self.attach_materials(school, doc, materials=SEVEN[:5])
		response = ApiClient(self.school_user).apply_workflow(DT, doc["name"], "提交申报")
		self.refused(response, "统一用户认证体系接入方案", "网络安全建设方案", "第九条")
		self.assertNotIn("可行性研究报告", error_text(response))
		self.assertEqual(self.state(doc["name"]), "草稿")

	def test_service_natures_need_the_previous_contract_or_a_requirements_report(self):
		health = ApiClient(self.health_user)
		doc = self.create(health, self.health, project_nature="运维", it_project=self.health_system)
		required = [r["material_type"] for r in doc["materials"] if r["is_required"]]
		self.assertEqual(required, ["上一期合同", "服务需求报告"])
		self.refused(health.apply_workflow(DT, doc["name"], "提交申报"), "上一期合同", "服务需求报告")
		self.attach_materials(health, doc, materials=("服务需求报告",))
		self.act(self.health_user, doc["name"], "提交申报")

	def test_bad_input_is_refused_in_chinese_and_nothing_is_written(self):
		school = ApiClient(self.school_user)
		cases = {
			"负数估算": ({"estimate_amount": -80}, "必须大于 0"),
			"零额资金": (
				{"funding": [{"source": "财政拨款", "amount": 0}, {"source": "自筹经费", "amount": 80}]},
				"必须大于 0",
			),
			"资金不符": ({"funding": [{"source": "财政拨款", "amount": 70}]}, "70.00"),
			"其他无证明": (
				{"funding": [{"source": "财政拨款", "amount": 60}, {"source": "其他", "amount": 20}]},
				"资金来源证明",
			),
			"结束早于开始": ({"end_date": f"{YEAR - 1}-12-31"}, "完成时间"),
			"电话无效": ({"contact_phone": "12345"}, "12345"),
			"续建无项目": ({"project_nature": "续建"}, "第二十四条"),
			"他人项目": ({"project_nature": "续建", "it_project": self.health_system}, self.health),
		}
		for title, (values, fragment) in cases.items():
			with self.subTest(title):
				project_name = f"_Test 错误输入{title}"
				response = school.insert(DT, self.payload(self.school, project_name=project_name, **values))
				self.refused(response, fragment)
				self.assertFalse(frappe.db.exists(DT, {"project_name": project_name}))

	def test_submission_outside_the_window_is_refused(self):
		health = ApiClient(self.health_user)
		name = self.ready(health, self.health, declaration_round=self.closed_round)["name"]
		self.refused(health.apply_workflow(DT, name, "提交申报"), "第八条")
		self.assertEqual(self.state(name), "草稿")

	def test_renewal_is_refused_while_the_evaluation_bars_it(self):
		failed = ensure_project("_Test 不合格项目", self.health, latest_grade="不合格")
		health = ApiClient(self.health_user)
		name = self.ready(health, self.health, project_nature="续建", it_project=failed)["name"]
		self.refused(health.apply_workflow(DT, name, "提交申报"), failed, "不合格", "第二十四条")

		reasons = "2097年度绩效评价 JX-2097-00001：建成后数据不共享"
		blocked = ensure_project(
			"_Test 数据不共享项目", self.health, renewal_blocked=1, renewal_block_reasons=reasons
		)
		name = self.ready(health, self.health, project_nature="续建", it_project=blocked)["name"]
		self.refused(health.apply_workflow(DT, name, "提交申报"), reasons)

	def test_compliance_answers_block_or_advise(self):
		health = ApiClient(self.health_user)
		blocked = {
			"第十四条": {"centralized_category": "云计算"},
			"第十七条": {"has_standalone_mobile_app": 1},
			"第十八条": {"deploy_on_gov_cloud": 0},
			"第七条": {"mlps_level": ""},
		}
		for article, values in blocked.items():
			with self.subTest(article):
				doc = self.ready(health, self.health, **values)
				self.assertIn("阻断", [f["severity"] for f in doc["compliance_findings"]])
				self.refused(health.apply_workflow(DT, doc["name"], "提交申报"), article)

		doc = self.ready(
			health, self.health, deploy_on_gov_cloud=0, gov_cloud_exception_reason="涉及公安专网终端"
		)
		self.assertEqual([f["article"] for f in doc["compliance_findings"]], [12, 18])
		self.act(self.health_user, doc["name"], "提交申报")

	def test_the_office_declares_centralized_systems(self):
		declarant = ApiClient(self.office_declarant)
		doc = self.ready(declarant, self.office, centralized_category="云计算")
		self.act(self.office_declarant, doc["name"], "提交申报")


class TestClassifiedAndAttachments(DeclarationTestCase):
	def test_a_classified_declaration_is_seen_by_its_unit_the_office_and_secrecy_only(self):
		name = self.create(
			ApiClient(self.school_user), self.school, secrecy_level="秘密", project_name="_Test 涉密考务"
		)["name"]
		for user in (self.school_user, self.edu_user, self.office_user, self.secrecy_user):
			self.assertEqual(ApiClient(user).get_doc(DT, name).status_code, 200, user)
		for user in (self.audit_user, self.ndrc_user, self.health_user):
			self.assertEqual(ApiClient(user).get_doc(DT, name).status_code, 403, user)
			self.assertNotIn(name, ApiClient(user).list_names(DT))

	def test_a_classified_declaration_takes_no_upload_and_goes_through_without_attachments(self):
		school = ApiClient(self.school_user)
		name = self.create(school, self.school, secrecy_level="机密")["name"]
		response = self.upload(school, name, "建设方案.pdf")
		self.assertEqual(response.status_code, 403)
		self.assertIn("第二十五条", error_text(response))
		self.assertFalse(frappe.db.exists("File", {"attached_to_name": name}))
		self.act(self.school_user, name, "提交申报")

	def test_a_declaration_with_attachments_cannot_become_classified(self):
		school = ApiClient(self.school_user)
		name = self.ready(school, self.school)["name"]
		response = school.update(DT, name, {"secrecy_level": "秘密"})
		self.assertEqual(response.status_code, 417)
		self.assertIn("第二十五条", error_text(response))
		self.assertEqual(frappe.db.get_value(DT, name, "secrecy_level"), "非涉密")

	def test_forbidden_types_and_oversize_files_are_refused(self):
		school = ApiClient(self.school_user)
		name = self.create(school, self.school)["name"]
		self.assertEqual(self.upload(school, name, "setup.exe", b"MZ").status_code, 417)
		self.assertEqual(self.upload(school, name, "page.html", b"<script>").status_code, 417)
		limit = frappe.db.get_single_value("GovIT Settings", "attachment_max_mb")
		frappe.db.set_single_value("GovIT Settings", "attachment_max_mb", 0.001)
		frappe.db.commit()
		try:
			response = self.upload(school, name, "概算.pdf", PDF * 100)
		finally:
			frappe.db.set_single_value("GovIT Settings", "attachment_max_mb", limit)
			frappe.db.commit()
		self.assertEqual(response.status_code, 417)
		self.assertIn("MB", error_text(response))
		self.assertFalse(frappe.db.exists("File", {"attached_to_name": name}))

	def test_no_uploads_to_another_units_declaration(self):
		name = self.create(ApiClient(self.school_user), self.school)["name"]
		response = self.upload(ApiClient(self.health_user), name, "x.pdf")
		self.assertEqual(response.status_code, 403)
		self.assertFalse(frappe.db.exists("File", {"attached_to_name": name}))

	def test_attach_fields_take_only_files_uploaded_here(self):
		school = ApiClient(self.school_user)
		doc = self.create(school, self.school)
		rows = doc["materials"]
		rows[0]["attachment"] = "https://example.com/plan.pdf"
		response = school.update(DT, doc["name"], {"materials": rows})
		self.assertEqual(response.status_code, 417)
		self.assertIn("example.com", error_text(response))


class TestDeclarationForm(DeclarationTestCase):
	"""The print format 政务信息化项目申报表 (the regulation's attachment) in HTML and PDF."""

	FORMAT = "政务信息化项目申报表"

	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		school = ApiClient(cls.school_user)
		response = school.insert(
			DT,
			cls.payload(
				cls,
				cls.school,
				project_name="_Test 智慧校园（王珺、李堃）",
				estimate_amount=123.45,
				funding=[
					{"source": "财政拨款", "amount": 100},
					{"source": "自筹经费", "amount": 20},
					{"source": "上级补助", "amount": 3.45},
				],
				purpose_and_content="<script>alert('x')</script>建设统一身份认证。\n第二期：数据共享。",
			),
		)
		assert response.status_code == 200, error_text(response)
		cls.name = response.json["data"]["name"]

	def html(self, user: str) -> str:
		frappe.set_user(user)
		try:
			return frappe.get_print(DT, self.name, self.FORMAT)
		finally:
			frappe.set_user("Administrator")

	def test_the_form_has_the_annex_rows_and_prints_typed_text_escaped(self):
		html = self.html(self.school_user)
		for part in (
			"泰兴市政务信息化项目申报表",
			"申报单位名称（盖章）",
			"单位：万元",
			"项目密级",
			"项目负责人",
			"项目联系人",
			"☑ 新建项目",
			"项目建设<br>目的和内容",
			"启动时间",
			"完成时间",
			"财政拨款",
			"自筹经费",
			"上级补助",
			"其他（需提供资金来源证明）",
			"项目估算",
			"主管部门意见（盖章）",
			"负责人：",
		):
			self.assertIn(part, html)
		self.assertNotIn("<script>alert", html)
		self.assertIn("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;建设统一身份认证。<br>第二期", html)
		self.assertIn("壹佰贰拾叁万肆仟伍佰元整", html)

	def test_readers_download_the_pdf_over_rest_and_others_do_not(self):
		from govit_app.print_formats.test_pdf import compact, pdf_text

		query = {"doctype": DT, "name": self.name, "format": self.FORMAT}
		for user in (self.school_user, self.edu_user, self.office_user, self.audit_user):
			response = ApiClient(user).call(
				"frappe.utils.print_format.download_pdf", http_method="GET", **query
			)
			self.assertEqual(response.status_code, 200, user)
			self.assertEqual(response.mimetype, "application/pdf")
			text = pdf_text(response.data)
			for part in (
				"_Test智慧校园（王珺、李堃）",
				"123.45",
				"100.00",
				"20.00",
				"3.45",
				"壹佰贰拾叁万肆仟伍佰元整",
				"主管部门意见",
			):
				self.assertIn(compact(part), text, user)
		response = ApiClient(self.health_user).call(
			"frappe.utils.print_format.download_pdf", http_method="GET", **query
		)
		self.assertEqual(response.status_code, 403)
		self.assertFalse(response.data.startswith(b"%PDF"))
