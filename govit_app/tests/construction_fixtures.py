"""Fixtures for the construction and acceptance tests (Art 15-19): planned projects and a REST
client per actor that takes each step of Chapter 3 the way the desk does.

A planned project is written straight into a published plan of a test year (its declaration and
plan row as the plan's own steps leave them, then `publication.enter_plan`, the real code that
gives the project its stage and amount): the way into the plan is tested by the plan's own tests,
and these tests start where it ends. Everything is committed, so that the REST requests see it;
each test year is cleared first, so reruns on a developer's site start clean.
"""

from datetime import timedelta

import frappe
from frappe.utils import getdate

from govit_app.govit.doctype.annual_plan.publication import enter_plan
from govit_app.tests.plan_fixtures import PDF, Actors, delete_rows
from govit_app.tests.utils import ApiClient, error_text

CONSTRUCTION_DOCTYPES = (
	"Acceptance Extension",
	"Acceptance Filing",
	"Completion Acceptance",
	"Trial Operation Filing",
	"Contract Filing",
	"Project Approval",
)
VALID_USCC = "91320000134782364C"


def days_ago(days: int) -> str:
	return str(getdate() - timedelta(days=days))


def days_ahead(days: int) -> str:
	return str(getdate() + timedelta(days=days))


def clear_plan_year(year: int) -> None:
	"""Remove the test year's plan, declarations, projects and every document of their life."""
	plan = f"JH-{year}"
	projects = frappe.get_all(
		"Annual Plan Item", filters={"parent": plan, "parenttype": "Annual Plan"}, pluck="it_project"
	)
	declarations = frappe.get_all("Project Declaration", filters={"plan_year": year}, pluck="name")
	projects += frappe.get_all(
		"Project Declaration", filters={"plan_year": year, "it_project": ("is", "set")}, pluck="it_project"
	)
	for doctype in CONSTRUCTION_DOCTYPES:
		delete_rows(
			doctype, frappe.get_all(doctype, filters={"it_project": ("in", projects or [""])}, pluck="name")
		)
	frappe.db.delete("GovIT Deadline Notice", {"it_project": ("in", projects or [""])})
	delete_rows("Annual Plan", frappe.get_all("Annual Plan", filters={"plan_year": year}, pluck="name"))
	delete_rows("Project Declaration", declarations)
	delete_rows("IT Project", projects)
	frappe.db.commit()


class PlannedYear:
	"""A published plan of `year` into which `project` puts projects, as publishing leaves them."""

	def __init__(self, year: int):
		clear_plan_year(year)
		self.year = year
		self.plan = f"JH-{year}"
		frappe.get_doc(
			{
				"doctype": "Annual Plan",
				"name": self.plan,
				"plan_year": year,
				"title": f"{year}年度政务信息化项目建设计划",
				"workflow_state": "已发布",
				"docstatus": 1,
				"published_on": f"{year}-01-10",
			}
		).db_insert()
		self.count = 0

	def project(
		self,
		name: str,
		unit: str,
		amount: float = 100,
		needs_approval: bool = False,
		end_date: str | None = None,
		secrecy_level: str = "非涉密",
	) -> str:
		self.count += 1
		project = frappe.get_doc(
			{
				"doctype": "IT Project",
				"project_name": name,
				"unit": unit,
				"project_category": "业务应用",
				"secrecy_level": secrecy_level,
			}
		).insert(ignore_permissions=True)
		declaration = frappe.get_doc(
			{
				"doctype": "Project Declaration",
				"name": f"SB-{self.year}-T{self.count:04d}",
				"plan_year": self.year,
				"unit": unit,
				"project_name": name,
				"project_nature": "新建",
				"secrecy_level": secrecy_level,
				"start_date": f"{self.year}-01-01",
				"end_date": end_date or f"{self.year}-12-31",
				"estimate_amount": amount,
				"it_project": project.name,
				"workflow_state": "评审通过",  # enter_plan moves it to 已纳入计划, on its trail
				"docstatus": 1,
			}
		)
		declaration.db_insert()
		item = frappe.get_doc(
			{
				"doctype": "Annual Plan Item",
				"parent": self.plan,
				"parenttype": "Annual Plan",
				"parentfield": "items",
				"idx": self.count,
				"project_declaration": declaration.name,
				"it_project": project.name,
				"unit": unit,
				"project_name": name,
				"project_nature": "新建",
				"approved_amount": amount,
				"needs_approval": int(needs_approval),
			}
		)
		item.db_insert()
		enter_plan(self.year, self.plan, [item])
		frappe.db.commit()
		return project.name


def unplanned_project(name: str, unit: str) -> str:
	existing = frappe.db.get_value("IT Project", {"project_name": name})
	if existing:
		return existing
	project = frappe.get_doc(
		{"doctype": "IT Project", "project_name": name, "unit": unit, "project_category": "业务应用"}
	).insert(ignore_permissions=True)
	frappe.db.commit()
	return project.name


def approve(project: str, amount: float, planned_completion: str | None = None) -> str:
	"""The NDRC's approval (Art 12), as the NDRC submits it."""
	approval = frappe.get_doc(
		{
			"doctype": "Project Approval",
			"it_project": project,
			"approval_no": f"泰发改审〔测试〕{frappe.generate_hash(length=6)}号",
			"approval_date": days_ago(30),
			"approved_amount": amount,
			"planned_completion_date": planned_completion,
		}
	).insert()
	approval.submit()
	frappe.db.commit()
	return approval.name


class Steps:
	"""Each step of Chapter 3 over REST as the actor whose step it is; asserts the status code."""

	def __init__(self, test, actors: Actors):
		self.test = test
		self.a = actors
		self.clients: dict[str, ApiClient] = {}

	def api(self, user: str) -> ApiClient:
		if user not in self.clients:
			self.clients[user] = ApiClient(user)
		return self.clients[user]

	def check(self, response, expect: int):
		self.test.assertEqual(response.status_code, expect, error_text(response))
		return response

	def insert(self, user: str, doctype: str, values: dict, expect: int = 200):
		"""The new document's data; for an expected refusal, the response."""
		response = self.check(self.api(user).insert(doctype, values), expect)
		return response.json["data"] if expect == 200 else response

	def act(self, user: str, doctype: str, name: str, action: str, expect: int = 200):
		return self.check(self.api(user).apply_workflow(doctype, name, action), expect)

	def act_with_reason(
		self, user: str, doctype: str, name: str, action: str, reason: str, expect: int = 200
	):
		response = self.api(user).call(
			"govit_app.workflow.reasons.act_with_reason",
			doctype=doctype,
			name=name,
			action=action,
			reason=reason,
		)
		return self.check(response, expect)

	def attach(self, user: str, doctype: str, name: str, fields: dict[str, str], expect: int = 200) -> dict:
		"""Upload one file per field (fieldname -> file name) and point the fields at them."""
		api = self.api(user)
		values = {}
		for fieldname, filename in fields.items():
			response = self.check(api.upload(doctype, name, filename, PDF), 200)
			values[fieldname] = response.json["message"]["file_url"]
		return self.check(api.update(doctype, name, values), expect).json.get("data") or {}

	# ---- Art 15-16
	def contract_values(self, project: str, **values) -> dict:
		return {
			"it_project": project,
			"procurement_method": "公开招标",
			"supplier": "江苏数智科技有限公司",
			"supplier_uscc": VALID_USCC,
			"contract_no": f"TXHT-{frappe.generate_hash(length=6)}",
			"contract_sign_date": days_ago(3),
			"contract_amount": 60,
			**values,
		}

	def filed_contract(self, user: str, project: str, **values) -> str:
		"""A contract the unit files with its three documents and the Office receives."""
		name = self.insert(user, "Contract Filing", self.contract_values(project, **values))["name"]
		self.attach(
			user,
			"Contract Filing",
			name,
			{
				"bid_document": "招标文件.pdf",
				"award_document": "中标通知书.pdf",
				"contract_document": "合同.pdf",
			},
		)
		self.act(user, "Contract Filing", name, "提交备案")
		self.act(self.a.office, "Contract Filing", name, "备案")
		return name

	# ---- Art 19 ¶1
	def filed_trial(self, user: str, project: str, start: str | None = None, end: str | None = None) -> str:
		values = {
			"it_project": project,
			"trial_start": start or days_ago(40),
			"trial_end": end or days_ago(10),
		}
		name = self.insert(user, "Trial Operation Filing", values)["name"]
		self.attach(user, "Trial Operation Filing", name, {"report": "试运行报告.pdf"})
		self.act(user, "Trial Operation Filing", name, "提交备案")
		self.act(self.a.office, "Trial Operation Filing", name, "备案")
		return name

	def acceptance(self, user: str, project: str, result: str = "通过", expect: int = 200, **values) -> dict:
		data = {
			"it_project": project,
			"acceptance_date": days_ago(5),
			"result": result,
			"acceptance_group": "组长：张华（市大数据中心）；成员：李强、王芳",
			**values,
		}
		doc = self.insert(user, "Completion Acceptance", data, expect)
		if expect != 200:
			return doc
		doc = self.attach(user, "Completion Acceptance", doc["name"], {"acceptance_report": "验收报告.pdf"})
		response = self.check(self.api(user).call("frappe.client.submit", doc=doc), 200)
		return response.json["message"]
