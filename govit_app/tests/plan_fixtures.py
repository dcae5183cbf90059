"""Fixtures for the review, plan and approval tests (Art 10-13): the departments and their users,
declarations brought to 评审中 through the declaration workflow, and a clean plan year.

They are made in-process as Administrator and committed, so that the REST requests of the
tests see them; each test year is cleared first, so reruns on a developer's site start clean.
"""

import io
import re
from datetime import timedelta

import frappe
from frappe.model.workflow import apply_workflow
from frappe.utils import getdate
from pypdf import PdfReader

from govit_app import roles as R
from govit_app.tests.utils import ApiClient, ensure_unit, ensure_user, error_text
from govit_app.utils.settings import get_settings
from govit_app.vocabulary import DepartmentFunction
from govit_app.workflow.reasons import apply_workflow as take_step

PDF = b"%PDF-1.4\n% govit test material\n"
DECLARATION = "Project Declaration"
# Documents of a plan year, children first; cleared before a test class uses the year.
YEAR_DOCTYPES = ("Project Approval", "Supplementary Request", "Expert Review", "Video Technical Review")


def department(function: str) -> str:
	"""The Gov Unit acting as `function` (one per function, DESIGN §2)."""
	return frappe.db.get_value("Gov Unit", {"department_function": function}) or ensure_unit(
		f"_Test {function}", function=function
	)


class Actors:
	"""Every department of Art 4 and 13 as a Gov Unit, one user per role, and two units."""

	def __init__(self):
		for function in DepartmentFunction:
			department(function)
		self.health = ensure_unit("_Test 卫健委")
		self.police_unit = ensure_unit("_Test 交通运输局")
		self.health_user = ensure_user("govit-health@test.local", [R.UNIT_USER], (self.health,))
		self.transport_user = ensure_user("govit-transport@test.local", [R.UNIT_USER], (self.police_unit,))
		self.office = ensure_user("govit-office@test.local", [R.OFFICE])
		self.office2 = ensure_user("govit-office2@test.local", [R.OFFICE])
		self.experts = [ensure_user(f"govit-expert{i}@test.local", [R.EXPERT]) for i in (1, 2, 3)]
		self.leader = ensure_user("govit-leader@test.local", [R.LEADING_GROUP])
		self.ndrc = ensure_user("govit-ndrc@test.local", [R.NDRC])
		self.finance = ensure_user("govit-finance@test.local", [R.FINANCE])
		self.secrecy = ensure_user("govit-secrecy@test.local", [R.SECRECY])
		self.police = ensure_user("govit-police@test.local", [R.PUBLIC_SECURITY])
		self.miit = ensure_user("govit-miit@test.local", [R.INDUSTRY_IT])
		self.cac = ensure_user("govit-cac@test.local", [R.CYBERSPACE])
		self.audit = ensure_user("govit-audit@test.local", [R.AUDIT])
		# Who decides for each department of Art 4 and Art 13 (the Office decides for itself).
		self.by_function = {
			"市政府办公室": self.office,
			"市保密局": self.secrecy,
			"市公安局": self.police,
			"市发展改革委": self.ndrc,
			"市工业和信息化局": self.miit,
			"市财政局": self.finance,
		}


def clear_year(year: int) -> None:
	"""Remove what earlier runs left for `year`: plans, reviews, approvals, declarations, projects."""
	declarations = frappe.get_all(DECLARATION, filters={"plan_year": year}, pluck="name")
	projects = frappe.get_all(
		DECLARATION, filters={"plan_year": year, "it_project": ("is", "set")}, pluck="it_project"
	)
	for doctype in YEAR_DOCTYPES:
		field, values = (
			("it_project", projects)
			if doctype == "Project Approval"
			else ("project_declaration", declarations)
		)
		delete_rows(doctype, frappe.get_all(doctype, filters={field: ("in", values or [""])}, pluck="name"))
	delete_rows("Annual Plan", frappe.get_all("Annual Plan", filters={"plan_year": year}, pluck="name"))
	delete_rows(DECLARATION, declarations)
	delete_rows("IT Project", projects)
	frappe.db.commit()


def delete_rows(doctype: str, names: list[str]) -> None:
	"""Delete records with their child rows, submitted ones included (test data only)."""
	if not names:
		return
	for df in frappe.get_meta(doctype).get_table_fields():
		frappe.db.delete(df.options, {"parent": ("in", names), "parenttype": doctype})
	for trace, doctype_field, name_field in (
		("File", "attached_to_doctype", "attached_to_name"),
		("Comment", "reference_doctype", "reference_name"),
		("Version", "ref_doctype", "docname"),
		("ToDo", "reference_type", "reference_name"),
		("DocShare", "share_doctype", "share_name"),
		("Notification Log", "document_type", "document_name"),
	):
		frappe.db.delete(trace, {doctype_field: doctype, name_field: ("in", names)})
	frappe.db.delete(doctype, {"name": ("in", names)})


def ensure_round(year: int) -> str:
	"""A declaration round for `year` open today, so the test declares inside its window (Art 8)."""
	today = getdate()
	values = {"open_date": today - timedelta(days=30), "close_date": today + timedelta(days=30)}
	name = frappe.db.get_value("Declaration Round", {"plan_year": year})
	if name:
		frappe.db.set_value("Declaration Round", name, values)
	else:
		name = frappe.get_doc({"doctype": "Declaration Round", "plan_year": year, **values}).insert().name
	frappe.db.commit()
	return name


def declaration_values(year: int, unit: str, project_name: str, **values) -> dict:
	"""A complete 新建 declaration of `unit` for plan year `year`, as a unit would fill it in."""
	return {
		"doctype": DECLARATION,
		"declaration_round": ensure_round(year),
		"declaration_date": str(getdate()),
		"unit": unit,
		"project_name": project_name,
		"project_nature": "新建",
		"project_category": "业务应用",
		"project_leader": "王建国",
		"project_leader_phone": "13812345678",
		"contact_person": "李敏",
		"contact_phone": "0523-87654321",
		"purpose_and_content": "建设统一的数据中心和业务协同平台。",
		"start_date": f"{year}-01-01",
		"end_date": f"{year}-12-31",
		"estimate_amount": 80,
		"funding": [{"source": "财政拨款", "amount": values.get("estimate_amount", 80)}],
		"mlps_level": "第三级",
		"has_crypto_plan": "是",
		"deploy_on_gov_cloud": 1,
		"connect_big_data_platform": 1,
		**values,
	}


def ready_declaration(year: int, unit: str, project_name: str, **values) -> str:
	"""A 新建 declaration of `unit`, complete with its materials, still a draft."""
	doc = frappe.get_doc(declaration_values(year, unit, project_name, **values)).insert()
	for row in doc.materials:
		# Classified material never enters the system (Art 25): it goes through the secrecy channel.
		if row.is_required and doc.secrecy_level == "非涉密":
			row.attachment = attach(doc, f"{row.material_type}.pdf")
	doc.save()
	frappe.db.commit()
	return doc.name


def declaration_under_review(year: int, unit: str, project_name: str, **values) -> str:
	"""A 新建 declaration of `unit`, complete with its materials, handed in and accepted (评审中)."""
	name = ready_declaration(year, unit, project_name, **values)
	apply_workflow(frappe.get_doc(DECLARATION, name), "提交申报")
	apply_workflow(frappe.get_doc(DECLARATION, name), "受理")
	frappe.db.commit()
	return name


def attach(doc, filename: str, content: bytes = PDF) -> str:
	return (
		frappe.get_doc(
			{
				"doctype": "File",
				"file_name": filename,
				"content": content,
				"attached_to_doctype": doc.doctype,
				"attached_to_name": doc.name,
				"is_private": 1,
			}
		)
		.insert()
		.file_url
	)


def review_panel(declaration: str, sheets: list[tuple[str, float, str, float | None]]) -> list[str]:
	"""The Office assigns every expert of `sheets` (expert, score, conclusion, amount), then each
	submits a review with every aspect at its score."""
	reviews = [
		frappe.get_doc(
			{"doctype": "Expert Review", "project_declaration": declaration, "expert": sheet[0]}
		).insert()
		for sheet in sheets
	]
	frappe.db.commit()
	for review, (expert, score, conclusion, amount) in zip(reviews, sheets, strict=True):
		frappe.set_user(expert)
		try:
			review.reload()
			review.update(
				{
					**dict.fromkeys(
						("necessity", "rationality", "feasibility", "security", "intensiveness"), score
					),
					"conclusion": conclusion,
					"recommended_amount": amount,
					"opinion": "建设必要，方案可行。",
				}
			)
			review.submit()
		finally:
			frappe.set_user("Administrator")
	frappe.db.commit()
	return [review.name for review in reviews]


def passed_declaration(
	actors: Actors, year: int, unit: str, project_name: str, amount: float = 70, **values
) -> str:
	"""A declaration that passed the expert review (a panel of three) and the Office's 评审通过."""
	name = declaration_under_review(year, unit, project_name, **values)
	review_panel(name, [(expert, 85, "同意", amount) for expert in actors.experts])
	act_as(actors.office, DECLARATION, name, "评审通过")
	return name


def act_as(user: str, doctype: str, name: str, action: str, reason: str | None = None) -> None:
	"""`user` takes `action`, giving `reason` as the desk's dialog sends it (退回修改, 终止…)."""
	frappe.set_user(user)
	try:
		take_step(doctype, name, action, reason)
	finally:
		frappe.set_user("Administrator")
	frappe.db.commit()


def decide_as(user: str, doctype: str, name: str, decision: str = "同意", opinion: str = "") -> None:
	from govit_app.workflow.countersign import record_decision

	frappe.set_user(user)
	try:
		record_decision(doctype, name, decision, opinion)
	finally:
		frappe.set_user("Administrator")
	frappe.db.commit()


def published_plan(actors: Actors, year: int, budget: float = 1000) -> str:
	"""The plan of `year` with every passed declaration, countersigned, deliberated and published."""
	from govit_app.govit.doctype.annual_plan.annual_plan import pull_declarations

	plan = frappe.get_doc({"doctype": "Annual Plan", "plan_year": year, "budget_amount": budget}).insert()
	pull_declarations(plan.name)
	act_as(actors.office, "Annual Plan", plan.name, "提交会签")
	for function in get_settings().plan_countersign_departments:
		decide_as(actors.by_function[function], "Annual Plan", plan.name)
	act_as(actors.office2, "Annual Plan", plan.name, "提交审议")
	frappe.db.set_value("Annual Plan", plan.name, "leading_group_meeting", f"领导小组会议纪要〔{year}〕1号")
	act_as(actors.leader, "Annual Plan", plan.name, "审议通过并发布")
	return plan.name


def pdf_text(user: str, doctype: str, name: str, print_format: str) -> str:
	"""The text of the PDF `user` downloads as the desk's PDF button does, without white space."""
	response = ApiClient(user).request(
		"GET",
		"/api/method/frappe.utils.print_format.download_pdf",
		query_string={"doctype": doctype, "name": name, "format": print_format},
	)
	assert response.status_code == 200, error_text(response)
	pages = PdfReader(io.BytesIO(response.data)).pages
	return re.sub(r"\s+", "", "".join(page.extract_text() for page in pages))
