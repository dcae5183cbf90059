"""The roles of DESIGN §1 and the department each reviewing role stands for.

Pure data (no `import frappe`): permission policy, fixtures checks and demo data read it.
"""

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

# Role -> 中文名 (also in locale/zh.po so the desk shows it).
ROLE_TITLES: dict[str, str] = {
	UNIT_USER: "项目建设单位",
	COMPETENT_DEPT: "主管部门",
	OFFICE: "市政府办公室",
	EXPERT: "评审专家",
	LEADING_GROUP: "数智赋能行动工作领导小组",
	NDRC: "市发展改革委",
	FINANCE: "市财政局",
	SECRECY: "市保密局",
	PUBLIC_SECURITY: "市公安局",
	CYBERSPACE: "市委网信办",
	INDUSTRY_IT: "市工业和信息化局",
	AUDIT: "市审计局",
	ADMIN_APPROVAL: "市行政审批局",
}

ALL_ROLES: tuple[str, ...] = tuple(ROLE_TITLES)

# A Gov Unit's `department_function` names the department a reviewing role acts for (Art 4);
# the functions are the departments' names, i.e. these roles' titles.
DEPARTMENT_FUNCTION_BY_ROLE: dict[str, str] = {
	role: ROLE_TITLES[role]
	for role in (
		OFFICE,
		NDRC,
		FINANCE,
		SECRECY,
		PUBLIC_SECURITY,
		CYBERSPACE,
		INDUSTRY_IT,
		AUDIT,
		ADMIN_APPROVAL,
	)
}

DEPARTMENT_FUNCTIONS: tuple[str, ...] = tuple(DEPARTMENT_FUNCTION_BY_ROLE.values())
