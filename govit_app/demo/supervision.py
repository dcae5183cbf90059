"""O&M, supervision and performance evaluation (Art 6, 20-24), after the plan step.

Projects that ran before this system are recorded by the Office in their stage. Then, each step
taken by the demo user whose step it is:

- the units catalogue their information resources; the housing bureau asks the health
  commission for one and gets it (Art 6);
- units hand in their O&M self-evaluations of last year; the Office receives one; the school's
  campus card system has not handed in its own, which shows as overdue (Art 20);
- the Office evaluates two projects (Art 23): the health platform is 良好, the city management
  platform only 合格, so its 运维 renewal for 2027 is refused (Art 24) and stays a draft;
- supervision (Art 21): a school's notice is answered and re-checked 合格; the health
  commission's medical-insurance system left its procurement notice unanswered past the
  deadline, is criticised and suspended; 黄桥镇's investment plan for next year is deferred;
  the development zone's enterprise platform is suspended and then terminated.

A notice's "time passing" is the only thing written directly: its dates are set back and the
daily job marks it 逾期未整改, as it would have done.
"""

from datetime import timedelta

import frappe
from frappe.model.workflow import apply_workflow
from frappe.utils import getdate

from govit_app.demo.declarations import HEALTH_PLATFORM, attach_materials, placeholder_pdf
from govit_app.demo.foundation import email
from govit_app.errors import RegulationError
from govit_app.govit.doctype.information_resource_request.information_resource_request import answer
from govit_app.govit.doctype.om_self_evaluation.due_dates import refresh_om_due_dates
from govit_app.govit.doctype.rectification_notice.overdue import mark_overdue
from govit_app.govit.doctype.rectification_notice.sanctions import record_sanction
from govit_app.rules.evaluation import SCORE_FIELDS
from govit_app.utils.calendar import add_working_days
from govit_app.workflow.stages import set_project_stage

LAST_YEAR = getdate().year - 1

# (project, unit, category, stage, approved, contract): running or being built before this system
PROJECTS = (
	("城市数字化管理平台", "泰兴市住房和城乡建设局", "业务应用", "运维中", 210, 198.6),
	("智慧校园一卡通系统", "泰兴市第一高级中学", "业务应用", "运维中", 38, 36.5),
	("校园安全视频监控系统", "泰兴市第一高级中学", "公共安全视频图像", "建设中", 46, 44.2),
	("智慧医保结算系统", "泰兴市卫生健康委员会", "业务应用", "建设中", 135, 129.9),
	("黄桥镇智慧农业监管平台", "泰兴市黄桥镇人民政府", "业务应用", "建设中", 58, 55),
	("开发区企业服务平台", "泰兴经济开发区管理委员会", "业务应用", "建设中", 96, 92.5),
)

RESOURCES = (
	(
		HEALTH_PLATFORM,
		"health",
		"居民电子健康档案",
		"有条件共享",
		"仅限民政、医保部门核对救助对象健康状况，按月提供脱敏数据",
		"每日",
		"接口服务",
		"全民健康信息平台",
	),
	(HEALTH_PLATFORM, "health", "医疗机构基础信息", "无条件共享", "", "每月", "数据库", "全民健康信息平台"),
	(
		HEALTH_PLATFORM,
		"health",
		"传染病个案报告",
		"不予共享",
		"涉及个人隐私，依据《传染病防治法》由卫生健康部门管理",
		"实时",
		"数据库",
		"传染病网络直报系统",
	),
	(
		"城市数字化管理平台",
		"housing",
		"城市部件普查数据",
		"无条件共享",
		"",
		"每季度",
		"电子表格",
		"城市数字化管理平台",
	),
	(
		"城市数字化管理平台",
		"housing",
		"住房保障对象名单",
		"有条件共享",
		"仅限社会救助资格审核",
		"每月",
		"接口服务",
		"住房保障管理系统",
	),
)

# (project, unit login, score of the six aspects, data shared, cloud use reasonable, opinion)
EVALUATIONS = (
	(HEALTH_PLATFORM, (86, 82, 80, 88, 85, 78), 1, 1, "平台运行稳定，数据共享充分，建议加强创新应用。"),
	(
		"城市数字化管理平台",
		(70, 62, 58, 72, 75, 55),
		1,
		1,
		"系统使用率偏低，成本效益不高，须整改后再申请运维经费。",
	),
)


def load() -> None:
	try:
		projects = {row[0]: record_project(*row) for row in PROJECTS}
		projects[HEALTH_PLATFORM] = frappe.db.get_value("IT Project", {"project_name": HEALTH_PLATFORM})
		catalogue(projects)
		self_evaluations(projects)
		evaluations(projects)
		refused_renewal(projects["城市数字化管理平台"])
		rectified(projects["校园安全视频监控系统"])
		suspended(projects["智慧医保结算系统"])
		deferred(projects["黄桥镇智慧农业监管平台"])
		terminated(projects["开发区企业服务平台"])
		frappe.set_user("Administrator")
		refresh_om_due_dates()
	finally:
		frappe.set_user("Administrator")


def as_user(login: str) -> None:
	frappe.set_user(email(login))


def record_project(name: str, unit: str, category: str, stage: str, approved: float, contract: float) -> str:
	"""The Office records a project that was running (or being built) before this system."""
	existing = frappe.db.get_value("IT Project", {"project_name": name})
	if existing:
		return existing
	frappe.set_user("Administrator")
	project = frappe.get_doc(
		{
			"doctype": "IT Project",
			"project_name": name,
			"unit": unit,
			"project_category": category,
			"approved_amount": approved,
			"contract_amount": contract,
		}
	).insert(ignore_permissions=True)
	set_project_stage([project.name], stage)
	return project.name


def attach(doc, label: str) -> str:
	return (
		frappe.get_doc(
			{
				"doctype": "File",
				"file_name": f"{label}.pdf",
				"attached_to_doctype": doc.doctype,
				"attached_to_name": doc.name,
				"is_private": 1,
				"content": placeholder_pdf(f"{doc.name} {label}"),
			}
		)
		.insert()
		.file_url
	)


def catalogue(projects: dict[str, str]) -> None:
	"""Art 6: the units' resources, and one request between units, agreed."""
	for project, login, name, share_type, conditions, frequency, fmt, system in RESOURCES:
		if frappe.db.exists("Information Resource", {"resource_name": name}):
			continue
		as_user(login)
		frappe.get_doc(
			{
				"doctype": "Information Resource",
				"it_project": projects[project],
				"resource_name": name,
				"share_type": share_type,
				"share_conditions": conditions,
				"update_frequency": frequency,
				"resource_format": fmt,
				"source_system": system,
			}
		).insert()
	resource = frappe.db.get_value("Information Resource", {"resource_name": "居民电子健康档案"})
	if frappe.db.exists("Information Resource Request", {"information_resource": resource}):
		return
	as_user("housing")
	request = frappe.get_doc(
		{
			"doctype": "Information Resource Request",
			"information_resource": resource,
			"requesting_unit": "泰兴市住房和城乡建设局",
			"purpose": "保障性住房申请家庭重大疾病情况核对",
		}
	).insert()
	as_user("health")
	answer(request.name, "同意", "按月提供核对结果，不提供病历明细。")


def self_evaluations(projects: dict[str, str]) -> None:
	"""Art 20: last year's self-evaluations; the Office receives the health commission's."""
	for project, login, result, receive in (
		(HEALTH_PLATFORM, "health", "运行良好", True),
		("城市数字化管理平台", "housing", "存在问题", False),
	):
		if frappe.db.exists("OM Self Evaluation", {"it_project": projects[project]}):
			continue
		as_user(login)
		doc = frappe.get_doc(
			{
				"doctype": "OM Self Evaluation",
				"it_project": projects[project],
				"period_year": LAST_YEAR,
				"result": result,
				"summary": "系统全年可用率99.5%，完成等保测评和数据库升级；汛期发生一次网络中断，已按应急预案处置。",
				"incidents": [
					{
						"occurred_on": f"{LAST_YEAR}-07-12",
						"description": "机房专线中断",
						"impact": "业务中断约2小时",
						"handling": "启用备用线路，运营商抢修",
						"resolved_on": f"{LAST_YEAR}-07-12",
					}
				],
			}
		).insert()
		doc.om_system_document = attach(doc, "运维管理制度")
		doc.emergency_plan = attach(doc, "应急预案")
		doc.save()
		apply_workflow(doc.as_dict(), "提交自评")
		if receive:
			as_user("office")
			apply_workflow(frappe.get_doc("OM Self Evaluation", doc.name).as_dict(), "接收")


def evaluations(projects: dict[str, str]) -> None:
	"""Art 23: the Office evaluates last year with a third-party institution."""
	as_user("office")
	for project, scores, shared, cloud, opinion in EVALUATIONS:
		if frappe.db.exists("Performance Evaluation", {"it_project": projects[project]}):
			continue
		doc = frappe.get_doc(
			{
				"doctype": "Performance Evaluation",
				"it_project": projects[project],
				"evaluation_year": LAST_YEAR,
				"evaluation_method": "第三方机构评价",
				"evaluator": "江苏泰兴绩效评价咨询有限公司",
				**dict(zip(SCORE_FIELDS, scores, strict=True)),
				"data_shared": shared,
				"cloud_usage_reasonable": cloud,
				"opinion": opinion,
			}
		).insert()
		doc.submit()


def refused_renewal(project: str) -> None:
	"""Art 24: graded 合格, the city management platform's 运维 for 2027 is refused; it stays a draft."""
	if frappe.db.exists("Project Declaration", {"it_project": project}):
		return
	as_user("housing")
	doc = frappe.get_doc(
		{
			"doctype": "Project Declaration",
			"declaration_round": "2027",
			"unit": "泰兴市住房和城乡建设局",
			"project_name": "城市数字化管理平台运维（2027年度）",
			"project_nature": "运维",
			"project_category": "业务应用",
			"it_project": project,
			"project_leader": "赵磊",
			"project_leader_phone": "13952600123",
			"contact_person": "钱程",
			"contact_phone": "0523-87621234",
			"purpose_and_content": "平台年度运维，含坐席外包和硬件维保。",
			"start_date": "2027-01-01",
			"end_date": "2027-12-31",
			"estimate_amount": 42,
			"funding": [{"source": "财政拨款", "amount": 42}],
		}
	).insert()
	attach_materials(doc)
	try:
		apply_workflow(frappe.get_doc("Project Declaration", doc.name).as_dict(), "提交申报")
	except RegulationError:
		frappe.clear_messages()  # refused as the regulation says: the draft shows its Art 24 finding


def notice(project: str, login: str, issue_type: str, findings: str, requirements: str) -> str:
	existing = frappe.db.get_value("Rectification Notice", {"it_project": project})
	if existing:
		return existing
	as_user(login)
	return (
		frappe.get_doc(
			{
				"doctype": "Rectification Notice",
				"it_project": project,
				"issue_type": issue_type,
				"deadline_working_days": 15,
				"findings": findings,
				"requirements": requirements,
			}
		)
		.insert()
		.name
	)


def time_passes(name: str) -> None:
	"""The notice was issued six weeks ago and nobody answered: the daily job marks it overdue."""
	frappe.set_user("Administrator")
	issued = getdate() - timedelta(days=42)
	frappe.db.set_value(
		"Rectification Notice",
		name,
		{"issued_on": issued, "deadline": add_working_days(issued, 15, warn=False)},
	)
	mark_overdue()


def sanction(name: str, login: str, kind: str, reason: str) -> None:
	rows = frappe.get_all("Rectification Sanction", filters={"parent": name, "sanction": kind}, limit=1)
	if rows:
		return
	as_user(login)
	record_sanction(name, kind, reason)


def rectified(project: str) -> None:
	"""信息共享: the school answers, a second Office user re-checks 合格."""
	name = notice(
		project,
		"office",
		"信息共享",
		"视频监控数据未按要求接入市视联网平台，未编制政务信息资源目录。",
		"按国标接入市视联网平台，编制并报送政务信息资源目录。",
	)
	doc = frappe.get_doc("Rectification Notice", name)
	if doc.status != "待整改":
		return
	as_user("school")
	doc.rectification_report = attach(doc, "整改报告")
	doc.rectification_summary = "已完成视频接入并报送资源目录。"
	doc.save()
	apply_workflow(frappe.get_doc("Rectification Notice", name).as_dict(), "提交整改报告")
	as_user("office2")
	apply_workflow(frappe.get_doc("Rectification Notice", name).as_dict(), "复查合格")


def suspended(project: str) -> None:
	"""招标采购: unanswered past its deadline, criticised and suspended by the Finance Bureau."""
	name = notice(
		project,
		"finance",
		"招标采购",
		"医保结算接口改造以单一来源方式采购，未履行审批程序；合同金额超出批复。",
		"说明单一来源采购理由并补办审批，调整合同金额。",
	)
	if frappe.db.get_value("Rectification Notice", name, "status") == "待整改":
		time_passes(name)
	sanction(name, "finance", "通报批评", "逾期未报送整改报告，予以全市通报批评。")
	sanction(name, "finance", "暂停项目建设", "逾期未整改，暂停项目建设直至完成整改。")


def deferred(project: str) -> None:
	"""信息共享: the town did not build the data sharing it promised; next year's plan is deferred."""
	name = notice(
		project,
		"office",
		"信息共享",
		"农业监管数据未接入市大数据平台，未建立共享机制。",
		"接入市大数据平台并编制资源目录。",
	)
	if frappe.db.get_value("Rectification Notice", name, "status") == "待整改":
		time_passes(name)
	sanction(name, "office", "暂缓安排投资计划", "逾期未整改，暂缓安排下一年度投资计划。")


def terminated(project: str) -> None:
	"""网络安全: a critical vulnerability left open; suspended, then terminated."""
	name = notice(
		project,
		"cac",
		"网络安全",
		"系统存在高危漏洞且未开展等级保护测评，企业数据存在泄露风险。",
		"修复高危漏洞，完成等保测评。",
	)
	if frappe.db.get_value("Rectification Notice", name, "status") == "待整改":
		time_passes(name)
	sanction(name, "cac", "暂停项目建设", "逾期未整改，暂停项目建设。")
	sanction(name, "office", "终止项目", "经市数智赋能行动工作领导小组研究，项目终止建设。")
