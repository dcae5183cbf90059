"""The numbers the regulation fixes, as one typed value, and their sanity checks.

GovIT Settings stores them so that an administrator (or another city) changes them
without code; everything else reads them through `GovITSettings`.
"""

import re
from dataclasses import dataclass, field
from datetime import date

from govit_app.rules.findings import Finding
from govit_app.rules.text import _
from govit_app.vocabulary import DepartmentFunction as D
from govit_app.vocabulary import Grade, IssueType, MlpsLevel, OMEvaluationPeriod, Severity
from govit_app.vocabulary import ProjectNature as N

DEFAULT_CENTRALIZED_CATEGORIES = ("云计算", "云存储", "基础应用", "协同办公", "安全防护")

# Art 4: the departments that take part in drawing up the annual plan (they countersign it).
DEFAULT_PLAN_COUNTERSIGN_DEPARTMENTS = (D.SECRECY, D.PUBLIC_SECURITY, D.NDRC, D.INDUSTRY_IT, D.FINANCE)
# Art 13 ¶2: the departments that agree to an in-year supplementary project.
DEFAULT_SUPPLEMENTARY_CONSULT_DEPARTMENTS = (D.OFFICE, D.SECRECY, D.NDRC, D.INDUSTRY_IT, D.FINANCE)
# Art 19 ¶2: the departments an accepted project is filed with, each giving its own receipt.
DEFAULT_ACCEPTANCE_FILING_DEPARTMENTS = (D.OFFICE, D.CYBERSPACE, D.FINANCE)
# Art 19 ¶2: the documents of an acceptance filing, each required.
DEFAULT_ACCEPTANCE_FILING_DOCUMENTS = (
	"项目批复",
	"采购文件",
	"项目合同",
	"竣工验收报告",
	"项目建设总结",
	"政务信息资源目录及共享情况",
	"资金使用情况说明",
	"安全风险评估报告",
	"测试报告",
)


# Art 24 (一) bars a renewal when the grade is "合格以下": in Chinese legal drafting 以下 includes
# the grade it names (Art 12 had to say "不包含" where it meant otherwise), so 合格 bars too.
DEFAULT_RENEWAL_BLOCKING_GRADES = (Grade.PASS, Grade.FAIL)

# Art 23: the six aspects of a performance evaluation and their weights (in %, adding up to 100).
DEFAULT_EVALUATION_WEIGHTS = (
	("operation", 20.0),
	("integration", 15.0),
	("cost_benefit", 15.0),
	("effectiveness", 20.0),
	("information_security", 20.0),
	("innovation", 10.0),
)


@dataclass(frozen=True)
class SupervisionField:
	"""Art 21 (按照职责分工): a department that supervises one field and issues its notices."""

	issue_type: str
	department_function: str


DEFAULT_SUPERVISION_FIELDS = (
	SupervisionField(IssueType.INFORMATION_SHARING, D.OFFICE),
	SupervisionField(IssueType.PROCUREMENT, D.FINANCE),
	SupervisionField(IssueType.FUNDS, D.FINANCE),
	SupervisionField(IssueType.CRYPTOGRAPHY, D.SECRECY),
	SupervisionField(IssueType.NETWORK_SECURITY, D.CYBERSPACE),
	SupervisionField(IssueType.NETWORK_SECURITY, D.PUBLIC_SECURITY),
	SupervisionField(IssueType.OTHER, D.OFFICE),
)


@dataclass(frozen=True)
class NatureRule:
	"""What a project nature (项目性质) entails."""

	project_nature: str
	needs_approval: bool = False  # Art 12: NDRC approval from the threshold up
	is_renewal: bool = False  # Art 24: continues an existing IT Project, barred by a bad evaluation
	needs_security_plan: bool = False  # Art 7: MLPS level and cryptography plan declared


@dataclass(frozen=True)
class MaterialRequirement:
	"""A document a declaration of `project_nature` hands in (Art 9); empty nature = every nature.

	Required rows sharing an `alternative_group` are alternatives: one of them suffices.
	"""

	material_type: str
	project_nature: str = ""
	is_required: bool = False
	alternative_group: str = ""


DEFAULT_NATURE_RULES = (
	NatureRule(N.NEW, needs_approval=True, needs_security_plan=True),
	NatureRule(N.CONTINUED, needs_approval=True, is_renewal=True, needs_security_plan=True),
	NatureRule(N.RENOVATION, needs_approval=True, is_renewal=True, needs_security_plan=True),
	NatureRule(N.OPERATION, is_renewal=True),
	NatureRule(N.SERVICE_PURCHASE, is_renewal=True),
	NatureRule(N.OTHER),
)

# Art 9 (二): the construction plan and its parts for 新建/续建/改建; the previous contract or a
# service requirements report for 运维/购买服务. Art 9 (三): related documents, optional.
_BUILD_MATERIALS = (
	"建设方案",
	"项目概算表",
	"可行性研究报告",
	"政务信息资源目录及共享方式",
	"政务信息资源需求",
	"统一用户认证体系接入方案",
	"网络安全建设方案",
)
_SERVICE_GROUP = "上一期合同或服务需求报告"
DEFAULT_MATERIAL_REQUIREMENTS = (
	*(
		MaterialRequirement(material, nature, is_required=True)
		for nature in (N.NEW, N.CONTINUED, N.RENOVATION)
		for material in _BUILD_MATERIALS
	),
	*(
		MaterialRequirement(material, nature, is_required=True, alternative_group=_SERVICE_GROUP)
		for nature in (N.OPERATION, N.SERVICE_PURCHASE)
		for material in ("上一期合同", "服务需求报告")
	),
	*(MaterialRequirement(material) for material in ("规划", "批示", "批复", "会议纪要")),
)

DEFAULT_ATTACHMENT_EXTENSIONS = (
	"pdf",
	"ofd",
	"doc",
	"docx",
	"wps",
	"xls",
	"xlsx",
	"et",
	"jpg",
	"jpeg",
	"png",
)

# Active content: a browser runs it when the site serves it (stored XSS), whatever record it
# is attached to; no upload of these types is accepted anywhere on the site.
DEFAULT_REFUSED_UPLOAD_EXTENSIONS = (
	"html",
	"htm",
	"xhtml",
	"shtml",
	"svg",
	"svgz",
	"xml",
	"xsl",
	"xslt",
	"js",
	"mjs",
	"swf",
)


@dataclass(frozen=True)
class GovITSettings:
	approval_threshold: float = 50.0  # 万元, Art 12
	filing_deadline_working_days: int = 10  # Art 16, Art 19
	reminder_working_days: int = 3
	declaration_window_start: str = "07-01"  # MM-DD of year Y-1, Art 8
	declaration_window_end: str = "09-30"
	review_pass_score: float = 60.0  # Art 10
	min_experts_per_panel: int = 3  # Art 10: "组织相关领域专家", a panel and not one person
	# Art 7 and the Cryptography Law: from this MLPS level up, no cryptography plan blocks.
	crypto_plan_required_from: str = MlpsLevel.LEVEL_3.value
	# Art 24: a 新建 whose name is this similar (0-1) to a project of its unit is questioned.
	similar_name_ratio: float = 0.8
	grade_excellent_min: float = 90.0  # Art 23
	grade_good_min: float = 80.0
	grade_pass_min: float = 60.0  # below: 不合格, Art 24
	centralized_categories: tuple[str, ...] = field(default=DEFAULT_CENTRALIZED_CATEGORIES)  # Art 14
	nature_rules: tuple[NatureRule, ...] = field(default=DEFAULT_NATURE_RULES)  # Art 7, 12, 24
	material_requirements: tuple[MaterialRequirement, ...] = field(
		default=DEFAULT_MATERIAL_REQUIREMENTS
	)  # Art 9
	attachment_max_mb: float = 20.0
	attachment_extensions: tuple[str, ...] = field(default=DEFAULT_ATTACHMENT_EXTENSIONS)
	refused_upload_extensions: tuple[str, ...] = field(default=DEFAULT_REFUSED_UPLOAD_EXTENSIONS)
	plan_countersign_departments: tuple[str, ...] = field(default=DEFAULT_PLAN_COUNTERSIGN_DEPARTMENTS)
	supplementary_consult_departments: tuple[str, ...] = field(
		default=DEFAULT_SUPPLEMENTARY_CONSULT_DEPARTMENTS
	)
	acceptance_filing_departments: tuple[str, ...] = field(default=DEFAULT_ACCEPTANCE_FILING_DEPARTMENTS)
	acceptance_filing_documents: tuple[str, ...] = field(default=DEFAULT_ACCEPTANCE_FILING_DOCUMENTS)
	# Art 23, 24: performance evaluation
	evaluation_weights: tuple[tuple[str, float], ...] = field(default=DEFAULT_EVALUATION_WEIGHTS)
	renewal_blocking_grades: tuple[str, ...] = field(default=DEFAULT_RENEWAL_BLOCKING_GRADES)
	# Art 21: supervision
	supervision_fields: tuple[SupervisionField, ...] = field(default=DEFAULT_SUPERVISION_FIELDS)
	rectification_working_days: int = 20
	# Art 20: O&M self-evaluation, and when a period's is due after the period ends
	om_evaluation_period: str = OMEvaluationPeriod.YEARLY
	om_evaluation_due_working_days: int = 20

	def nature_rule(self, project_nature: str | None) -> NatureRule:
		for rule in self.nature_rules:
			if rule.project_nature == project_nature:
				return rule
		return NatureRule(project_nature or "")


def parse_month_day(value: str | None, year: int) -> date | None:
	"""'07-01' in `year` -> date; None when the text is not a real MM-DD."""
	try:
		month, day = (int(part) for part in (value or "").strip().split("-"))
		return date(year, month, day)
	except ValueError:
		return None


def parse_extensions(text: str) -> tuple[str, ...]:
	"""'pdf, .DOCX\nxls' -> ('pdf', 'docx', 'xls')."""
	parts = re.split(r"[\s,;，；]+", text or "")
	return tuple(dict.fromkeys(p.lstrip(".").lower() for p in parts if p.strip(".")))


def check_settings(s: GovITSettings) -> list[Finding]:
	findings: list[Finding] = []
	if s.approval_threshold is None or s.approval_threshold <= 0:
		findings.append(
			Finding(
				12, Severity.BLOCKING, _("{label} must be greater than 0 (Art 12)."), "approval_threshold"
			)
		)
	if not s.filing_deadline_working_days or s.filing_deadline_working_days <= 0:
		findings.append(
			Finding(
				16,
				Severity.BLOCKING,
				_("{label} must be a whole number above 0 (Art 16, Art 19)."),
				"filing_deadline_working_days",
			)
		)
	if s.reminder_working_days is not None and s.reminder_working_days < 0:
		findings.append(
			Finding(None, Severity.BLOCKING, _("{label} must not be negative."), "reminder_working_days")
		)

	# A leap year so that 02-29 is accepted as a real day.
	start = parse_month_day(s.declaration_window_start, 2024)
	end = parse_month_day(s.declaration_window_end, 2024)
	for value, fieldname in ((start, "declaration_window_start"), (end, "declaration_window_end")):
		if value is None:
			findings.append(
				Finding(
					8,
					Severity.BLOCKING,
					_("{label} must be a date written as MM-DD, e.g. 07-01 (Art 8)."),
					fieldname,
				)
			)
	if start and end and start > end:
		findings.append(
			Finding(
				8,
				Severity.BLOCKING,
				_("{label} must not be before the day the window opens (Art 8)."),
				"declaration_window_end",
			)
		)

	for fieldname in ("review_pass_score", "grade_pass_min", "grade_good_min", "grade_excellent_min"):
		value = getattr(s, fieldname)
		if value is None or not 0 < value <= 100:
			findings.append(
				Finding(
					None, Severity.BLOCKING, _("{label} must be a score above 0 and at most 100."), fieldname
				)
			)
	if not s.min_experts_per_panel or s.min_experts_per_panel < 1:
		findings.append(
			Finding(
				10,
				Severity.BLOCKING,
				_("{label} must be a whole number of at least 1 (Art 10)."),
				"min_experts_per_panel",
			)
		)
	if s.crypto_plan_required_from not in tuple(MlpsLevel):
		findings.append(
			Finding(
				7,
				Severity.BLOCKING,
				_("{label}: choose one of the MLPS levels (Art 7)."),
				"crypto_plan_required_from",
			)
		)
	if s.similar_name_ratio is None or not 0 < s.similar_name_ratio <= 1:
		findings.append(
			Finding(
				24,
				Severity.BLOCKING,
				_("{label} must be above 0 and at most 1 (Art 24)."),
				"similar_name_ratio",
			)
		)
	if not s.grade_pass_min <= s.grade_good_min <= s.grade_excellent_min:
		findings.append(
			Finding(
				23,
				Severity.BLOCKING,
				_("{label}: the grade thresholds must rise from 合格 to 良好 to 优秀 (Art 23)."),
				"grade_good_min",
			)
		)
	if len(set(s.centralized_categories)) != len(s.centralized_categories):
		findings.append(
			Finding(
				14,
				Severity.BLOCKING,
				_("{label}: each category may be listed once (Art 14)."),
				"centralized_categories",
			)
		)
	findings += _check_declaration_settings(s)
	findings += _check_department_lists(s)
	findings += _check_filing_documents(s)
	findings += _check_evaluation_settings(s)
	findings += _check_supervision_settings(s)
	return findings


def _check_evaluation_settings(s: GovITSettings) -> list[Finding]:
	findings: list[Finding] = []
	for fieldname, weight in s.evaluation_weights:
		if weight is None or weight < 0:
			findings.append(
				Finding(
					23, Severity.BLOCKING, _("{label} must not be negative (Art 23)."), f"weight_{fieldname}"
				)
			)
	total = round(sum(weight or 0 for _f, weight in s.evaluation_weights), 6)
	if total != 100:
		findings.append(
			Finding(
				23,
				Severity.BLOCKING,
				_("{label}: the six weights add up to {0} but must add up to 100 (Art 23)."),
				"weight_operation",
				(f"{total:g}",),
			)
		)
	grades = s.renewal_blocking_grades
	if len(set(grades)) != len(grades) or not set(grades) <= set(Grade):
		findings.append(
			Finding(
				24,
				Severity.BLOCKING,
				_("{label}: list each grade of 优秀, 良好, 合格, 不合格 at most once (Art 24)."),
				"renewal_blocking_grades",
			)
		)
	return findings


def _check_supervision_settings(s: GovITSettings) -> list[Finding]:
	findings: list[Finding] = []
	for fieldname, value, article in (
		("rectification_working_days", s.rectification_working_days, 21),
		("om_evaluation_due_working_days", s.om_evaluation_due_working_days, 20),
	):
		if not value or value <= 0:
			findings.append(
				Finding(
					article,
					Severity.BLOCKING,
					_("{label} must be a whole number above 0 ({0})."),
					fieldname,
					(_("Art 21") if article == 21 else _("Art 20"),),
				)
			)
	pairs = [(row.issue_type, row.department_function) for row in s.supervision_fields]
	if len(set(pairs)) != len(pairs):
		findings.append(
			Finding(
				21,
				Severity.BLOCKING,
				_("{label}: each department may be listed once per field (Art 21)."),
				"supervision_fields",
			)
		)
	unsupervised = [
		issue for issue in IssueType if issue not in {row.issue_type for row in s.supervision_fields}
	]
	if unsupervised:
		findings.append(
			Finding(
				21,
				Severity.BLOCKING,
				_("{label}: name the department that supervises {0} (Art 21)."),
				"supervision_fields",
				("、".join(unsupervised),),
			)
		)
	return findings


def supervising_departments(issue_type: str | None, s: GovITSettings) -> tuple[str, ...]:
	"""The department functions that supervise `issue_type` (Art 21: 按照职责分工)."""
	return tuple(row.department_function for row in s.supervision_fields if row.issue_type == issue_type)


def _check_department_lists(s: GovITSettings) -> list[Finding]:
	findings: list[Finding] = []
	for fieldname, article, article_text in (
		("plan_countersign_departments", 4, _("Art 4")),
		("supplementary_consult_departments", 13, _("Art 13")),
		("acceptance_filing_departments", 19, _("Art 19")),
	):
		departments = getattr(s, fieldname)
		if not departments:
			message = _("{label}: list at least one department ({0}).")
		elif len(set(departments)) != len(departments):
			message = _("{label}: each department may be listed once ({0}).")
		else:
			continue
		findings.append(Finding(article, Severity.BLOCKING, message, fieldname, (article_text,)))
	return findings


def _check_filing_documents(s: GovITSettings) -> list[Finding]:
	documents = [document.strip() for document in s.acceptance_filing_documents]
	if not documents or not all(documents):
		message = _("{label}: every row names a document, and at least one is listed (Art 19).")
	elif len(set(documents)) != len(documents):
		message = _("{label}: each document may be listed once (Art 19).")
	else:
		return []
	return [Finding(19, Severity.BLOCKING, message, "acceptance_filing_documents")]


def _check_declaration_settings(s: GovITSettings) -> list[Finding]:
	findings: list[Finding] = []
	natures = [rule.project_nature for rule in s.nature_rules]
	if len(set(natures)) != len(natures):
		findings.append(
			Finding(
				12,
				Severity.BLOCKING,
				_("{label}: each project nature may be listed once (Art 12)."),
				"nature_rules",
			)
		)
	materials = [(m.project_nature, m.material_type.strip()) for m in s.material_requirements]
	if any(not material for _nature, material in materials):
		findings.append(
			Finding(
				9,
				Severity.BLOCKING,
				_("{label}: every row names a material (Art 9)."),
				"material_requirements",
			)
		)
	if len(set(materials)) != len(materials):
		findings.append(
			Finding(
				9,
				Severity.BLOCKING,
				_("{label}: each material may be listed once per project nature (Art 9)."),
				"material_requirements",
			)
		)
	if s.attachment_max_mb is None or s.attachment_max_mb <= 0:
		findings.append(
			Finding(None, Severity.BLOCKING, _("{label} must be greater than 0."), "attachment_max_mb")
		)
	if not s.attachment_extensions:
		findings.append(
			Finding(
				None,
				Severity.BLOCKING,
				_("{label}: list at least one file type, e.g. pdf."),
				"attachment_extensions",
			)
		)
	active = sorted(set(s.attachment_extensions) & set(s.refused_upload_extensions))
	if active:
		findings.append(
			Finding(
				None,
				Severity.BLOCKING,
				_("{label}: {0} is active content (refused on every upload) and cannot be accepted."),
				"attachment_extensions",
				(", ".join(active),),
			)
		)
	return findings
