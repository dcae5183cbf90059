"""Every state, stage, decision and option name of the app, once (pure, no `import frappe`).

The values are stored in Chinese exactly as DESIGN writes them; the members give them names
that code can read. `rules/`, controllers, permissions and notifications import them; the
desk's JS reads them from `frappe.boot.govit` (`as_boot`). `tests/test_vocabulary.py` checks
them both ways against the workflow fixtures and every DocType Select, so a rename in one
place fails a test instead of breaking at run time.
"""

import sys
from enum import Enum

if sys.version_info >= (3, 11):
	from enum import StrEnum
else:  # Python 3.10 (Frappe v15's minimum)

	class StrEnum(str, Enum):
		__str__ = str.__str__
		__format__ = str.__format__
		__hash__ = str.__hash__


class DeclarationState(StrEnum):
	"""Workflow 项目申报流程 (Art 8-11)."""

	DRAFT = "草稿"
	COMPETENT_REVIEW = "待主管部门审核"
	INTAKE = "待受理"
	UNDER_REVIEW = "评审中"
	PASSED = "评审通过"
	FAILED = "评审不通过"
	IN_PLAN = "已纳入计划"
	# Final states: nothing handed in is deleted; it ends in one of these (Art 8, 25).
	WITHDRAWN = "已撤回"
	TERMINATED = "已终止"
	CLASSIFIED_CLOSED = "涉密办结"


class DeclarationAction(StrEnum):
	SUBMIT = "提交申报"
	COMPETENT_APPROVE = "审核同意"
	RETURN = "退回修改"
	ACCEPT = "受理"
	PASS = "评审通过"
	FAIL = "评审不通过"
	WITHDRAW = "撤回"
	TERMINATE = "终止"
	CLOSE_CLASSIFIED = "涉密办结"


class PlanState(StrEnum):
	"""Workflow 年度计划流程 (Art 4, 10, 11)."""

	DRAFTING = "编制中"
	COUNTERSIGNING = "会签中"
	DELIBERATION = "待领导小组审议"
	PUBLISHED = "已发布"


class PlanAction(StrEnum):
	SUBMIT_FOR_COUNTERSIGN = "提交会签"
	SUBMIT_FOR_DELIBERATION = "提交审议"
	PUBLISH = "审议通过并发布"
	RETURN = "退回修改"


class ProjectStage(StrEnum):
	"""IT Project.stage: moved only by the documents of the project's life."""

	DECLARING = "申报中"
	REVIEWED = "已评审"
	IN_PLAN = "已纳入计划"
	APPROVED = "已立项"
	BUILDING = "建设中"
	TRIAL = "试运行"
	ACCEPTED = "已验收"
	ACCEPTANCE_FAILED = "验收不合格"
	OPERATING = "运维中"
	SUSPENDED = "已暂停"
	TERMINATED = "已终止"


class Decision(StrEnum):
	"""A department's decision in countersigning (会签, Art 4) and consultation (会商, Art 13)."""

	PENDING = "待会签"
	AGREE = "同意"
	DISAGREE = "不同意"


class ExpertConclusion(StrEnum):
	AGREE = "同意"
	AGREE_AFTER_CHANGES = "修改后同意"
	DISAGREE = "不同意"


class ReviewResult(StrEnum):
	"""Result of an expert panel (Art 10) and of the video technical review (Art 18)."""

	PASSED = "通过"
	FAILED = "不通过"


class SupplementStatus(StrEnum):
	CONSULTING = "会商中"
	AGREED = "各方同意"
	REFUSED = "未获同意"
	IN_PLAN = "已纳入计划"


class SecrecyLevel(StrEnum):
	UNCLASSIFIED = "非涉密"
	CONFIDENTIAL = "秘密"
	SECRET = "机密"
	TOP_SECRET = "绝密"


class ProjectNature(StrEnum):
	"""Art 2's five natures, and 其他 (held to the strictest rules until classified)."""

	NEW = "新建"
	CONTINUED = "续建"
	RENOVATION = "改建"
	OPERATION = "运维"
	SERVICE_PURCHASE = "购买服务"
	OTHER = "其他"


class Art2Nature(StrEnum):
	"""The five natures of Art 2, into which the Office classifies a 其他 declaration at 受理."""

	NEW = ProjectNature.NEW.value
	CONTINUED = ProjectNature.CONTINUED.value
	RENOVATION = ProjectNature.RENOVATION.value
	OPERATION = ProjectNature.OPERATION.value
	SERVICE_PURCHASE = ProjectNature.SERVICE_PURCHASE.value


class ApprovalBasis(StrEnum):
	"""Which amount decided whether a project needs the NDRC's approval (Art 12)."""

	ESTIMATE = "项目估算"
	PLAN = "计划金额"


class ProjectCategory(StrEnum):
	BUSINESS_APPLICATION = "业务应用"
	DATA_RESOURCE = "数据资源"
	PUBLIC_SECURITY_VIDEO = "公共安全视频图像"
	INFRASTRUCTURE = "基础设施"
	OTHER = "其他"


class FundingSource(StrEnum):
	FISCAL = "财政拨款"
	SELF_RAISED = "自筹经费"
	HIGHER_LEVEL = "上级补助"
	OTHER = "其他"


class Severity(StrEnum):
	BLOCKING = "阻断"
	ADVISORY = "提示"


class Priority(StrEnum):
	HIGH = "高"
	MEDIUM = "中"
	LOW = "低"


class Grade(StrEnum):
	"""Performance evaluation grades (Art 23)."""

	EXCELLENT = "优秀"
	GOOD = "良好"
	PASS = "合格"
	FAIL = "不合格"


class MlpsLevel(StrEnum):
	"""网络安全等级保护 levels (Art 7)."""

	LEVEL_1 = "第一级"
	LEVEL_2 = "第二级"
	LEVEL_3 = "第三级"
	LEVEL_4 = "第四级"
	LEVEL_5 = "第五级"


class YesNo(StrEnum):
	YES = "是"
	NO = "否"


class UnitType(StrEnum):
	CITY_DEPARTMENT = "市级部门"
	TOWNSHIP = "乡镇街道"
	PARK = "园区"
	STATE_ENTERPRISE = "市属国有企业"
	OTHER = "其他"


class DepartmentFunction(StrEnum):
	"""The departments of Art 4 a Gov Unit may act as (the titles of their roles)."""

	OFFICE = "市政府办公室"
	NDRC = "市发展改革委"
	FINANCE = "市财政局"
	SECRECY = "市保密局"
	PUBLIC_SECURITY = "市公安局"
	CYBERSPACE = "市委网信办"
	INDUSTRY_IT = "市工业和信息化局"
	AUDIT = "市审计局"
	ADMIN_APPROVAL = "市行政审批局"


# Which vocabulary each workflow's states and actions come from (document type -> enums).
WORKFLOW_STATES: dict[str, type[StrEnum]] = {
	"Project Declaration": DeclarationState,
	"Annual Plan": PlanState,
}
WORKFLOW_ACTIONS: dict[str, type[StrEnum]] = {
	"Project Declaration": DeclarationAction,
	"Annual Plan": PlanAction,
}

# Every Select field of the app's DocTypes and the vocabulary of its options (in order; a
# leading blank option means "not answered yet").
SELECT_OPTIONS: dict[tuple[str, str], type[StrEnum]] = {
	("Annual Plan Item", "priority"): Priority,
	("Compliance Finding", "severity"): Severity,
	("Declaration Funding", "source"): FundingSource,
	("Expert Review", "conclusion"): ExpertConclusion,
	("GovIT Settings", "crypto_plan_required_from"): MlpsLevel,
	("Gov Unit", "unit_type"): UnitType,
	("Gov Unit", "department_function"): DepartmentFunction,
	("GovIT Department Function", "department_function"): DepartmentFunction,
	("GovIT Material Requirement", "project_nature"): ProjectNature,
	("GovIT Nature Rule", "project_nature"): ProjectNature,
	("IT Project", "secrecy_level"): SecrecyLevel,
	("IT Project", "project_category"): ProjectCategory,
	("IT Project", "stage"): ProjectStage,
	("IT Project", "latest_grade"): Grade,
	("Plan Countersign", "decision"): Decision,
	("Project Declaration", "secrecy_level"): SecrecyLevel,
	("Project Declaration", "project_nature"): ProjectNature,
	("Project Declaration", "classified_nature"): Art2Nature,
	("Project Declaration", "approval_basis"): ApprovalBasis,
	("Project Declaration", "project_category"): ProjectCategory,
	("Project Declaration", "mlps_level"): MlpsLevel,
	("Project Declaration", "has_crypto_plan"): YesNo,
	("Project Declaration", "review_result"): ReviewResult,
	("Supplementary Consultation", "decision"): Decision,
	("Supplementary Request", "status"): SupplementStatus,
	("Video Technical Review", "result"): ReviewResult,
}

VOCABULARIES: tuple[type[StrEnum], ...] = (
	DeclarationState,
	DeclarationAction,
	PlanState,
	PlanAction,
	ProjectStage,
	Decision,
	ExpertConclusion,
	ReviewResult,
	SupplementStatus,
	SecrecyLevel,
	ProjectNature,
	Art2Nature,
	ApprovalBasis,
	ProjectCategory,
	FundingSource,
	Severity,
	Priority,
	Grade,
	MlpsLevel,
	YesNo,
	UnitType,
	DepartmentFunction,
)


def all_values() -> set[str]:
	return {member.value for vocabulary in VOCABULARIES for member in vocabulary}


def as_boot() -> dict[str, dict[str, str]]:
	"""{"DeclarationState": {"DRAFT": "草稿", …}, …} for `frappe.boot.govit.vocabulary`."""
	return {
		vocabulary.__name__: {member.name: member.value for member in vocabulary}
		for vocabulary in VOCABULARIES
	}
