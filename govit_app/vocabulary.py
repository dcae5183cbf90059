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
	"""Result of an expert panel (Art 10), the video technical review (Art 18) and a completion
	acceptance (Art 19)."""

	PASSED = "通过"
	FAILED = "不通过"


class SupplementStatus(StrEnum):
	CONSULTING = "会商中"
	AGREED = "各方同意"
	REFUSED = "未获同意"
	IN_PLAN = "已纳入计划"


class FilingState(StrEnum):
	"""Workflows 合同备案, 试运行报告备案 and 验收备案 (Art 16, 19): the unit hands in, the receiving
	departments file it (备案) or return it with a reason."""

	DRAFT = "草稿"
	PENDING = "待备案"
	FILED = "已备案"


class FilingAction(StrEnum):
	SUBMIT = "提交备案"
	FILE = "备案"
	RETURN = "退回修改"


class ExtensionState(StrEnum):
	"""Workflow 延期验收申请 (Art 19 ¶3): the unit asks, the Office approves or refuses with a reason."""

	DRAFT = "草稿"
	PENDING = "待审批"
	APPROVED = "已批准"
	REFUSED = "未批准"


class ExtensionAction(StrEnum):
	SUBMIT = "提交申请"
	APPROVE = "批准"
	REFUSE = "不予批准"


class ExtensionDecision(StrEnum):
	"""The Office's decision on an extension (the action it took)."""

	APPROVED = "批准"
	REFUSED = "不予批准"


class ProcurementMethod(StrEnum):
	"""The procurement methods of the Government Procurement Law (Art 15), and 其他 with a note."""

	OPEN_TENDER = "公开招标"
	INVITED_TENDER = "邀请招标"
	COMPETITIVE_NEGOTIATION = "竞争性谈判"
	COMPETITIVE_CONSULTATION = "竞争性磋商"
	SINGLE_SOURCE = "单一来源"
	REQUEST_FOR_QUOTATION = "询价"
	FRAMEWORK_AGREEMENT = "框架协议采购"
	OTHER = "其他"


class DeadlineNotice(StrEnum):
	"""What the daily deadline job sent (Art 16, 19): once before the due date, once after it."""

	REMINDER = "到期提醒"
	OVERDUE = "逾期提醒"


class DeadlineStatus(StrEnum):
	"""Where an open due date stands in the report 时限预警."""

	OVERDUE = "已逾期"
	DUE_SOON = "即将到期"
	ON_TIME = "未到期"


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


class EvaluationMethod(StrEnum):
	"""Who the Office evaluates a project with (Art 23)."""

	EXPERTS = "专家评价"
	THIRD_PARTY = "第三方机构评价"


class OMEvaluationPeriod(StrEnum):
	"""How often units evaluate their own O&M (Art 20: 定期开展自评)."""

	YEARLY = "每年"
	HALF_YEARLY = "每半年"
	QUARTERLY = "每季度"


class OMResult(StrEnum):
	"""A unit's own conclusion on a period of O&M (Art 20)."""

	GOOD = "运行良好"
	NORMAL = "基本正常"
	PROBLEMS = "存在问题"


class OMEvaluationState(StrEnum):
	"""Workflow 运维自评流程 (Art 20): the unit hands in, the Office receives."""

	DRAFT = "草稿"
	SUBMITTED = "待接收"
	RECEIVED = "已接收"


class OMEvaluationAction(StrEnum):
	SUBMIT = "提交自评"
	RECEIVE = "接收"
	RETURN = "退回修改"


class IssueType(StrEnum):
	"""The fields of supervision of Art 21."""

	INFORMATION_SHARING = "信息共享"
	PROCUREMENT = "招标采购"
	FUNDS = "资金使用"
	CRYPTOGRAPHY = "密码应用"
	NETWORK_SECURITY = "网络安全"
	OTHER = "其他"


class RectificationState(StrEnum):
	"""Workflow 整改通知流程 (Art 21), kept in the notice's `status`."""

	OPEN = "待整改"
	ANSWERED = "待复查"
	RECTIFIED = "已整改"
	STILL_FAILING = "仍不符合"
	OVERDUE = "逾期未整改"


class RectificationAction(StrEnum):
	ANSWER = "提交整改报告"
	PASS = "复查合格"
	FAIL = "复查不合格"


class Sanction(StrEnum):
	"""Art 21's sanctions, from the lightest to the heaviest."""

	CRITICISM = "通报批评"
	DEFER_INVESTMENT = "暂缓安排投资计划"
	SUSPEND = "暂停项目建设"
	TERMINATE = "终止项目"


class ShareType(StrEnum):
	"""How a government information resource is shared (Art 6)."""

	UNCONDITIONAL = "无条件共享"
	CONDITIONAL = "有条件共享"
	NOT_SHARED = "不予共享"


class UpdateFrequency(StrEnum):
	REAL_TIME = "实时"
	DAILY = "每日"
	WEEKLY = "每周"
	MONTHLY = "每月"
	QUARTERLY = "每季度"
	YEARLY = "每年"
	IRREGULAR = "不定期"


class ResourceFormat(StrEnum):
	DATABASE = "数据库"
	API = "接口服务"
	FILE = "文件"
	SPREADSHEET = "电子表格"
	OTHER = "其他"


class ResourceRequestStatus(StrEnum):
	"""A unit's request for another unit's resource (Art 6)."""

	PENDING = "待答复"
	AGREED = "同意"
	REFUSED = "不同意"


# Which vocabulary each workflow's states and actions come from (document type -> enums).
WORKFLOW_STATES: dict[str, type[StrEnum]] = {
	"Project Declaration": DeclarationState,
	"Annual Plan": PlanState,
	"Contract Filing": FilingState,
	"Trial Operation Filing": FilingState,
	"Acceptance Filing": FilingState,
	"Acceptance Extension": ExtensionState,
	"OM Self Evaluation": OMEvaluationState,
	"Rectification Notice": RectificationState,
}
WORKFLOW_ACTIONS: dict[str, type[StrEnum]] = {
	"Project Declaration": DeclarationAction,
	"Annual Plan": PlanAction,
	"Contract Filing": FilingAction,
	"Trial Operation Filing": FilingAction,
	"Acceptance Filing": FilingAction,
	"Acceptance Extension": ExtensionAction,
	"OM Self Evaluation": OMEvaluationAction,
	"Rectification Notice": RectificationAction,
}

# Every Select field of the app's DocTypes and the vocabulary of its options (in order; a
# leading blank option means "not answered yet").
SELECT_OPTIONS: dict[tuple[str, str], type[StrEnum]] = {
	("Acceptance Extension", "decision"): ExtensionDecision,
	("Acceptance Extension", "secrecy_level"): SecrecyLevel,
	("Acceptance Filing", "secrecy_level"): SecrecyLevel,
	("Acceptance Filing Receipt", "decision"): Decision,
	("Annual Plan Item", "priority"): Priority,
	("Completion Acceptance", "result"): ReviewResult,
	("Completion Acceptance", "secrecy_level"): SecrecyLevel,
	("Contract Filing", "procurement_method"): ProcurementMethod,
	("Contract Filing", "secrecy_level"): SecrecyLevel,
	("GovIT Deadline Notice", "notice"): DeadlineNotice,
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
	("Trial Operation Filing", "secrecy_level"): SecrecyLevel,
	("Video Technical Review", "result"): ReviewResult,
	("GovIT Blocking Grade", "grade"): Grade,
	("GovIT Settings", "om_evaluation_period"): OMEvaluationPeriod,
	("GovIT Supervision Field", "issue_type"): IssueType,
	("GovIT Supervision Field", "department_function"): DepartmentFunction,
	("Information Resource", "share_type"): ShareType,
	("Information Resource", "update_frequency"): UpdateFrequency,
	("Information Resource", "resource_format"): ResourceFormat,
	("Information Resource Request", "status"): ResourceRequestStatus,
	("OM Self Evaluation", "result"): OMResult,
	("Performance Evaluation", "evaluation_method"): EvaluationMethod,
	("Performance Evaluation", "grade"): Grade,
	("Rectification Notice", "issue_type"): IssueType,
	("Rectification Notice", "status"): RectificationState,
	("Rectification Notice", "sanction"): Sanction,
	("Rectification Sanction", "sanction"): Sanction,
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
	FilingState,
	FilingAction,
	ExtensionState,
	ExtensionAction,
	ExtensionDecision,
	ProcurementMethod,
	DeadlineNotice,
	DeadlineStatus,
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
	EvaluationMethod,
	OMEvaluationPeriod,
	OMResult,
	OMEvaluationState,
	OMEvaluationAction,
	IssueType,
	RectificationState,
	RectificationAction,
	Sanction,
	ShareType,
	UpdateFrequency,
	ResourceFormat,
	ResourceRequestStatus,
)


def all_values() -> set[str]:
	return {member.value for vocabulary in VOCABULARIES for member in vocabulary}


def as_boot() -> dict[str, dict[str, str]]:
	"""{"DeclarationState": {"DRAFT": "草稿", …}, …} for `frappe.boot.govit.vocabulary`."""
	return {
		vocabulary.__name__: {member.name: member.value for member in vocabulary}
		for vocabulary in VOCABULARIES
	}
