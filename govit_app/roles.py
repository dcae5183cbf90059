"""The roles of DESIGN §1 and the department each reviewing role stands for.

Pure data (no `import frappe`): permission policy, fixtures checks and demo data read it.
"""

from govit_app.vocabulary import DepartmentFunction as D

UNIT_USER = "GovIT Unit User"
COMPETENT_DEPT = "GovIT Competent Dept"
OFFICE = "GovIT Office"
EXPERT = "GovIT Expert"
LEADING_GROUP = "GovIT Leading Group"
NDRC = "GovIT NDRC"
FINANCE = "GovIT Finance"
SECRECY = "GovIT Secrecy"
PUBLIC_SECURITY = "GovIT Public Security"
CYBERSPACE = "GovIT Cyberspace"
INDUSTRY_IT = "GovIT Industry IT"
AUDIT = "GovIT Audit"
ADMIN_APPROVAL = "GovIT Admin Approval"

# {"OFFICE": "GovIT Office", …}: the constants above, for the desk (`frappe.boot.govit.roles`).
BY_NAME: dict[str, str] = {name: value for name, value in dict(globals()).items() if name.isupper()}

# Role -> 中文名 (also in locale/zh.po so the desk shows it).
# A Gov Unit's `department_function` names the department a reviewing role acts for (Art 4).
DEPARTMENT_FUNCTION_BY_ROLE: dict[str, D] = {
	OFFICE: D.OFFICE,
	NDRC: D.NDRC,
	FINANCE: D.FINANCE,
	SECRECY: D.SECRECY,
	PUBLIC_SECURITY: D.PUBLIC_SECURITY,
	CYBERSPACE: D.CYBERSPACE,
	INDUSTRY_IT: D.INDUSTRY_IT,
	AUDIT: D.AUDIT,
	ADMIN_APPROVAL: D.ADMIN_APPROVAL,
}

# Role -> 中文名 (also in locale/zh.po so the desk shows it): a department role is titled by its department.
ROLE_TITLES: dict[str, str] = {
	UNIT_USER: "项目建设单位",
	COMPETENT_DEPT: "主管部门",
	EXPERT: "评审专家",
	LEADING_GROUP: "数智赋能行动工作领导小组",
	**{role: str(function) for role, function in DEPARTMENT_FUNCTION_BY_ROLE.items()},
}

ALL_ROLES: tuple[str, ...] = tuple(ROLE_TITLES)
