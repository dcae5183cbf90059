"""Issue 4.2: the annual plan over REST as the Office, each department of Art 4, Public Security
and the Leading Group (Art 4, 10, 11, 18), and publishing in a constant number of queries."""

import frappe
from frappe.tests.utils import FrappeTestCase

from govit_app.govit.doctype.annual_plan.publication import enter_plan
from govit_app.tests.plan_fixtures import (
	Actors,
	act_as,
	clear_year,
	decide_as,
	declaration_under_review,
	delete_rows,
	department,
	passed_declaration,
	pdf_text,
)
from govit_app.tests.utils import ApiClient, error_text, insert_committed, run_queued_jobs
from govit_app.utils.settings import get_settings

DT = "Annual Plan"
DECLARATION = "Project Declaration"
PULL = "govit_app.govit.doctype.annual_plan.annual_plan.pull_declarations"
DECIDE = "govit_app.workflow.countersign.record_decision"
NOTIFY = "frappe.desk.doctype.notification_log.notification_log.make_notification_logs"


def notified(user: str, name: str) -> bool:
	run_queued_jobs(NOTIFY)
	return bool(frappe.db.exists("Notification Log", {"for_user": user, "document_name": name}))


class PlanTestCase(FrappeTestCase):
	YEAR = 0

	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		cls.a = Actors()
		clear_year(cls.YEAR)

	def create_plan(self, budget: float = 500) -> str:
		response = ApiClient(self.a.office).insert(DT, {"plan_year": self.YEAR, "budget_amount": budget})
		self.assertEqual(response.status_code, 200, error_text(response))
		return response.json["data"]["name"]

	def pull(self, plan: str) -> dict:
		response = ApiClient(self.a.office).call(PULL, name=plan)
		self.assertEqual(response.status_code, 200, error_text(response))
		return response.json["message"]

	def act(self, user: str, plan: str, action: str, expect: int = 200):
		response = ApiClient(user).apply_workflow(DT, plan, action)
		self.assertEqual(response.status_code, expect, error_text(response))
		return response

	def decide(self, user: str, plan: str, decision: str = "同意", expect: int = 200, **extra):
		response = ApiClient(user).call(DECIDE, doctype=DT, name=plan, decision=decision, **extra)
		self.assertEqual(response.status_code, expect, error_text(response))
		return response

	def state(self, plan: str) -> str:
		return frappe.db.get_value(DT, plan, "workflow_state")


class TestBuildingThePlan(PlanTestCase):
	YEAR = 2083

	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		a = cls.a
		clear_year(cls.YEAR + 1)
		cls.first = passed_declaration(a, cls.YEAR, a.health, "_Test 全民健康平台", amount=60)
		cls.second = passed_declaration(
			a, cls.YEAR, a.police_unit, "_Test 智慧交通", amount=30, estimate_amount=40
		)
		cls.video = passed_declaration(
			a, cls.YEAR, a.police_unit, "_Test 路口视频监控", amount=50, is_video_surveillance=1
		)
		cls.pending = declaration_under_review(cls.YEAR, a.health, "_Test 尚在评审")
		cls.next_year = passed_declaration(a, cls.YEAR + 1, a.health, "_Test 明年项目", amount=20)

	def setUp(self):
		# Each test draws up the year's plan afresh from the same declarations.
		delete_rows(DT, frappe.get_all(DT, filters={"plan_year": self.YEAR}, pluck="name"))
		frappe.db.commit()

	def test_the_office_builds_the_plan_from_passed_declarations_only(self):
		plan = self.create_plan()
		result = self.pull(plan)
		self.assertEqual(set(result["added"]), {self.first, self.second})
		self.assertEqual(len(result["skipped"]), 1)
		self.assertIn(self.video, result["skipped"][0])
		self.assertIn("第十八条", result["skipped"][0])

		doc = frappe.get_doc(DT, plan)
		rows = {row.project_declaration: row for row in doc.items}
		first = frappe.db.get_value(DECLARATION, self.first, ["unit", "it_project"], as_dict=True)
		self.assertEqual((rows[self.first].unit, rows[self.first].it_project), (first.unit, first.it_project))
		self.assertEqual((rows[self.first].approved_amount, rows[self.first].needs_approval), (60, 1))
		self.assertEqual((rows[self.second].approved_amount, rows[self.second].needs_approval), (30, 0))
		self.assertEqual(doc.total_amount, 90)

		# Nothing else enters: not a declaration still under review, nor one of another year.
		office = ApiClient(self.a.office)
		items = office.get_doc(DT, plan).json["data"]["items"]
		for intruder in (self.pending, self.next_year):
			response = office.update(
				DT, plan, {"items": [*items, {"project_declaration": intruder, "approved_amount": 10}]}
			)
			self.assertEqual(response.status_code, 417, intruder)
			self.assertIn(intruder, error_text(response))
		self.assertEqual(len(frappe.get_all("Annual Plan Item", filters={"parent": plan})), 2)
		# A declaration in a plan is no longer terminated (only one not yet in a plan is).
		response = office.take_step(DECLARATION, self.first, "终止", "重复建设。")
		self.assertEqual(response.status_code, 417)
		self.assertIn(plan, error_text(response))
		self.assertEqual(frappe.db.get_value(DECLARATION, self.first, "workflow_state"), "评审通过")

		# The video project enters once Public Security's technical review has passed (Art 18).
		review = {
			"project_declaration": self.video,
			"result": "通过",
			"opinion": "一机一档，国标接入市视联网平台。",
		}
		self.assertEqual(office.insert("Video Technical Review", review).status_code, 403)
		police = ApiClient(self.a.police)
		response = police.insert("Video Technical Review", {**review, "project_declaration": self.first})
		self.assertEqual(response.status_code, 417, "only video projects are reviewed")

		def submit_review(values: dict) -> str:
			response = police.insert("Video Technical Review", values)
			self.assertEqual(response.status_code, 200, error_text(response))
			response = police.call("frappe.client.submit", doc=response.json["data"])
			self.assertEqual(response.status_code, 200, error_text(response))
			return response.json["message"]["name"]

		# A review that did not pass is done again after the unit's changes; the newest decides.
		failed = submit_review({**review, "result": "不通过", "opinion": "未按国标接入市视联网平台。"})
		self.assertIn(self.video, self.pull(plan)["skipped"][0])
		submit_review(review)
		self.assertEqual(self.pull(plan), {"added": [self.video], "skipped": []})
		self.assertEqual(frappe.db.get_value("Video Technical Review", failed, "result"), "不通过")
		response = police.insert("Video Technical Review", review)
		self.assertEqual(response.status_code, 417, "a passed review is not done again")
		self.assertIn("第十八条", error_text(response))

	def test_a_year_has_one_plan(self):
		first = self.create_plan()
		response = ApiClient(self.a.office).insert(DT, {"plan_year": self.YEAR, "budget_amount": 100})
		self.assertEqual(response.status_code, 409)
		self.assertIn(first, error_text(response))
		self.assertEqual(frappe.db.count(DT, {"plan_year": self.YEAR}), 1)

	def test_amounts_follow_the_review_and_a_total_above_the_budget_is_shown(self):
		plan = self.create_plan()
		self.pull(plan)
		office = ApiClient(self.a.office)
		items = office.get_doc(DT, plan).json["data"]["items"]
		over = [
			{**row, "approved_amount": 61} if row["project_declaration"] == self.first else row
			for row in items
		]
		response = office.update(DT, plan, {"items": over})
		self.assertEqual(response.status_code, 417)
		self.assertIn("60.00", error_text(response))

		response = office.update(DT, plan, {"budget_amount": 50})
		self.assertEqual(response.status_code, 200, error_text(response))
		total = response.json["data"]["total_amount"]
		(finding,) = response.json["data"]["findings"]
		self.assertEqual((finding["article"], finding["severity"]), (10, "提示"))
		self.assertIn(f"{total - 50:.2f}", finding["message"])
		self.assertIn(finding["message"], error_text(response), "the Office is told when it saves")
		response = office.update(DT, plan, {"budget_amount": 1000})
		self.assertEqual(response.json["data"]["findings"], [])

	def test_departments_read_the_plan_but_only_the_office_draws_it_up(self):
		plan = self.create_plan()
		for user in (self.a.ndrc, self.a.finance, self.a.leader, self.a.audit):
			self.assertEqual(ApiClient(user).get_doc(DT, plan).status_code, 200, user)
			self.assertIn(
				ApiClient(user).update(DT, plan, {"budget_amount": 1}).status_code, (403, 417), user
			)
			self.assertEqual(ApiClient(user).call(PULL, name=plan).status_code, 403, user)
		self.assertEqual(ApiClient(self.a.health_user).get_doc(DT, plan).status_code, 403)
		self.assertNotEqual(frappe.db.get_value(DT, plan, "budget_amount"), 1)


class TestCountersignAndPublication(PlanTestCase):
	YEAR = 2085

	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		a = cls.a
		cls.build = passed_declaration(a, cls.YEAR, a.health, "_Test 健康大数据", amount=80)
		cls.service = passed_declaration(
			a, cls.YEAR, a.police_unit, "_Test 交通运维", amount=20, estimate_amount=20
		)

	def test_every_department_countersigns_then_the_leading_group_publishes(self):
		a = self.a
		plan = self.create_plan(budget=1000)
		self.pull(plan)
		self.act(a.office, plan, "提交会签")
		doc = frappe.get_doc(DT, plan)
		self.assertEqual(
			[(row.department, row.decision) for row in doc.countersigns],
			[
				(department(f), "待会签")
				for f in ("市保密局", "市公安局", "市发展改革委", "市工业和信息化局", "市财政局")
			],
		)
		self.assertTrue(notified(a.finance, plan), "each countersigning department is told")

		# Nobody decides for another department, nor edits the decisions directly.
		response = self.decide(a.finance, plan, expect=403, department=department("市公安局"))
		self.assertIn("第四条", error_text(response))
		self.assertIn(department("市公安局"), error_text(response))
		self.decide(a.cac, plan, expect=403)
		rows = ApiClient(a.office).get_doc(DT, plan).json["data"]["countersigns"]
		forged = [{**row, "decision": "同意"} for row in rows]
		self.assertIn(ApiClient(a.office).update(DT, plan, {"countersigns": forged}).status_code, (403, 417))
		self.assertIn(ApiClient(a.finance).update(DT, plan, {"countersigns": forged}).status_code, (403, 417))
		self.act(a.office, plan, "提交审议", expect=417)

		for user in (a.secrecy, a.police, a.ndrc, a.miit):
			self.decide(user, plan)
			self.assertFalse(frappe.db.get_value(DT, plan, "all_countersigned"))
		self.act(a.office, plan, "提交审议", expect=417)
		self.decide(a.finance, plan, opinion="预算可以保障。")
		self.decide(a.finance, plan, expect=409)
		signed = frappe.get_doc(DT, plan).countersigns[-1]
		self.assertEqual(
			(signed.decision, signed.signed_by, signed.opinion), ("同意", a.finance, "预算可以保障。")
		)
		self.assertTrue(frappe.db.get_value(DT, plan, "all_countersigned"))
		self.assertTrue(notified(a.office, plan), "the Office learns every department agreed")

		# A one-person Office forwards the plan it drew up itself: the five countersigns and the
		# Leading Group are the checks of this step (Art 4, 11).
		self.act(a.office, plan, "提交审议")
		self.assertEqual(self.state(plan), "待领导小组审议")
		self.assertTrue(notified(a.leader, plan))
		self.act(a.leader, plan, "审议通过并发布", expect=417)  # no minutes yet (Art 11)
		self.assertEqual(
			ApiClient(a.office).update(DT, plan, {"leading_group_meeting": "x"}).status_code, 403
		)
		response = ApiClient(a.leader).update(
			DT, plan, {"leading_group_meeting": "领导小组会议纪要〔2085〕1号"}
		)
		self.assertEqual(response.status_code, 200, error_text(response))
		self.act(a.leader, plan, "审议通过并发布")

		doc = frappe.get_doc(DT, plan)
		self.assertEqual(
			(doc.workflow_state, doc.docstatus, str(doc.published_on)), ("已发布", 1, frappe.utils.today())
		)
		for declaration, amount in ((self.build, 80), (self.service, 20)):
			self.assertEqual(frappe.db.get_value(DECLARATION, declaration, "workflow_state"), "已纳入计划")
			project = frappe.db.get_value(DECLARATION, declaration, "it_project")
			self.assertEqual(
				tuple(frappe.db.get_value("IT Project", project, ["stage", "approved_amount"])),
				("已纳入计划", amount),
			)
		self.assertTrue(notified(a.health_user, plan), "the units learn their projects are in the plan")
		text = pdf_text(a.leader, DT, plan, "年度政务信息化项目建设计划")
		for expected in (
			"关于印发2085年度政务信息化项目建设计划的通知",
			"领导小组会议纪要〔2085〕1号",
			"_Test健康大数据",
			"壹佰万元整",
		):
			self.assertIn(expected, text)
		self.assertTrue(notified(a.ndrc, plan), "the NDRC learns which projects await approval")

		# Publishing twice is refused and changes nothing; publishing again by code is a no-op.
		published_on = frappe.db.get_value(DT, plan, "modified")
		self.act(a.leader, plan, "审议通过并发布", expect=417)
		self.assertEqual(frappe.db.get_value(DT, plan, "modified"), published_on)
		doc = frappe.get_doc(DT, plan)
		enter_plan(doc.plan_year, doc.name, doc.items)
		project = frappe.db.get_value(DECLARATION, self.build, "it_project")
		self.assertEqual(frappe.db.get_value("IT Project", project, "stage"), "已纳入计划")
		self.assertIn(ApiClient(a.office).update(DT, plan, {"budget_amount": 1}).status_code, (403, 417))
		self.assertEqual(frappe.db.get_value(DT, plan, "budget_amount"), 1000)


class TestCountersignRefusal(PlanTestCase):
	YEAR = 2086

	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		cls.declaration = passed_declaration(
			cls.a, cls.YEAR, cls.a.health, "_Test 超预算项目", amount=90, estimate_amount=100
		)

	def test_a_department_that_disagrees_returns_the_plan_with_its_opinion(self):
		a = self.a
		plan = self.create_plan(budget=1000)
		self.pull(plan)
		self.act(a.office, plan, "提交会签")
		self.decide(a.secrecy, plan)
		self.decide(a.finance, plan, decision="不同意", expect=417)  # an opinion is required
		self.assertEqual(self.state(plan), "会签中")
		self.decide(a.finance, plan, decision="不同意", opinion="超出年度财政预算，请压减。")

		doc = frappe.get_doc(DT, plan)
		self.assertEqual(doc.workflow_state, "编制中")
		self.assertIn("超出年度财政预算，请压减。", doc.return_opinion)
		self.assertIn("财政局", doc.return_opinion)
		self.assertTrue(notified(a.office, plan), "the Office is told why")

		# The Office revises; a new countersign round starts from scratch.
		items = ApiClient(a.office).get_doc(DT, plan).json["data"]["items"]
		response = ApiClient(a.office).update(DT, plan, {"items": [{**items[0], "approved_amount": 70}]})
		self.assertEqual(response.status_code, 200, error_text(response))
		self.act(a.office, plan, "提交会签")
		doc = frappe.get_doc(DT, plan)
		self.assertEqual({row.decision for row in doc.countersigns}, {"待会签"})
		self.assertFalse(doc.return_opinion)

	def test_the_leading_group_can_return_the_plan(self):
		plan = frappe.db.get_value(DT, {"plan_year": self.YEAR}) or self.create_plan(budget=1000)
		if self.state(plan) == "编制中":
			self.pull(plan)
			act_as(self.a.office, DT, plan, "提交会签")
		for function in get_settings().plan_countersign_departments:
			if (
				frappe.db.get_value(
					"Plan Countersign", {"parent": plan, "department": department(function)}, "decision"
				)
				== "待会签"
			):
				decide_as(self.a.by_function[function], DT, plan)
		act_as(self.a.office2, DT, plan, "提交审议")
		self.act(self.a.office, plan, "退回修改", expect=417)
		response = self.act(self.a.leader, plan, "退回修改", expect=417)  # says why (Art 11)
		self.assertIn("第十一条", error_text(response))
		reason = "请优先安排防汛类项目，压减一般性运维支出。"
		response = ApiClient(self.a.leader).take_step(DT, plan, "退回修改", reason)
		self.assertEqual(response.status_code, 200, error_text(response))
		self.assertEqual(self.state(plan), "编制中")
		doc = frappe.get_doc(DT, plan)
		self.assertEqual((doc.return_opinion, doc.reasons[-1].user), (reason, self.a.leader))
		self.assertTrue(notified(self.a.office, plan))
		run_queued_jobs(NOTIFY)
		self.assertTrue(
			frappe.db.exists(
				"Notification Log",
				{"for_user": self.a.office, "document_name": plan, "email_content": ("like", f"%{reason}%")},
			)
		)


class TestPublicationQueries(FrappeTestCase):
	"""Publishing moves N declarations and N projects in the same number of queries as one."""

	def projects(self, count: int, first: int = 0) -> list:
		names = []
		for i in range(first, first + count):
			name = (
				frappe.db.get_value("IT Project", {"project_name": f"_Test 计量项目{i}"})
				or insert_committed(
					{
						"doctype": "IT Project",
						"project_name": f"_Test 计量项目{i}",
						"unit": "_Test 卫健委",
						"project_category": "其他",
					}
				).name
			)
			names.append(
				frappe._dict(project_declaration=f"_Test SB-{i}", it_project=name, approved_amount=10 + i)
			)
		return names

	def queries(self, items: list) -> int:
		count = 0
		original = frappe.db.__class__.sql

		def counting(*args, **kwargs):
			nonlocal count
			count += 1
			return original(*args, **kwargs)

		frappe.db.__class__.sql = counting
		try:
			enter_plan(2099, "_Test JH-2099", items)
		finally:
			frappe.db.__class__.sql = original
		return count

	def test_publishing_twenty_items_takes_the_queries_of_one(self):
		Actors()
		self.queries(self.projects(1, first=200))  # Frappe caches table metadata on first use
		one, twenty = self.projects(1, first=100), self.projects(20)
		self.assertEqual(self.queries(twenty), self.queries(one))
		stages = dict(
			frappe.get_all(
				"IT Project",
				filters={"name": ("in", [i.it_project for i in twenty])},
				fields=["name", "approved_amount"],
				as_list=True,
			)
		)
		self.assertEqual(stages, {i.it_project: i.approved_amount for i in twenty})
		self.assertEqual(
			set(frappe.get_all("IT Project", filters={"name": ("in", list(stages))}, pluck="stage")),
			{"已纳入计划"},
		)
