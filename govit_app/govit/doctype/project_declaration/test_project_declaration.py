"""Issue 3: a project declaration through Frappe's REST API, as the real user of each step (Art 5-9, 12, 14, 17, 18, 24, 25)."""

from datetime import timedelta

import frappe
from frappe.model.workflow import apply_workflow
from frappe.tests.utils import FrappeTestCase
from frappe.utils import getdate

from govit_app import roles as R
from govit_app.tests.utils import (
	ApiClient,
	count_queries,
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

	def act(self, user: str, name: str, action: str, expect: int = 200, reason: str | None = None):
		"""The workflow button; a step that asks for a reason sends it with the action."""
		api = ApiClient(user)
		response = (
			api.apply_workflow(DT, name, action)
			if reason is None
			else api.take_step(DT, name, action, reason)
		)
		self.assertEqual(response.status_code, expect, error_text(response))
		return response

	def state(self, name: str) -> str:
		return frappe.db.get_value(DT, name, "workflow_state")

	def notified(self, user: str, name: str, text: str = "") -> bool:
		"""Whether `user` was told of `name` (in a message containing `text`)."""
		run_queued_jobs(NOTIFY)
		messages = frappe.get_all(
			"Notification Log",
			filters={"for_user": user, "document_name": name},
			fields=["subject", "email_content"],
		)
		return any(text in f"{m.subject}{m.email_content}" for m in messages)


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

		# The reason is required by the server, whatever the client (Art 8).
		response = self.act(self.office_user, name, "退回修改", expect=417)
		self.assertIn("第八条", error_text(response))
		self.act(self.office_user, name, "退回修改", reason="  ", expect=417)
		self.assertEqual(self.state(name), "待受理")
		reason = "请补充与市城市运行管理平台的数据对接方案。"
		self.act(self.office_user, name, "退回修改", reason=reason)
		self.assertEqual(self.state(name), "草稿")
		self.assertTrue(self.notified(self.health_user, name, reason), "the declarant reads why")
		self.assertTrue(self.notified(self.health_colleague, name, reason), "so do the unit's other users")
		# The reason stays on the declaration, with who and when, and in its timeline.
		row = ApiClient(self.health_user).get_doc(DT, name).json["data"]["reasons"][-1]
		self.assertEqual(
			(row["action"], row["to_state"], row["reason"], row["user"]),
			("退回修改", "草稿", reason, self.office_user),
		)
		self.assertTrue(row["recorded_on"])
		self.assertTrue(
			frappe.db.exists(
				"Comment",
				{
					"reference_doctype": DT,
					"reference_name": name,
					"comment_type": "Comment",
					"content": ("like", f"%{reason}%"),
				},
			)
		)
		# Nobody writes a reason of their own into the record.
		response = ApiClient(self.health_user).update(DT, name, {"reasons": []})
		self.assertIn(response.status_code, (403, 417))
		self.assertEqual(len(frappe.get_all("GovIT Step Reason", filters={"parent": name})), 1)

		response = health.update(DT, name, {"project_name": "_Test 智慧校园二期（修改稿）"})
		self.assertEqual(response.status_code, 200, error_text(response))
		self.act(self.health_user, name, "提交申报")
		self.assertEqual(self.state(name), "待受理")

	def test_the_competent_department_returns_a_declaration(self):
		name = self.ready(ApiClient(self.school_user), self.school)["name"]
		self.act(self.school_user, name, "提交申报")
		self.act(self.edu_user, name, "退回修改", reason="请压缩硬件采购。")
		self.assertEqual(self.state(name), "草稿")
		self.assertTrue(self.notified(self.school_user, name, "请压缩硬件采购。"))

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

	def test_only_drafts_never_handed_in_are_deleted(self):
		school = ApiClient(self.school_user)
		draft = self.create(school, self.school)["name"]
		self.assertEqual(school.delete(DT, draft).status_code, 202)
		handed_in = self.ready(school, self.school)["name"]
		self.act(self.school_user, handed_in, "提交申报")
		self.assertIn(school.delete(DT, handed_in).status_code, (403, 417))
		# Returned, it is a draft again, but one that was handed in: it is kept.
		self.act(self.edu_user, handed_in, "退回修改", reason="请补充材料。")
		response = school.delete(DT, handed_in)
		self.assertEqual(response.status_code, 417)
		self.assertIn("撤回", error_text(response))
		self.assertTrue(frappe.db.exists(DT, handed_in))


class TestHandInCost(DeclarationTestCase):
	def test_a_hand_in_reads_its_facts_once_and_no_file_or_share_again(self):
		"""What the rules need is read once per save; what did not change is not looked up again."""
		name = self.ready(ApiClient(self.health_user), self.health)["name"]
		frappe.set_user(self.health_user)
		try:
			with count_queries() as hand_in:
				apply_workflow(frappe.get_doc(DT, name), "提交申报")
			self.assertEqual(frappe.db.get_value(DT, name, "workflow_state"), "待受理")
		finally:
			frappe.db.rollback()
			frappe.set_user("Administrator")

		def reading(table: str) -> list[str]:
			return [sql for sql in hand_in["statements"] if f"`tab{table}`" in sql]

		self.assertEqual(len(reading("Rectification Sanction")), 1, "Art 21 sanctions, read once")
		self.assertEqual(reading("File"), [], "the materials' files were checked when attached")
		self.assertEqual(reading("DocShare"), [], "a declaration of one unit shares with nobody")


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
			health,
			self.health,
			project_name="_Test 专网终端管控",  # unlike any project of the unit (Art 24)
			deploy_on_gov_cloud=0,
			gov_cloud_exception_reason="涉及公安专网终端",
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


class TestChapter2WithoutDeadEnds(DeclarationTestCase):
	"""Issue 9: returns after the window, withdrawal and termination, classified closure (Art 8, 25)."""

	WINDOW_YEAR = 2095  # its round: Q3 of 2094

	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		cls.q3_round = ensure_round(cls.WINDOW_YEAR, getdate("2094-07-01"), getdate("2094-09-30"))

	def test_a_declaration_returned_inside_the_window_is_handed_in_again_after_it_closed(self):
		values = {"declaration_round": self.q3_round, "project_name": "_Test 窗口内首次申报"}
		with self.freeze_time("2094-09-30 16:00:00", tick=True):
			school = self.ready(ApiClient(self.school_user), self.school, **values)["name"]
			health = self.ready(ApiClient(self.health_user), self.health, **values)["name"]
			self.act(self.school_user, school, "提交申报")
			self.act(self.health_user, health, "提交申报")
		with self.freeze_time("2094-10-09 09:00:00", tick=True):
			# Returned by the competent department and by the Office after the close …
			self.act(self.edu_user, school, "退回修改", reason="请补充概算明细。")
			self.act(self.office_user, health, "退回修改", reason="请补充数据共享清单。")
			# … both come back: only the first hand-in is judged against the window (Art 8).
			self.act(self.school_user, school, "提交申报")
			self.act(self.health_user, health, "提交申报")
			self.assertEqual((self.state(school), self.state(health)), ("待主管部门审核", "待受理"))
			self.assertEqual(str(frappe.db.get_value(DT, health, "first_submitted_on")), "2094-09-30")
			self.assertEqual(str(frappe.db.get_value(DT, health, "submitted_on")), "2094-10-09")
			# A declaration first handed in after the close is still late.
			late = self.ready(ApiClient(self.health_user), self.health, **values)["name"]
			response = self.act(self.health_user, late, "提交申报", expect=417)
			self.assertIn("第八条", error_text(response))
			self.assertIn("2094-10-09", error_text(response))

	def test_the_unit_withdraws_before_acceptance_and_nothing_is_deleted(self):
		school = ApiClient(self.school_user)
		name = self.ready(school, self.school)["name"]
		self.act(self.school_user, name, "撤回", expect=417)  # a draft never handed in is deleted instead
		self.act(self.school_user, name, "提交申报")
		for user in (self.edu_user, self.health_user, self.office_user):
			response = ApiClient(user).take_step(DT, name, "撤回", "")
			self.assertIn(response.status_code, (403, 417), user)
		self.act(self.school_user, name, "撤回", reason="")  # no reason needed
		doc = frappe.get_doc(DT, name)
		self.assertEqual(
			(doc.workflow_state, doc.closed_by, doc.closed_on), ("已撤回", self.school_user, getdate())
		)
		self.assertIn(school.delete(DT, name).status_code, (403, 417))
		self.assertIn(school.update(DT, name, {"project_name": "改名"}).status_code, (403, 417))
		self.assertEqual(frappe.db.get_value(DT, name, "workflow_state"), "已撤回")
		# After 受理 the unit no longer withdraws.
		accepted = self.ready(ApiClient(self.health_user), self.health)["name"]
		self.act(self.health_user, accepted, "提交申报")
		self.act(self.office_user, accepted, "受理")
		self.act(self.health_user, accepted, "撤回", reason="", expect=417)

	def test_the_office_terminates_a_declaration_not_yet_in_a_plan_with_a_reason(self):
		name = self.ready(ApiClient(self.health_user), self.health)["name"]
		self.act(self.health_user, name, "提交申报")
		self.act(self.office_user, name, "受理")
		self.act(self.health_user, name, "终止", reason="不做了", expect=417)
		response = self.act(self.office_user, name, "终止", expect=417)
		self.assertIn("终止", error_text(response))
		reason = "与全市协同办公平台重复建设。"
		self.act(self.office_user, name, "终止", reason=reason)
		doc = frappe.get_doc(DT, name)
		self.assertEqual(
			(doc.workflow_state, doc.docstatus, doc.closed_by, doc.reasons[-1].reason),
			("已终止", 1, self.office_user, reason),
		)
		self.assertTrue(self.notified(self.health_user, name, reason), "the unit reads why")
		self.act(self.office_user, name, "受理", expect=417)  # a final state

		# Also before 受理, the declaration is kept as it was handed in.
		pending = self.ready(ApiClient(self.school_user), self.school)["name"]
		self.act(self.school_user, pending, "提交申报")
		self.act(self.office_user, pending, "终止", reason="单位已撤销。")
		self.assertEqual(
			tuple(frappe.db.get_value(DT, pending, ["workflow_state", "docstatus"])), ("已终止", 1)
		)
		self.assertFalse(frappe.db.get_value(DT, pending, "it_project"), "no project is opened for it")

	def test_a_classified_declaration_is_closed_after_acceptance_with_who_when_and_reference(self):
		name = self.create(
			ApiClient(self.health_user), self.health, secrecy_level="秘密", project_name="_Test 涉密指挥系统"
		)["name"]
		self.act(self.health_user, name, "提交申报")
		self.act(self.office_user, name, "受理")
		self.assertEqual(self.state(name), "评审中")
		self.act(self.health_user, name, "涉密办结", reason="x", expect=417)
		response = self.act(self.secrecy_user, name, "涉密办结", reason="", expect=417)
		self.assertIn("第二十五条", error_text(response))
		# Frappe's own workflow call carries no reference: refused as well.
		self.assertIn("第二十五条", error_text(self.act(self.office_user, name, "涉密办结", expect=417)))
		self.act(self.secrecy_user, name, "涉密办结", reason="泰保密〔2095〕3号")
		doc = frappe.get_doc(DT, name)
		self.assertEqual(
			(doc.workflow_state, doc.closed_by, doc.closed_on, doc.secrecy_reference),
			("涉密办结", self.secrecy_user, getdate(), "泰保密〔2095〕3号"),
		)
		self.assertTrue(self.notified(self.health_user, name, "泰保密〔2095〕3号"))
		# Nothing else is open to it any more; an unclassified declaration is not closed this way.
		for action in ("评审通过", "评审不通过", "终止"):
			self.act(self.office_user, name, action, reason="x", expect=417)
		open_one = self.ready(ApiClient(self.health_user), self.health)["name"]
		self.act(self.health_user, open_one, "提交申报")
		self.act(self.office_user, open_one, "受理")
		self.act(self.office_user, open_one, "涉密办结", reason="x", expect=417)


class TestChapter2NoLoopholes(DeclarationTestCase):
	"""Issue 9: 其他, Art 7's cryptography, Art 18's consent, Art 24's renewals, over REST."""

	def test_other_is_held_to_new_until_the_office_classifies_it_at_intake(self):
		health = ApiClient(self.health_user)
		doc = self.create(health, self.health, project_nature="其他", project_name="_Test 其他类项目")
		self.assertEqual({r["material_type"] for r in doc["materials"] if r["is_required"]}, set(SEVEN))
		self.assertEqual((doc["needs_approval"], doc["approval_basis"]), (1, "项目估算"))  # 80 ≥ 50
		self.assertIn(2, [f["article"] for f in doc["compliance_findings"]])
		self.act(self.health_user, doc["name"], "提交申报", expect=417)  # 新建's materials are missing
		# The unit does not classify its own declaration.
		response = health.update(DT, doc["name"], {"classified_nature": "运维"})
		self.assertEqual(response.status_code, 403)
		self.assertIn("第二条", error_text(response))
		name = self.attach_materials(health, doc)["name"]
		self.act(self.health_user, name, "提交申报")

		response = self.act(self.office_user, name, "受理", expect=417)
		self.assertIn("第二条", error_text(response))
		office = ApiClient(self.office_user)
		response = office.update(DT, name, {"classified_nature": "新建"})
		self.assertEqual(response.status_code, 200, error_text(response))
		self.act(self.office_user, name, "受理")
		doc = frappe.get_doc(DT, name)
		self.assertEqual((doc.project_nature, doc.classified_nature, doc.needs_approval), ("其他", "新建", 1))
		self.assertTrue(doc.it_project, "a 其他 classified as 新建 opens its project")

	def test_a_level_3_system_without_a_cryptography_plan_is_refused(self):
		health = ApiClient(self.health_user)
		level3 = self.ready(health, self.health, mlps_level="第三级", has_crypto_plan="否")["name"]
		response = self.act(self.health_user, level3, "提交申报", expect=417)
		self.assertIn("第七条", error_text(response))
		level2 = self.ready(health, self.health, mlps_level="第二级", has_crypto_plan="否")
		self.assertIn((7, "提示"), [(f["article"], f["severity"]) for f in level2["compliance_findings"]])
		self.act(self.health_user, level2["name"], "提交申报")

	def test_an_art_18_exception_needs_the_offices_recorded_consent(self):
		health = ApiClient(self.health_user)
		values = {"deploy_on_gov_cloud": 0, "gov_cloud_exception_reason": "涉及公安专网终端"}
		name = self.ready(health, self.health, **values)["name"]
		# The unit neither consents itself …
		response = health.update(DT, name, {"exception_consent": "同意"})
		self.assertEqual(response.status_code, 403)
		self.assertIn("第十八条", error_text(response))
		self.act(self.health_user, name, "提交申报")
		# … nor is it accepted without the Office's consent.
		response = self.act(self.office_user, name, "受理", expect=417)
		self.assertIn("第十八条", error_text(response))
		response = ApiClient(self.office_user).update(
			DT, name, {"exception_consent": "专网终端不宜上云，同意例外。"}
		)
		self.assertEqual(response.status_code, 200, error_text(response))
		doc = frappe.get_doc(DT, name)
		self.assertEqual((doc.exception_consent_by, doc.exception_consent_on), (self.office_user, getdate()))
		self.act(self.office_user2, name, "受理")

	def test_a_declaration_naming_a_project_renews_it_and_a_look_alike_new_one_is_flagged(self):
		health = ApiClient(self.health_user)
		response = health.insert(DT, self.payload(self.health, it_project=self.health_system))
		self.assertEqual(response.status_code, 417)
		self.assertIn("第二十四条", error_text(response))
		self.assertIn("续建", error_text(response))
		doc = self.create(health, self.health, project_name="_Test 全民健康信息平台（二期）")
		findings = [f for f in doc["compliance_findings"] if f["article"] == 24]
		self.assertEqual([f["severity"] for f in findings], ["提示"])
		self.assertIn(self.health_system, findings[0]["message"])
