"""What waits for whom (待我处理), after the plan step: an expert panel half-way through and an
in-year supplementary project under consultation, so that the experts' and the consulted
departments' queues hold something, as the units', the competent department's and the
Office's already do (declarations in every state).
"""

import frappe
from frappe.model.workflow import apply_workflow

from govit_app.demo.declarations import DemoDeclaration, make
from govit_app.demo.foundation import email
from govit_app.demo.plan import HOUSING_CONTACT, as_user, declaration, request_supplement
from govit_app.rules.review import SCORE_FIELDS

HOSPITAL = "互联网医院服务平台"  # under review: one expert done, two to go
DRAINAGE = "城市排水管网监测预警系统"  # passed, asked for as an in-year project, consultation open

DECLARATIONS = (
	DemoDeclaration(
		"health",
		{
			"project_name": HOSPITAL,
			"project_nature": "新建",
			"project_category": "业务应用",
			"project_leader": "李敏",
			"project_leader_phone": "13861000456",
			"contact_person": "周婷",
			"contact_phone": "0523-87238800",
			"purpose_and_content": "建设全市统一的互联网医院服务平台，提供在线复诊、处方流转和检查预约，接入市统一身份认证。",
			"estimate_amount": 58,
			"funding": [{"source": "财政拨款", "amount": 58}],
			"mlps_level": "第三级",
		},
		steps=(("health", "提交申报"), ("office", "受理")),
	),
	DemoDeclaration(
		"housing",
		{
			"project_name": DRAINAGE,
			"project_nature": "新建",
			"project_category": "业务应用",
			"purpose_and_content": "在主城区排水管网关键节点布设液位和流量监测设备，内涝风险提前预警，数据接入市大数据平台。",
			"estimate_amount": 55,
			"funding": [{"source": "财政拨款", "amount": 55}],
			"mlps_level": "第二级",
			**HOUSING_CONTACT,
		},
		steps=(("housing", "提交申报"), ("office", "受理")),
	),
)
HOSPITAL_PANEL = (
	("expert1", (86, 80, 82, 85, 78), "同意", 55, "便民成效明显，处方流转须符合卫健部门规范。"),
	("expert2", None, None, None, None),
	("expert3", None, None, None, None),
)
DRAINAGE_PANEL = (
	("expert1", (88, 82, 84, 80, 82), "同意", 52, "汛期预警需求迫切，方案可行。"),
	("expert2", (85, 80, 82, 80, 80), "同意", 50, "监测点位可与已建易涝点视频共用杆件。"),
	("expert3", (87, 83, 85, 82, 84), "同意", 52, "同意建设。"),
)
# The consulted departments that have agreed so far (Art 13 ¶2); the others still decide.
CONSULTED_SO_FAR = ("市政府办公室", "市保密局")


def load() -> None:
	try:
		for demo in DECLARATIONS:
			if not frappe.db.exists("Project Declaration", {"project_name": demo.values["project_name"]}):
				make(demo, None)
		expert_panel(HOSPITAL, HOSPITAL_PANEL)
		if expert_panel(DRAINAGE, DRAINAGE_PANEL):
			as_user("office")
			apply_workflow(declaration(DRAINAGE).as_dict(), "评审通过")
		consultation_open(DRAINAGE)
	finally:
		frappe.set_user("Administrator")


def expert_panel(project_name: str, panel) -> bool:
	"""The Office assigns the experts; those with scores submit, the others have yet to (Art 10).
	False when the panel was made before."""
	doc = declaration(project_name)
	if frappe.db.exists("Expert Review", {"project_declaration": doc.name}):
		return False
	as_user("office")
	for login, *_rest in panel:
		frappe.get_doc(
			{"doctype": "Expert Review", "project_declaration": doc.name, "expert": email(login)}
		).insert()
	for login, scores, conclusion, amount, opinion in panel:
		if scores is None:
			continue
		as_user(login)
		sheet = frappe.get_doc("Expert Review", {"project_declaration": doc.name, "expert": email(login)})
		sheet.update(dict(zip(SCORE_FIELDS, scores, strict=True)))
		sheet.update({"conclusion": conclusion, "recommended_amount": amount, "opinion": opinion})
		sheet.submit()
	return True


def consultation_open(project_name: str) -> None:
	"""Art 13 ¶2: the Office asks for the project in the year; some departments have agreed."""
	request_supplement(
		project_name, "主城区今年多处发生短时积水，排水管网监测须在主汛期前投入使用。", CONSULTED_SO_FAR
	)
