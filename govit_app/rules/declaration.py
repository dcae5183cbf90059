"""A project declaration (项目申报表, Art 5-9) as plain facts, and the checks on what it states.

`check_input` is DESIGN §3 rule 3 and the links a declaration must get right: every
finding blocks the save. The articles' compliance rules are in `declaration_compliance`,
the workflow's in `declaration_workflow`.
"""

from dataclasses import dataclass, field
from datetime import date

from govit_app.permissions.policy import is_classified
from govit_app.rules.evaluation import EvaluationResult
from govit_app.rules.findings import Finding
from govit_app.rules.phone import is_valid_phone
from govit_app.rules.settings import GovITSettings
from govit_app.rules.text import _
from govit_app.vocabulary import ApprovalBasis, FundingSource, ProjectNature, SecrecyLevel, Severity

# Funding adds up to the estimate to the fen of 万元 (0.01 万元 = 100 元) shown on the form.
AMOUNT_TOLERANCE = 0.005
# Art 2: a 其他 declaration is held to the strictest nature's rules until the Office classifies it.
STRICTEST_NATURE = ProjectNature.NEW


@dataclass(frozen=True)
class FundingRow:
	idx: int
	source: str
	amount: float | None
	has_proof: bool = False


@dataclass(frozen=True)
class LinkedProject:
	"""The IT Project a declaration continues, with its Art 24 standing: its latest performance
	evaluation, or what the Office recorded by hand for a project evaluated before this system."""

	name: str
	unit: str
	latest_grade: str = ""
	renewal_blocked: bool = False
	renewal_block_reasons: str = ""
	latest_evaluation: EvaluationResult | None = None


@dataclass(frozen=True)
class DeclarationFacts:
	unit: str | None
	project_nature: str | None
	# Art 2: the nature the Office gave a 其他 declaration at 受理 (the unit's answer stays beside it)
	classified_nature: str = ""
	project_name: str = ""
	estimate_amount: float | None = None
	funding: tuple[FundingRow, ...] = ()
	start_date: date | None = None
	end_date: date | None = None
	# (fieldname, value) of every phone number on the form
	phones: tuple[tuple[str, str | None], ...] = ()
	it_project: LinkedProject | None = None
	secrecy_level: str = SecrecyLevel.UNCLASSIFIED
	attachments: int = 0  # files attached to the declaration or named in its attach fields
	# Art 8: cross-department projects
	is_cross_department: bool = False
	lead_unit: str | None = None
	participating_units: tuple[str, ...] = ()
	# Art 8: the round's window and the day it is judged on
	window_open: date | None = None
	window_close: date | None = None
	plan_year: int | None = None
	on_date: date | None = None
	# the day of the first hand-in: a returned declaration is judged against the window by it
	first_submitted_on: date | None = None
	# Art 13 ¶2: a project of the current year declared outside the round (年度追加)
	is_in_year_addition: bool = False
	# Art 14: the Office builds the foundational systems
	unit_is_office: bool = False
	centralized_category: str = ""
	# Art 17, 18
	has_standalone_mobile_app: bool = False
	deploy_on_gov_cloud: bool = True
	gov_cloud_exception_reason: str = ""
	connect_big_data_platform: bool = True
	big_data_exception_reason: str = ""
	exception_consented: bool = False  # the Office consented to the Art 18 exception
	is_video_surveillance: bool = False
	# Art 7
	mlps_level: str = ""
	has_crypto_plan: str = ""
	# Art 9: material types with an attachment
	provided_materials: frozenset[str] = field(default_factory=frozenset)
	# Art 21: rectification notices whose 暂缓安排投资计划 holds this unit's plan year back
	investment_deferrals: tuple[str, ...] = ()
	# Art 24: (name, project_name) of the unit's other projects
	unit_projects: tuple[tuple[str, str], ...] = ()

	@property
	def nature(self) -> str | None:
		"""The nature the rules apply (Art 2)."""
		return effective_nature(self.project_nature, self.classified_nature)

	@property
	def judged_on(self) -> date | None:
		"""Only the first hand-in is judged against the window (Art 8)."""
		return self.first_submitted_on or self.on_date

	@property
	def is_classified(self) -> bool:
		return is_classified(self.secrecy_level)

	@property
	def funding_total(self) -> float:
		return round(sum(row.amount or 0 for row in self.funding), 2)


def effective_nature(project_nature: str | None, classified_nature: str | None) -> str | None:
	"""Art 2 knows five natures: a 其他 declaration follows the Office's classification, and the
	strictest nature's rules until it has one."""
	if project_nature != ProjectNature.OTHER:
		return project_nature
	return classified_nature or STRICTEST_NATURE


def needs_approval(project_nature: str | None, amount: float | None, s: GovITSettings) -> bool:
	"""Art 12: natures that need NDRC approval do so from the threshold up (50 万元 itself included)."""
	return s.nature_rule(project_nature).needs_approval and (amount or 0) >= s.approval_threshold


@dataclass(frozen=True)
class ApprovalDecision:
	"""Whether a project needs the NDRC's approval, and the amount that decided it (Art 12)."""

	needed: bool
	basis: str
	amount: float


def approval_decision(
	project_nature: str | None, estimate: float | None, planned: float | None, s: GovITSettings
) -> ApprovalDecision:
	"""One basis for the form, the plan and the NDRC's gate: the estimate while declaring, the
	planned amount once the plan is published (`planned` given)."""
	basis, amount = (ApprovalBasis.ESTIMATE, estimate) if planned is None else (ApprovalBasis.PLAN, planned)
	return ApprovalDecision(needs_approval(project_nature, amount, s), basis, round(amount or 0, 2))


def check_input(f: DeclarationFacts, s: GovITSettings) -> list[Finding]:
	"""What the form itself must get right; each finding refuses the save."""
	return [
		*check_amounts(f),
		*check_funding_proof(f),
		*check_dates(f),
		*check_phones(f),
		*check_it_project(f, s),
		*check_classified_attachments(f),
	]


def check_amounts(f: DeclarationFacts) -> list[Finding]:
	findings: list[Finding] = []
	if f.estimate_amount is not None and f.estimate_amount <= 0:
		findings.append(
			Finding(None, Severity.BLOCKING, _("{label} must be greater than 0."), "estimate_amount")
		)
	if not f.funding:
		findings.append(
			Finding(None, Severity.BLOCKING, _("{label}: enter at least one source of funding."), "funding")
		)
	for row in f.funding:
		if row.amount is None or row.amount <= 0:
			findings.append(
				Finding(
					None,
					Severity.BLOCKING,
					_("{label}, row {0} ({1}): the amount must be greater than 0."),
					"funding",
					(row.idx, row.source),
				)
			)
	if f.funding and f.estimate_amount and abs(f.funding_total - f.estimate_amount) > AMOUNT_TOLERANCE:
		findings.append(
			Finding(
				None,
				Severity.BLOCKING,
				_("{label} add up to {0} 万元 but the project estimate is {1} 万元; they must be equal."),
				"funding",
				(f"{f.funding_total:.2f}", f"{f.estimate_amount:.2f}"),
			)
		)
	return findings


def check_funding_proof(f: DeclarationFacts) -> list[Finding]:
	"""其他 funding needs a proof of its source (the annex: 需提供资金来源证明).

	A classified declaration cannot hold the proof (Art 25); it goes through the secrecy
	channel instead, which `declaration_compliance` notes.
	"""
	if f.is_classified:
		return []
	return [
		Finding(
			None,
			Severity.BLOCKING,
			_("{label}, row {0}: 其他 funding needs a proof of its source; attach it."),
			"funding",
			(row.idx,),
		)
		for row in f.funding
		if row.source == FundingSource.OTHER and not row.has_proof
	]


def check_dates(f: DeclarationFacts) -> list[Finding]:
	if f.start_date and f.end_date and f.end_date <= f.start_date:
		return [Finding(None, Severity.BLOCKING, _("{label} must be after the start date."), "end_date")]
	return []


def check_phones(f: DeclarationFacts) -> list[Finding]:
	return [
		Finding(
			None,
			Severity.BLOCKING,
			_(
				"{label}: {0} is not a valid phone number. Enter an 11-digit mobile number or a landline"
				" with its area code, e.g. 0523-87654321."
			),
			fieldname,
			(value,),
		)
		for fieldname, value in f.phones
		if value and not is_valid_phone(value)
	]


def check_it_project(f: DeclarationFacts, s: GovITSettings) -> list[Finding]:
	"""A renewal continues an existing project of the same unit, and only a renewal names one
	(Art 24): a project cannot be declared anew to escape its evaluation."""
	is_renewal = s.nature_rule(f.nature).is_renewal
	if is_renewal and not f.it_project:
		return [
			Finding(
				24,
				Severity.BLOCKING,
				_(
					"{label} is required for a {0} declaration: choose the existing project it continues (Art 24)."
				),
				"it_project",
				(f.nature,),
			)
		]
	if f.it_project and not is_renewal:
		return [
			Finding(
				24,
				Severity.BLOCKING,
				_(
					"{label}: {0} is an existing project; a declaration that continues it uses one of the"
					" renewal natures {1}, not {2} (Art 24)."
				),
				"it_project",
				(f.it_project.name, "、".join(renewal_natures(s)), f.project_nature),
			)
		]
	if f.it_project and f.unit and f.it_project.unit != f.unit:
		return [
			Finding(
				None,
				Severity.BLOCKING,
				_("{label}: project {0} belongs to {1}, not to the declaring unit {2}."),
				"it_project",
				(f.it_project.name, f.it_project.unit, f.unit),
			)
		]
	return []


def renewal_natures(s: GovITSettings) -> list[str]:
	return [rule.project_nature for rule in s.nature_rules if rule.is_renewal]


def check_classified_attachments(f: DeclarationFacts) -> list[Finding]:
	if f.is_classified and f.attachments:
		return [
			Finding(
				25,
				Severity.BLOCKING,
				_(
					"{label} is {0}: a classified declaration holds no attachments. Remove the {1}"
					" attachment(s) and hand classified material over through the secrecy channel (Art 25)."
				),
				"secrecy_level",
				(f.secrecy_level, f.attachments),
			)
		]
	return []
