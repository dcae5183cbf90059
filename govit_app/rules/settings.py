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
from govit_app.vocabulary import MlpsLevel, Severity
from govit_app.vocabulary import ProjectNature as N

DEFAULT_CENTRALIZED_CATEGORIES = ("云计算", "云存储", "基础应用", "协同办公", "安全防护")

# Art 4: the departments that take part in drawing up the annual plan (they countersign it).
DEFAULT_PLAN_COUNTERSIGN_DEPARTMENTS = (D.SECRECY, D.PUBLIC_SECURITY, D.NDRC, D.INDUSTRY_IT, D.FINANCE)
# Art 13 ¶2: the departments that agree to an in-year supplementary project.
DEFAULT_SUPPLEMENTARY_CONSULT_DEPARTMENTS = (D.OFFICE, D.SECRECY, D.NDRC, D.INDUSTRY_IT, D.FINANCE)


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
	plan_countersign_departments: tuple[str, ...] = field(default=DEFAULT_PLAN_COUNTERSIGN_DEPARTMENTS)
	supplementary_consult_departments: tuple[str, ...] = field(
		default=DEFAULT_SUPPLEMENTARY_CONSULT_DEPARTMENTS
	)

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
	return findings


def _check_department_lists(s: GovITSettings) -> list[Finding]:
	findings: list[Finding] = []
	for fieldname, article, article_text in (
		("plan_countersign_departments", 4, _("Art 4")),
		("supplementary_consult_departments", 13, _("Art 13")),
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
	return findings
