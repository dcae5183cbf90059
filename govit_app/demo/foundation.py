"""The city: the departments of Art 4, ordinary units (one below a competent department), one user per role."""

import frappe

from govit_app import roles as R
from govit_app.permissions.membership import ensure_member, ensure_unit
from govit_app.setup import complete_setup_wizard
from govit_app.utils.landing import land_in_workspace

DEMO_PASSWORD = "Govit@2026"
DOMAIN = "govit.demo"

# (unit, type, competent department, department function)
UNITS: tuple[tuple[str, str, str | None, str | None], ...] = (
	("泰兴市人民政府办公室", "市级部门", None, "市政府办公室"),
	("泰兴市发展和改革委员会", "市级部门", None, "市发展改革委"),
	("泰兴市财政局", "市级部门", None, "市财政局"),
	("泰兴市国家保密局", "市级部门", None, "市保密局"),
	("泰兴市公安局", "市级部门", None, "市公安局"),
	("中共泰兴市委网络安全和信息化委员会办公室", "市级部门", None, "市委网信办"),
	("泰兴市工业和信息化局", "市级部门", None, "市工业和信息化局"),
	("泰兴市审计局", "市级部门", None, "市审计局"),
	("泰兴市行政审批局", "市级部门", None, "市行政审批局"),
	("泰兴市教育局", "市级部门", None, None),
	("泰兴市第一高级中学", "其他", "泰兴市教育局", None),
	("泰兴市实验小学", "其他", "泰兴市教育局", None),
	("泰兴市卫生健康委员会", "市级部门", None, None),
	("泰兴市住房和城乡建设局", "市级部门", None, None),
	("泰兴市黄桥镇人民政府", "乡镇街道", None, None),
	("泰兴经济开发区管理委员会", "园区", None, None),
	("泰兴市城市建设投资集团有限公司", "市属国有企业", None, None),
)

# (login, full name, roles, unit the user acts for through a User Permission)
USERS: tuple[tuple[str, str, tuple[str, ...], str | None], ...] = (
	("school", "王建国（市一中信息中心）", (R.UNIT_USER,), "泰兴市第一高级中学"),
	("health", "李敏（市卫健委信息科）", (R.UNIT_USER,), "泰兴市卫生健康委员会"),
	("housing", "赵磊（市住建局）", (R.UNIT_USER,), "泰兴市住房和城乡建设局"),
	("edu", "陈红（市教育局）", (R.COMPETENT_DEPT,), "泰兴市教育局"),
	("office", "周洁（市政府办公室）", (R.OFFICE,), None),
	# A second Office user forwards what the first drew up: nobody approves their own document.
	("office2", "孙悦（市政府办公室）", (R.OFFICE,), None),
	("expert1", "孙立（评审专家）", (R.EXPERT,), None),
	("expert2", "吴倩（评审专家）", (R.EXPERT,), None),
	("expert3", "郑阳（评审专家）", (R.EXPERT,), None),
	("leader", "冯志远（领导小组）", (R.LEADING_GROUP,), None),
	("ndrc", "褚亮（市发展改革委）", (R.NDRC,), None),
	("finance", "卫芳（市财政局）", (R.FINANCE,), None),
	("secrecy", "蒋涛（市保密局）", (R.SECRECY,), None),
	("police", "沈毅（市公安局）", (R.PUBLIC_SECURITY,), None),
	("cac", "韩雪（市委网信办）", (R.CYBERSPACE,), None),
	("miit", "杨帆（市工信局）", (R.INDUSTRY_IT,), None),
	("audit", "朱静（市审计局）", (R.AUDIT,), None),
	("approval", "秦川（市行政审批局）", (R.ADMIN_APPROVAL,), None),
)


def email(login: str) -> str:
	return f"{login}@{DOMAIN}"


def demo_users() -> list[tuple[str, str, str | None]]:
	return [
		(email(login), " / ".join(R.ROLE_TITLES[r] for r in roles), unit) for login, _n, roles, unit in USERS
	]


def load() -> None:
	complete_setup()
	for unit, unit_type, competent, function in UNITS:
		ensure_demo_unit(unit, unit_type, competent, function)
	for login, full_name, roles, unit in USERS:
		ensure_member(email(login), full_name, roles, (unit,) if unit else (), DEMO_PASSWORD)


def complete_setup() -> None:
	"""Frappe's setup wizard, completed as the city fills it in: the demo site opens straight on
	the desk, in Chinese, on the workspace 政务信息化项目管理."""
	complete_setup_wizard()
	frappe.db.set_single_value("System Settings", "date_format", "yyyy-mm-dd")
	land_in_workspace("Administrator")


def ensure_demo_unit(name: str, unit_type: str, competent: str | None, function: str | None) -> None:
	if function and frappe.db.exists("Gov Unit", {"department_function": function}):
		function = None  # the site already has its unit acting for this department
	ensure_unit(name, unit_type, competent, function)
