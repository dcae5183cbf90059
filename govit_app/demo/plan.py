"""Review, plan and approval of 2027 (Art 10-13, 18), after the declarations step.

Experts review the declarations under review, the Public Security Bureau reviews a video
project, the Office draws up the 2027 plan, the five departments of Art 4 countersign, the
Leading Group publishes it, the NDRC approves a project, and an urgent flood-control project
joins the plan in the year after the five consultations of Art 13. Every step is taken by
the demo user whose step it is, through the same methods as the desk. Each expert panel has
three experts (GovIT Settings' minimum, Art 10). The Office user who drew up the plan also
forwards it to the Leading Group: a one-person Office may, the five countersigns and the
Leading Group being the checks of that step.
"""

import frappe
from frappe.model.workflow import apply_workflow

from govit_app.demo.declarations import DemoDeclaration, make
from govit_app.demo.foundation import email
from govit_app.govit.doctype.annual_plan.annual_plan import pull_declarations
from govit_app.rules.review import SCORE_FIELDS
from govit_app.utils.settings import get_settings
from govit_app.workflow.countersign import record_decision

PLAN_YEAR = 2027
LAB_SAFETY = "市一中实验室安全管理系统"  # declared and accepted by the declarations step
HOUSING_DATA = "住房保障数据共享平台"  # passed the review in the declarations step
VIDEO = "城市易涝点视频监测系统"
FLOOD = "城市防汛应急指挥平台"

HOUSING_CONTACT = {
	"project_leader": "赵磊",
	"project_leader_phone": "13952600123",
	"contact_person": "钱程",
	"contact_phone": "0523-87621234",
}
ACCEPTED = (("housing", "提交申报"), ("office", "受理"))
NEW_DECLARATIONS = (
	DemoDeclaration(
		"housing",
		{
			"project_name": VIDEO,
			"project_nature": "新建",
			"project_category": "公共安全视频图像",
			"is_video_surveillance": 1,
			"purpose_and_content": "在全市42处易涝点布设高清摄像机和水位传感器，视频按国标接入市视联网平台，预警推送市防汛办。",
			"estimate_amount": 85,
			"funding": [{"source": "财政拨款", "amount": 85}],
			"mlps_level": "第三级",
			**HOUSING_CONTACT,
		},
		steps=ACCEPTED,
	),
	DemoDeclaration(
		"housing",
		{
			"project_name": FLOOD,
			"project_nature": "新建",
			"project_category": "业务应用",
			"purpose_and_content": "汛期前建成防汛应急指挥调度系统，统一调度排涝泵站、抢险队伍和物资，汛情信息接入市大数据平台。",
			"estimate_amount": 65,
			"funding": [{"source": "财政拨款", "amount": 50}, {"source": "上级补助", "amount": 15}],
			"mlps_level": "第三级",
			**HOUSING_CONTACT,
		},
		steps=ACCEPTED,
	),
)

# (expert login, score of each aspect, conclusion, recommended amount, opinion)
PANELS = {
	LAB_SAFETY: (
		("expert1", (85, 80, 82, 88, 75), "同意", 28, "危化品管理需求明确，建议与市应急管理平台对接。"),
		("expert2", (80, 76, 78, 85, 72), "修改后同意", 26, "门禁硬件可利旧，压减部分采购。"),
		("expert3", (88, 82, 85, 90, 80), "同意", 28, "方案可行，安全措施到位。"),
	),
	VIDEO: (
		("expert1", (90, 84, 86, 82, 85), "同意", 80, "点位选择合理，须按国标接入市视联网平台。"),
		("expert2", (88, 80, 84, 80, 82), "同意", 78, "建议复用公安已建点位，减少重复建设。"),
		("expert3", (92, 85, 88, 84, 86), "同意", 82, "必要性强，汛期前完成。"),
	),
	FLOOD: (
		("expert1", (92, 85, 86, 82, 84), "同意", 60, "汛期临近，建设紧迫。"),
		("expert2", (90, 82, 84, 80, 80), "修改后同意", 58, "调度模块与市城运平台共用底座。"),
		("expert3", (88, 84, 85, 82, 83), "同意", 59, "泵站数据须实时接入，汛前完成联调。"),
	),
}
COUNTERSIGN_OPINIONS = {
	"市保密局": "不涉及国家秘密事项，同意。",
	"市公安局": "视频类项目已通过技术审查，同意。",
	"市发展改革委": "符合全市信息化规划，同意；达到标准的项目按程序申请立项。",
	"市工业和信息化局": "同意。",
	"市财政局": "计划总额在年度预算内，同意。",
}
DEPARTMENT_LOGINS = {
	"市政府办公室": "office",
	"市保密局": "secrecy",
	"市公安局": "police",
	"市发展改革委": "ndrc",
	"市工业和信息化局": "miit",
	"市财政局": "finance",
}


def load() -> None:
	try:
		for demo in NEW_DECLARATIONS:
			if not frappe.db.exists("Project Declaration", {"project_name": demo.values["project_name"]}):
				make(demo, None)
		technical_review(VIDEO)
		for project_name in (LAB_SAFETY, VIDEO):
			review(project_name)
		plan = publish_plan()
		approve(HOUSING_DATA, plan, approval_no="泰发改审〔2027〕12号", amount=108)
		review(FLOOD)
		supplement(FLOOD)
	finally:
		frappe.set_user("Administrator")


def as_user(login: str) -> None:
	frappe.set_user(email(login))


def declaration(project_name: str):
	return frappe.get_doc("Project Declaration", {"project_name": project_name, "plan_year": PLAN_YEAR})


def technical_review(project_name: str) -> None:
	"""Art 18: the Public Security Bureau reviews the video project before the plan takes it."""
	name = declaration(project_name).name
	if frappe.db.exists("Video Technical Review", {"project_declaration": name}):
		return
	as_user("police")
	frappe.get_doc(
		{
			"doctype": "Video Technical Review",
			"project_declaration": name,
			"result": "通过",
			"opinion": "视频图像信息库符合GB/T 28181要求，前端设备实行“一机一档”，通过国标方式接入市视联网平台。",
		}
	).insert().submit()


def review(project_name: str) -> None:
	"""The Office assigns the panel, each expert submits, the Office concludes (Art 10)."""
	doc = declaration(project_name)
	if doc.workflow_state != "评审中":
		return
	as_user("office")
	for login, *_rest in PANELS[project_name]:
		frappe.get_doc(
			{"doctype": "Expert Review", "project_declaration": doc.name, "expert": email(login)}
		).insert()
	for login, scores, conclusion, amount, opinion in PANELS[project_name]:
		as_user(login)
		sheet = frappe.get_doc("Expert Review", {"project_declaration": doc.name, "expert": email(login)})
		sheet.update(dict(zip(SCORE_FIELDS, scores, strict=True)))
		sheet.update({"conclusion": conclusion, "recommended_amount": amount, "opinion": opinion})
		sheet.submit()
	as_user("office")
	doc.reload()
	apply_workflow(doc.as_dict(), "评审通过" if doc.review_result == "通过" else "评审不通过")


def publish_plan() -> str:
	"""编制中 → 会签中 → 待领导小组审议 → 已发布 (Art 4, 10, 11)."""
	existing = frappe.db.get_value("Annual Plan", {"plan_year": PLAN_YEAR})
	if existing:
		return existing
	as_user("office")
	plan = frappe.get_doc(
		{
			"doctype": "Annual Plan",
			"plan_year": PLAN_YEAR,
			"budget_amount": 300,
			"document_no": "泰政办发〔2027〕8号",
		}
	).insert()
	pull_declarations(plan.name)
	apply_workflow(frappe.get_doc("Annual Plan", plan.name).as_dict(), "提交会签")
	for function in get_settings().plan_countersign_departments:
		as_user(DEPARTMENT_LOGINS[function])
		record_decision("Annual Plan", plan.name, "同意", COUNTERSIGN_OPINIONS.get(function, "同意。"))
	as_user("office")
	apply_workflow(frappe.get_doc("Annual Plan", plan.name).as_dict(), "提交审议")
	as_user("leader")
	plan = frappe.get_doc("Annual Plan", plan.name)
	plan.leading_group_meeting = "市数智赋能行动工作领导小组会议纪要〔2027〕1号"
	plan.save()
	apply_workflow(plan.as_dict(), "审议通过并发布")
	return plan.name


def approve(project_name: str, plan: str, approval_no: str, amount: float) -> None:
	"""Art 12: the NDRC approves a planned project at or above the threshold."""
	project = declaration(project_name).it_project
	if frappe.db.exists("Project Approval", {"it_project": project, "annual_plan": plan}):
		return
	as_user("ndrc")
	frappe.get_doc(
		{
			"doctype": "Project Approval",
			"it_project": project,
			"approval_no": approval_no,
			"approval_date": frappe.utils.today(),
			"approved_amount": amount,
			"remarks": "同意建设，项目建设单位按批复内容组织政府采购。",
		}
	).insert().submit()


def supplement(project_name: str) -> None:
	"""Art 13 ¶2: an urgent in-year project joins the published plan after five consents."""
	request = request_supplement(
		project_name, "今年入汛早、降雨集中，防汛应急指挥调度须在主汛期前建成，不能等待下一年度计划。"
	)
	if request:
		as_user("office")
		frappe.get_doc("Supplementary Request", request).submit()


def request_supplement(
	project_name: str, reason: str, consenting: tuple[str, ...] | None = None
) -> str | None:
	"""Art 13 ¶2: the Office asks for the project in the year and the consulted departments agree
	(those of `consenting` only, when given). None when it was asked before."""
	doc = declaration(project_name)
	if frappe.db.exists("Supplementary Request", {"project_declaration": doc.name}):
		return None
	as_user("office")
	request = frappe.get_doc(
		{
			"doctype": "Supplementary Request",
			"project_declaration": doc.name,
			"requested_amount": doc.recommended_amount,
			"reason": reason,
		}
	).insert()
	for function in get_settings().supplementary_consult_departments:
		if consenting is None or function in consenting:
			as_user(DEPARTMENT_LOGINS[function])
			record_decision("Supplementary Request", request.name, "同意", "同意追加。")
	return request.name
