"""The 2027 declaration round, with a declaration in every workflow state (Chapter 2).

Each declaration is made and moved by the demo user whose step it is, through the same
workflow actions as in the desk, so every rule holds; a step that needs a reason (a return,
a refusal, a termination, the reference of a classified closure) is given one, as the desk's
dialog sends it. The round's window (Q3 2026) was extended by the Office for late
declarations, so that they can still be handed in today. Expert reviews come with the review
stage: the two concluded declarations carry the result the review panel would have written.
"""

from dataclasses import dataclass, field

import frappe
from frappe.utils import add_days, getdate

from govit_app.demo.foundation import email
from govit_app.rules.review import PanelResult
from govit_app.vocabulary import ProjectStage
from govit_app.workflow.reasons import apply_workflow
from govit_app.workflow.stages import set_project_stage

PLAN_YEAR = 2027
ROUND_NOTE = "市政府办公室《关于做好2027年度市级政务信息化项目申报工作的通知》：申报时间为2026年第三季度；因部分单位补报，申报截止日期延长。"

COMMON = {
	"declaration_round": str(PLAN_YEAR),
	"start_date": f"{PLAN_YEAR}-03-01",
	"end_date": f"{PLAN_YEAR}-12-31",
	"mlps_level": "第二级",
	"has_crypto_plan": "是",
}


@dataclass(frozen=True)
class DemoDeclaration:
	declarant: str  # demo login
	values: dict
	# (login, workflow action) in order; "审核同意" is preceded by the competent department's opinion
	steps: tuple[tuple[str, str], ...] = ()
	review: dict = field(default_factory=dict)  # what the expert review panel concluded
	# the reason given with the step that needs one (退回修改, 评审不通过, 终止), or the
	# reference number of a classified closure (涉密办结)
	reason: str = ""


HEALTH_PLATFORM = "全民健康信息平台"

DECLARATIONS = (
	DemoDeclaration(
		"housing",
		{
			"project_name": "智慧工地监管平台",
			"project_nature": "新建",
			"project_category": "业务应用",
			"project_leader": "赵磊",
			"project_leader_phone": "13952600123",
			"contact_person": "钱程",
			"contact_phone": "0523-87621234",
			"purpose_and_content": "对全市在建工地的扬尘、塔吊、人员实名制进行在线监管，接入市大数据平台共享预警数据。",
			"estimate_amount": 68,
			"funding": [{"source": "财政拨款", "amount": 68}],
		},
		steps=(("housing", "提交申报"), ("office", "退回修改")),
		reason="请补充与市城市运行管理平台的数据对接方案，并细化项目概算表中的硬件清单。",
	),
	DemoDeclaration(
		"school",
		{
			"project_name": "市一中智慧校园二期",
			"project_nature": "新建",
			"project_category": "业务应用",
			"project_leader": "王建国",
			"project_leader_phone": "13805260001",
			"contact_person": "刘洋",
			"contact_phone": "0523-87500101",
			"purpose_and_content": "建设统一身份认证、家校互动和教学资源平台，数据接入市教育数据中心。",
			"estimate_amount": 45,
			"funding": [{"source": "财政拨款", "amount": 30}, {"source": "自筹经费", "amount": 15}],
		},
		steps=(("school", "提交申报"),),
	),
	DemoDeclaration(
		"health",
		{
			"project_name": "全民健康信息平台扩容",
			"project_nature": "续建",
			"project_category": "数据资源",
			"project_leader": "李敏",
			"project_leader_phone": "13861000456",
			"contact_person": "周婷",
			"contact_phone": "0523-87238800",
			"purpose_and_content": "在一期平台基础上扩充电子病历共享和区域影像中心，实现市内医疗机构检查结果互认。",
			"estimate_amount": 260,
			"funding": [{"source": "财政拨款", "amount": 200}, {"source": "上级补助", "amount": 60}],
			"mlps_level": "第三级",
		},
		steps=(("health", "提交申报"),),
	),
	DemoDeclaration(
		"school",
		{
			"project_name": "市一中实验室安全管理系统",
			"project_nature": "新建",
			"project_category": "业务应用",
			"project_leader": "王建国",
			"project_leader_phone": "13805260001",
			"contact_person": "刘洋",
			"contact_phone": "0523-87500101",
			"purpose_and_content": "对化学、生物实验室的危化品出入库和门禁进行统一管理，异常情况推送至教育局。",
			"estimate_amount": 28.5,
			"funding": [{"source": "财政拨款", "amount": 28.5}],
		},
		steps=(("school", "提交申报"), ("edu", "审核同意"), ("office", "受理")),
	),
	DemoDeclaration(
		"housing",
		{
			"project_name": "住房保障数据共享平台",
			"project_nature": "新建",
			"project_category": "数据资源",
			"project_leader": "赵磊",
			"project_leader_phone": "13952600123",
			"contact_person": "钱程",
			"contact_phone": "0523-87621234",
			"purpose_and_content": "归集公租房、住房补贴和不动产数据，向民政、人社等部门按需共享。",
			"estimate_amount": 120,
			"funding": [{"source": "财政拨款", "amount": 100}, {"source": "自筹经费", "amount": 20}],
		},
		steps=(("housing", "提交申报"), ("office", "受理"), ("office", "评审通过")),
		review={"review_result": "通过", "review_score": 84.6, "recommended_amount": 110},
	),
	DemoDeclaration(
		"health",
		{
			"project_name": "全民健康信息平台运维（2027年度）",
			"project_nature": "运维",
			"project_category": "数据资源",
			"project_leader": "李敏",
			"project_leader_phone": "13861000456",
			"contact_person": "周婷",
			"contact_phone": "0523-87238800",
			"purpose_and_content": "平台年度运维，含驻场运维两人和数据库维保。",
			"estimate_amount": 36,
			"funding": [{"source": "财政拨款", "amount": 36}],
			"mlps_level": "",
			"has_crypto_plan": "",
		},
		steps=(("health", "提交申报"), ("office", "受理"), ("office", "评审不通过")),
		review={"review_result": "不通过", "review_score": 52.3, "recommended_amount": 0},
		reason="专家评审认为驻场运维人员配置偏多、维保单价高于同类项目，请按评审意见核减后于下一年度重新申报。",
	),
	DemoDeclaration(
		"school",
		{
			"project_name": "市一中录播教室改造",
			"project_nature": "新建",
			"project_category": "基础设施",
			"project_leader": "王建国",
			"project_leader_phone": "13805260001",
			"contact_person": "刘洋",
			"contact_phone": "0523-87500101",
			"purpose_and_content": "改造两间录播教室，课程资源接入市教育资源公共服务平台。",
			"estimate_amount": 18,
			"funding": [{"source": "自筹经费", "amount": 18}],
		},
		# The school withdraws it: the provincial programme funds the rooms instead.
		steps=(("school", "提交申报"), ("school", "撤回")),
		reason="省教育厅专项已安排录播教室建设，本项目撤回。",
	),
	DemoDeclaration(
		"housing",
		{
			"project_name": "老旧小区视频监控补点",
			"project_nature": "新建",
			"project_category": "业务应用",
			"project_leader": "赵磊",
			"project_leader_phone": "13952600123",
			"contact_person": "钱程",
			"contact_phone": "0523-87621234",
			"purpose_and_content": "在32个老旧小区出入口补建监控点位，视频接入住建局物业监管平台。",
			"estimate_amount": 40,
			"funding": [{"source": "财政拨款", "amount": 40}],
		},
		steps=(("housing", "提交申报"), ("office", "终止")),
		reason="与市公安局“雪亮工程”三期点位重复，由公安统一建设后共享视频，不再单独立项。",
	),
	DemoDeclaration(
		"health",
		{
			"project_name": "突发公共卫生事件应急指挥保密通信系统",
			"project_nature": "新建",
			"project_category": "基础设施",
			"secrecy_level": "秘密",
			"project_leader": "李敏",
			"project_leader_phone": "13861000456",
			"contact_person": "周婷",
			"contact_phone": "0523-87238800",
			"purpose_and_content": "涉密内容按保密规定另行报送。",
			"estimate_amount": 95,
			"funding": [{"source": "财政拨款", "amount": 95}],
			"mlps_level": "第三级",
		},
		# Classified (Art 25): accepted, then handled under the secrecy rules outside the system.
		steps=(("health", "提交申报"), ("office", "受理"), ("secrecy", "涉密办结")),
		reason="泰保密〔2027〕5号",
	),
)


def load() -> None:
	ensure_round()
	platform = ensure_health_platform()
	try:
		for demo in DECLARATIONS:
			if not frappe.db.exists("Project Declaration", {"project_name": demo.values["project_name"]}):
				make(demo, platform)
	finally:
		frappe.set_user("Administrator")


def ensure_round() -> None:
	"""Q3 of 2026, extended by the Office so that late declarations can still come in."""
	close = max(getdate(f"{PLAN_YEAR - 1}-09-30"), add_days(getdate(), 30))
	values = {
		"open_date": min(getdate(f"{PLAN_YEAR - 1}-07-01"), getdate()),
		"close_date": close,
		"note": ROUND_NOTE,
	}
	if frappe.db.exists("Declaration Round", str(PLAN_YEAR)):
		frappe.db.set_value("Declaration Round", str(PLAN_YEAR), values)
		return
	frappe.get_doc({"doctype": "Declaration Round", "plan_year": PLAN_YEAR, **values}).insert(
		ignore_permissions=True
	)


def ensure_health_platform() -> str:
	"""The health commission's platform, built under an earlier plan and now in operation."""
	existing = frappe.db.get_value("IT Project", {"project_name": HEALTH_PLATFORM})
	if existing:
		return existing
	project = frappe.get_doc(
		{
			"doctype": "IT Project",
			"project_name": HEALTH_PLATFORM,
			"unit": "泰兴市卫生健康委员会",
			"project_category": "数据资源",
			"approved_amount": 380,
			"contract_amount": 356.8,
		}
	).insert(ignore_permissions=True)
	# Recorded by the Office as running since an earlier plan (its evaluation comes with Art 23's issue).
	set_project_stage([project.name], ProjectStage.OPERATING)
	project.reload()
	project.latest_grade = "良好"
	project.save(ignore_permissions=True)
	return project.name


def make(demo: DemoDeclaration, platform: str) -> None:
	frappe.set_user(email(demo.declarant))
	unit = frappe.get_all(
		"User Permission",
		filters={"user": email(demo.declarant), "allow": "Gov Unit"},
		pluck="for_value",
		limit=1,
	)[0]
	values = {**COMMON, **demo.values, "unit": unit}
	if values["project_nature"] in ("续建", "运维"):
		values["it_project"] = platform
	doc = frappe.get_doc({"doctype": "Project Declaration", **values}).insert()
	attach_materials(doc)
	for login, action in demo.steps:
		take_step(doc.name, login, action, demo)


def attach_materials(doc) -> None:
	"""The required documents (one of each group of alternatives), as small placeholder PDFs; a
	classified declaration holds none (Art 25)."""
	if doc.secrecy_level != "非涉密":
		return
	groups_done = set()
	for row in doc.materials:
		if not row.is_required or row.alternative_group in groups_done:
			continue
		groups_done.add(row.alternative_group or row.material_type)
		file = frappe.get_doc(
			{
				"doctype": "File",
				"file_name": f"{row.material_type}.pdf",
				"attached_to_doctype": doc.doctype,
				"attached_to_name": doc.name,
				"is_private": 1,
				"content": placeholder_pdf(f"{doc.name} {row.material_type}"),
			}
		).insert()
		row.attachment = file.file_url
	doc.save()


def take_step(name: str, login: str, action: str, demo: DemoDeclaration) -> None:
	frappe.set_user(email(login))
	doc = frappe.get_doc("Project Declaration", name)
	if action == "审核同意":
		doc.competent_opinion = "经审核，项目符合教育信息化规划，同意申报。"
		doc.save()
	if demo.review and action in ("评审通过", "评审不通过"):
		doc.record_panel_result(PanelResult(**demo.review))  # the panel's conclusion (Art 10)
	apply_workflow(doc.doctype, doc.name, action, demo.reason)


def placeholder_pdf(label: str) -> bytes:
	"""A one-page blank PDF, made unique by `label` (Frappe refuses the same file twice on a record)."""
	objects = [
		b"<< /Type /Catalog /Pages 2 0 R >>",
		b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
		b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>",
	]
	out = b"%PDF-1.4\n% " + label.encode("utf-8") + b"\n"
	offsets = []
	for number, body in enumerate(objects, start=1):
		offsets.append(len(out))
		out += f"{number} 0 obj\n".encode() + body + b"\nendobj\n"
	xref = len(out)
	out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
	out += b"".join(f"{offset:010d} 00000 n \n".encode() for offset in offsets)
	out += f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
	return out
