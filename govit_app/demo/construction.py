"""Construction and acceptance (Chapter 3, Art 15-19), after the plan step.

The 2026 plan was published before the city introduced this system: the Office recorded its
projects as the plan left them (declaration, plan row, and the NDRC's approval where Art 12 asks
for one). From there every step is taken by the demo user whose step it is, through the same
documents as in the desk, each on its own day of the past months (so filing dates, due dates and
overdue marks are the ones the rules give): contracts filed with the Office (one late), trial
runs, acceptances (one failed), an acceptance filing receipted by the three departments of
Art 19 ¶2, an approved extension, and today's run of the daily deadline job, so that the bells
and the report 时限预警 show what is due and overdue.

| project | unit | where it ends |
| --- | --- | --- |
| 市一中智慧校园一期 | school | 运维中: filed with the Office, the Cyberspace Office and Finance |
| 基层医疗机构远程会诊系统 | health | 已验收, its acceptance filing overdue, still a draft |
| 住房公积金业务协同系统 | housing | 验收不合格 |
| 区域医学影像云 | health | 试运行 |
| 学生体质健康监测平台 | school | 建设中, acceptance extended by the Office |
| 保障性住房智能门禁系统 | housing | 建设中, acceptance deadline passed |
| 卫生监督执法记录仪联网 | health | 建设中, its contract filed late (overdue) |
| 城市燃气管网监测系统 | housing | 已立项, its contract filing overdue, still a draft |

Run again, it finds what it made: a project with a contract filing has had its steps taken.
"""

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date, timedelta

import frappe
import pytz
from frappe.model.workflow import apply_workflow
from frappe.utils import add_days, get_datetime, get_system_timezone, getdate

from govit_app.deadlines.job import send_deadline_notices
from govit_app.demo.declarations import placeholder_pdf
from govit_app.demo.foundation import email
from govit_app.govit.doctype.annual_plan.publication import enter_plan
from govit_app.rules.uscc import check_character
from govit_app.utils.settings import get_settings
from govit_app.workflow.countersign import record_decision

PLAN_YEAR = 2026
PLAN = f"JH-{PLAN_YEAR}"
UNITS = {
	"school": "泰兴市第一高级中学",
	"health": "泰兴市卫生健康委员会",
	"housing": "泰兴市住房和城乡建设局",
}


@dataclass(frozen=True)
class RecordedProject:
	"""A project of the 2026 plan as the Office recorded it."""

	name: str
	login: str
	amount: float  # 万元, as planned
	category: str
	purpose: str
	completion_in_days: int  # planned completion, days from today (negative: already passed)


PROJECTS = (
	RecordedProject(
		"市一中智慧校园一期", "school", 46, "业务应用", "统一身份认证、电子班牌和校园安防联网。", -30
	),
	RecordedProject(
		"基层医疗机构远程会诊系统", "health", 78, "业务应用", "乡镇卫生院与市人民医院远程会诊、远程心电。", 20
	),
	RecordedProject(
		"住房公积金业务协同系统", "housing", 58, "业务应用", "公积金提取与不动产、民政数据联办。", 60
	),
	RecordedProject("区域医学影像云", "health", 135, "数据资源", "全市医疗机构影像集中存储与调阅互认。", 45),
	RecordedProject(
		"学生体质健康监测平台", "school", 32, "数据资源", "体测数据采集分析，结果推送家长端。", 10
	),
	RecordedProject(
		"保障性住房智能门禁系统", "housing", 41, "基础设施", "保障房小区人脸门禁与入住核验。", -12
	),
	RecordedProject(
		"卫生监督执法记录仪联网", "health", 24, "基础设施", "执法记录仪视频统一汇聚与存证。", 120
	),
	RecordedProject(
		"城市燃气管网监测系统", "housing", 96, "业务应用", "燃气管网压力、泄漏在线监测与预警。", 240
	),
)
SUPPLIERS = (
	("江苏泰信科技有限公司", "91321283MA1N2P3Q4"),
	("南京数联信息技术有限公司", "91320100MA1W8K7L2"),
	("泰州智城网络工程有限公司", "91321200MA1T5R6U9"),
)
ACCEPTANCE_GROUP = (
	"组长：孙立（市大数据中心）；成员：吴倩（网络安全测评机构）、郑阳（财务审计）、建设单位和监理单位代表"
)


# The real today, taken when the demo loads: every day of the story is counted from it.
TODAY: list[date] = []


def day(offset: int) -> str:
	return str(add_days(TODAY[0], offset))


@contextmanager
def on_day(offset: int) -> Iterator[None]:
	"""The steps inside are taken `offset` days from today, at 10:00 city time."""
	from freezegun import freeze_time

	moment = get_datetime(day(offset)) + timedelta(hours=10)
	utc = pytz.timezone(get_system_timezone()).localize(moment).astimezone(pytz.utc)
	with freeze_time(utc, tick=True):  # ticking: Frappe compares timestamps to the microsecond
		yield


# The plan was published this many days ago; the NDRC approved its projects in the days after.
PUBLISHED = -200


def load() -> None:
	TODAY[:] = [getdate()]
	with on_day(PUBLISHED):
		ensure_plan()
		projects = {p.name: ensure_project(p) for p in PROJECTS}
	try:
		build(projects)
	finally:
		frappe.set_user("Administrator")
	send_deadline_notices()


def as_user(login: str) -> None:
	frappe.set_user(email(login))


# ---- the 2026 plan, as the Office recorded it ------------------------------------------------


def ensure_plan() -> None:
	if frappe.db.exists("Annual Plan", PLAN):
		return
	frappe.get_doc(
		{
			"doctype": "Annual Plan",
			"name": PLAN,
			"plan_year": PLAN_YEAR,
			"title": f"{PLAN_YEAR}年度政务信息化项目建设计划",
			"document_no": "泰政办发〔2026〕5号",
			"leading_group_meeting": "市数智赋能行动工作领导小组会议纪要〔2026〕1号",
			"workflow_state": "已发布",
			"docstatus": 1,
			"published_on": day(PUBLISHED),
		}
	).db_insert()


def ensure_project(p: RecordedProject) -> str:
	existing = frappe.db.get_value("IT Project", {"project_name": p.name})
	if existing:
		return existing
	unit = UNITS[p.login]
	project = frappe.get_doc(
		{"doctype": "IT Project", "project_name": p.name, "unit": unit, "project_category": p.category}
	).insert(ignore_permissions=True)
	index = PROJECTS.index(p) + 1
	declaration = frappe.get_doc(
		{
			"doctype": "Project Declaration",
			"name": f"SB-{PLAN_YEAR}-L{index:04d}",  # L: recorded by the Office
			"plan_year": PLAN_YEAR,
			"unit": unit,
			"project_name": p.name,
			"project_nature": "新建",
			"project_category": p.category,
			"purpose_and_content": p.purpose,
			"start_date": f"{PLAN_YEAR}-03-01",
			"end_date": day(p.completion_in_days),
			"estimate_amount": p.amount,
			"it_project": project.name,
			"workflow_state": "评审通过",  # enter_plan moves it to 已纳入计划, on its trail
			"docstatus": 1,
		}
	)
	declaration.db_insert()
	needs_approval = p.amount >= get_settings().approval_threshold
	item = frappe.get_doc(
		{
			"doctype": "Annual Plan Item",
			"parent": PLAN,
			"parenttype": "Annual Plan",
			"parentfield": "items",
			"idx": index,
			"project_declaration": declaration.name,
			"it_project": project.name,
			"unit": unit,
			"project_name": p.name,
			"project_nature": "新建",
			"approved_amount": p.amount,
			"needs_approval": int(needs_approval),
			"priority": "中",
		}
	)
	item.db_insert()
	frappe.db.set_value(
		"Annual Plan", PLAN, "total_amount", sum(q.amount for q in PROJECTS[:index]), update_modified=False
	)
	enter_plan(PLAN_YEAR, PLAN, [item])
	if needs_approval:
		approved_on = PUBLISHED + 10 + index
		with on_day(approved_on):
			as_user("ndrc")
			try:
				frappe.get_doc(
					{
						"doctype": "Project Approval",
						"it_project": project.name,
						"approval_no": f"泰发改审〔2026〕{20 + index}号",
						"approval_date": day(approved_on),
						"approved_amount": p.amount,
					}
				).insert().submit()
			finally:
				frappe.set_user("Administrator")
	return project.name


# ---- the steps of Chapter 3 -------------------------------------------------------------------


def build(projects: dict[str, str]) -> None:
	"""Each project's story, its steps on their days (offsets from today)."""
	p = {name: project for name, project in projects.items() if not has_contract(project)}
	if "市一中智慧校园一期" in p:
		project = p["市一中智慧校园一期"]
		contract(project, "school", signed=-150, handed_in=-145, filed=-143, amount=44.8, supplier=0)
		trial(project, "school", start=-100, end=-70, handed_in=-68, filed=-67)
		filing = accept(project, "school", on=-60)
		file_acceptance(
			filing, "school", handed_in=-55, receipts=(("office", -54), ("cac", -53), ("finance", -50))
		)
	if "基层医疗机构远程会诊系统" in p:
		project = p["基层医疗机构远程会诊系统"]
		contract(project, "health", signed=-160, handed_in=-155, filed=-154, amount=75.5, supplier=1)
		trial(project, "health", start=-90, end=-45, handed_in=-44, filed=-43)
		accept(project, "health", on=-25)  # its filing, due 10 working days later, is still a draft
	if "住房公积金业务协同系统" in p:
		project = p["住房公积金业务协同系统"]
		contract(project, "housing", signed=-140, handed_in=-136, filed=-135, amount=56, supplier=2)
		trial(project, "housing", start=-80, end=-40, handed_in=-39, filed=-38)
		accept(
			project,
			"housing",
			on=-20,
			result="不通过",
			opinion="与不动产登记系统接口响应超时，压力测试未达到设计指标，整改后重新组织验收。",
		)
	if "区域医学影像云" in p:
		project = p["区域医学影像云"]
		contract(project, "health", signed=-120, handed_in=-115, filed=-114, amount=128, supplier=1)
		trial(project, "health", start=-30, end=30, handed_in=-28, filed=-27)
	if "学生体质健康监测平台" in p:
		project = p["学生体质健康监测平台"]
		contract(project, "school", signed=-90, handed_in=-86, filed=-85, amount=31.2, supplier=0)
		extend(
			project,
			"school",
			asked=-5,
			approved=-3,
			to=90,
			reason="体测设备须待新学期开学后在全部学校完成安装调试，原定完成日期无法组织验收。",
		)
	if "保障性住房智能门禁系统" in p:
		contract(
			p["保障性住房智能门禁系统"],
			"housing",
			signed=-100,
			handed_in=-95,
			filed=-94,
			amount=39.6,
			supplier=2,
		)
	if "卫生监督执法记录仪联网" in p:
		# Handed in a month after signing: past its 10 working days, marked overdue for good.
		contract(
			p["卫生监督执法记录仪联网"],
			"health",
			signed=-60,
			handed_in=-30,
			filed=-29,
			amount=23.5,
			supplier=0,
		)
	if "城市燃气管网监测系统" in p:
		contract(
			p["城市燃气管网监测系统"],
			"housing",
			signed=-35,
			handed_in=None,
			filed=None,
			amount=92,
			supplier=2,
		)


def has_contract(project: str) -> bool:
	return bool(frappe.db.exists("Contract Filing", {"it_project": project}))


def attach(doc, filename: str) -> str:
	return (
		frappe.get_doc(
			{
				"doctype": "File",
				"file_name": filename,
				"attached_to_doctype": doc.doctype,
				"attached_to_name": doc.name,
				"is_private": 1,
				"content": placeholder_pdf(f"{doc.name} {filename}"),
			}
		)
		.insert()
		.file_url
	)


def step(login: str, doctype: str, name: str, action: str) -> None:
	as_user(login)
	apply_workflow(frappe.get_doc(doctype, name), action)


def contract(
	project: str,
	login: str,
	signed: int,
	handed_in: int | None,
	filed: int | None,
	amount: float,
	supplier: int,
) -> str:
	"""Art 15-16: the unit enters the contract the day after signing, hands it in with its three
	documents, the Office files it; without `handed_in` it stays a draft."""
	supplier_name, prefix = SUPPLIERS[supplier]
	with on_day(signed + 1):
		as_user(login)
		doc = frappe.get_doc(
			{
				"doctype": "Contract Filing",
				"it_project": project,
				"procurement_method": "公开招标" if amount >= 50 else "竞争性磋商",
				"supplier": supplier_name,
				"supplier_uscc": prefix + check_character(prefix),
				"contract_no": f"TXZW-{PLAN_YEAR}-{frappe.db.count('Contract Filing') + 1:03d}",
				"contract_sign_date": day(signed),
				"contract_amount": amount,
			}
		).insert()
	if handed_in is None:
		return doc.name
	with on_day(handed_in):
		as_user(login)
		for fieldname, filename in (
			("bid_document", "招标文件.pdf"),
			("award_document", "中标通知书.pdf"),
			("contract_document", "项目合同.pdf"),
		):
			doc.set(fieldname, attach(doc, filename))
		doc.save()
		step(login, "Contract Filing", doc.name, "提交备案")
	with on_day(filed):
		step("office", "Contract Filing", doc.name, "备案")
	return doc.name


def trial(project: str, login: str, start: int, end: int, handed_in: int, filed: int) -> None:
	"""Art 19 ¶1: the trial-operation report filed with the Office before the acceptance."""
	with on_day(handed_in):
		as_user(login)
		doc = frappe.get_doc(
			{
				"doctype": "Trial Operation Filing",
				"it_project": project,
				"trial_start": day(start),
				"trial_end": day(end),
				"summary": "试运行期间系统运行平稳，未发生影响业务的故障，用户反馈问题均已闭环。",
			}
		).insert()
		doc.report = attach(doc, "试运行报告.pdf")
		doc.save()
		step(login, "Trial Operation Filing", doc.name, "提交备案")
	with on_day(filed):
		step("office", "Trial Operation Filing", doc.name, "备案")


def accept(project: str, login: str, on: int, result: str = "通过", opinion: str = "") -> str | None:
	"""Art 19: the unit records its completion acceptance; a passed one opens its acceptance filing."""
	with on_day(on):
		as_user(login)
		doc = frappe.get_doc(
			{
				"doctype": "Completion Acceptance",
				"it_project": project,
				"acceptance_date": day(on),
				"result": result,
				"acceptance_group": ACCEPTANCE_GROUP,
				"acceptance_opinion": opinion or "系统功能、性能和安全符合合同及批复要求，同意通过竣工验收。",
			}
		).insert()
		doc.acceptance_report = attach(doc, "竣工验收报告.pdf")
		doc.save()
		doc.submit()
	return doc.acceptance_filing


def file_acceptance(filing: str, login: str, handed_in: int, receipts: tuple[tuple[str, int], ...]) -> None:
	"""Art 19 ¶2: the nine documents handed in, each department receipting for itself."""
	with on_day(handed_in):
		as_user(login)
		doc = frappe.get_doc("Acceptance Filing", filing)
		for row in doc.documents:
			row.attachment = attach(doc, f"{row.document_type}.pdf")
		doc.save()
		step(login, "Acceptance Filing", filing, "提交备案")
	for receiver, on in receipts:
		with on_day(on):
			as_user(receiver)
			record_decision("Acceptance Filing", filing, "同意", "材料齐全，予以备案。")


def extend(project: str, login: str, asked: int, approved: int, to: int, reason: str) -> None:
	"""Art 19 ¶3: the unit asks for more time with a written report; the Office approves."""
	with on_day(asked):
		as_user(login)
		doc = frappe.get_doc(
			{
				"doctype": "Acceptance Extension",
				"it_project": project,
				"requested_deadline": day(to),
				"reason": reason,
			}
		).insert()
		doc.report = attach(doc, "延期验收书面报告.pdf")
		doc.save()
		step(login, "Acceptance Extension", doc.name, "提交申请")
	with on_day(approved):
		step("office", "Acceptance Extension", doc.name, "批准")
