"""Construction and acceptance (Chapter 3, Art 15-19) as pure rules.

- Contract Filing (Art 15-16): a planned project (Art 13) that needs a project approval has one
  (Art 12); the project's contracts together stay within the approved amount (Art 15); the
  procurement method is one of the Government Procurement Law; the supplier's credit code is
  valid; the contract was signed, not about to be; it is filed with its three documents.
- Trial Operation Filing and Completion Acceptance (Art 19 ¶1): the trial runs under a filed
  contract; the acceptance follows a filed trial run that has ended; one passed acceptance.
- Acceptance Filing (Art 19 ¶2): only a passed acceptance is filed, with every document listed.
- Acceptance Extension (Art 19 ¶3): asked with a reason for a project whose acceptance is ahead.
A sanction of Art 21 (已暂停, 已终止) stops every further document of the project.
"""

from dataclasses import dataclass
from datetime import date

from govit_app.permissions.policy import CLASSIFIED_READER_ROLES
from govit_app.roles import DEPARTMENT_FUNCTION_BY_ROLE
from govit_app.rules.findings import Finding
from govit_app.rules.text import _, article_label
from govit_app.rules.uscc import is_valid_uscc
from govit_app.vocabulary import ProcurementMethod, ProjectStage, ReviewResult, Severity

STOPPED = (ProjectStage.SUSPENDED, ProjectStage.TERMINATED)
# The project's acceptance is still ahead: its deadline runs and may be extended.
AWAITING_ACCEPTANCE = (ProjectStage.BUILDING, ProjectStage.TRIAL, ProjectStage.ACCEPTANCE_FAILED)


def blocking(article: int, message: str, fieldname: str | None = None, *args) -> Finding:
	return Finding(article, Severity.BLOCKING, message, fieldname, args)


def check_not_stopped(it_project: str, stage: str | None) -> list[Finding]:
	if stage not in STOPPED:
		return []
	return [
		blocking(
			21,
			_("{label}: project {0} is {1} by a sanction; no further document is made for it (Art 21)."),
			"it_project",
			it_project,
			stage,
		)
	]


def check_not_in_future(fieldname: str, value: date | None, today: date, article: int) -> list[Finding]:
	if value is None or value <= today:
		return []
	return [
		blocking(
			article, _("{label} ({0}) is in the future ({1})."), fieldname, str(value), article_label(article)
		)
	]


def is_late(filed_on: date | None, due_date: date | None) -> bool:
	"""Filed after its due date (Art 16, 19): the filing is marked overdue and stays so."""
	return bool(filed_on and due_date and filed_on > due_date)


# ---- Contract Filing (Art 15-16) -----------------------------------------------------------


@dataclass(frozen=True)
class ContractFacts:
	it_project: str
	stage: str | None
	needs_approval: bool  # the plan says the project needs the NDRC's approval (Art 12)
	approvals: tuple[str, ...]  # its submitted Project Approvals
	approved_amount: float  # IT Project.approved_amount (plan or approval)
	other_contracts: float  # the project's other contracts, not cancelled
	contract_amount: float | None
	contract_sign_date: date | None
	procurement_method: str | None
	procurement_note: str
	supplier_uscc: str
	today: date


def check_contract(f: ContractFacts) -> list[Finding]:
	findings = check_not_stopped(f.it_project, f.stage)
	if f.needs_approval and not f.approvals:
		findings.append(
			blocking(
				12,
				_(
					"{label}: project {0} needs a project approval from the NDRC before its contract is"
					" filed (Art 12, Art 13)."
				),
				"it_project",
				f.it_project,
			)
		)
	findings += check_procurement(f.procurement_method, f.procurement_note)
	if f.supplier_uscc and not is_valid_uscc(f.supplier_uscc):
		findings.append(
			blocking(
				15,
				_(
					"{label}: {0} is not a valid unified social credit code (GB 32100-2015: 18 characters,"
					" the last one a check character)."
				),
				"supplier_uscc",
				f.supplier_uscc,
			)
		)
	findings += check_not_in_future("contract_sign_date", f.contract_sign_date, f.today, 16)
	if f.contract_amount is not None and f.contract_amount <= 0:
		findings.append(blocking(15, _("{label} must be greater than 0."), "contract_amount"))
	elif f.contract_amount:
		total = round(f.other_contracts + f.contract_amount, 2)
		if total > round(f.approved_amount or 0, 2) + 0.005:
			findings.append(
				blocking(
					15,
					_(
						"{label}: the project's contracts would come to {0} 万元, above the approved amount"
						" of {1} 万元 (Art 15)."
					),
					"contract_amount",
					f"{total:.2f}",
					f"{f.approved_amount or 0:.2f}",
				)
			)
	return findings


def check_procurement(method: str | None, note: str) -> list[Finding]:
	if method not in list(ProcurementMethod):
		return [
			blocking(
				15,
				_("{label}: {0} is not a procurement method of the Government Procurement Law (Art 15)."),
				"procurement_method",
				method or "",
			)
		]
	if method == ProcurementMethod.OTHER and not note.strip():
		return [
			blocking(
				15,
				_("{label}: name the procurement method used when it is 其他 (Art 15)."),
				"procurement_note",
			)
		]
	return []


def check_documents_attached(attached: dict[str, bool], article: int) -> list[Finding]:
	"""At hand-in, every document field (fieldname -> attached) holds its file."""
	return [
		blocking(
			article,
			_("{label} is required when the document is filed ({0})."),
			fieldname,
			article_label(article),
		)
		for fieldname, present in attached.items()
		if not present
	]


# ---- Trial Operation Filing and Completion Acceptance (Art 19 ¶1) --------------------------


@dataclass(frozen=True)
class TrialFacts:
	it_project: str
	stage: str | None
	trial_start: date | None
	trial_end: date | None
	today: date
	filed_contracts: tuple[str, ...]  # the project's Contract Filings the Office filed
	passed_acceptance: str | None  # the project's passed Completion Acceptance


def check_trial(f: TrialFacts) -> list[Finding]:
	findings = check_not_stopped(f.it_project, f.stage)
	if not f.filed_contracts:
		findings.append(
			blocking(
				19,
				_(
					"{label}: project {0} has no contract filed with the Office yet: the trial run follows"
					" the construction under a filed contract (Art 16, Art 19)."
				),
				"it_project",
				f.it_project,
			)
		)
	if f.passed_acceptance:
		findings.append(
			blocking(
				19,
				_("{label}: project {0} already passed its completion acceptance {1} (Art 19)."),
				"it_project",
				f.it_project,
				f.passed_acceptance,
			)
		)
	findings += check_not_in_future("trial_start", f.trial_start, f.today, 19)
	if f.trial_start and f.trial_end and f.trial_end < f.trial_start:
		findings.append(
			blocking(
				19,
				_("{label} ({0}) is before the trial started ({1})."),
				"trial_end",
				str(f.trial_end),
				str(f.trial_start),
			)
		)
	return findings


@dataclass(frozen=True)
class AcceptanceFacts:
	it_project: str
	stage: str | None
	acceptance_date: date | None
	result: str | None
	today: date
	trial_end: date | None  # end of the latest trial run filed with the Office; None: none filed
	passed_acceptance: str | None  # another Completion Acceptance of the project that passed


def check_acceptance(f: AcceptanceFacts) -> list[Finding]:
	findings = check_not_stopped(f.it_project, f.stage)
	if f.passed_acceptance:
		findings.append(
			blocking(
				19,
				_(
					"{label}: project {0} already passed its completion acceptance {1}; a second"
					" acceptance is refused (Art 19)."
				),
				"it_project",
				f.it_project,
				f.passed_acceptance,
			)
		)
	if f.trial_end is None:
		findings.append(
			blocking(
				19,
				_(
					"{label}: project {0} has no trial-operation report filed with the Office; it is filed"
					" before the completion acceptance (Art 19)."
				),
				"it_project",
				f.it_project,
			)
		)
	elif f.acceptance_date and f.acceptance_date < f.trial_end:
		findings.append(
			blocking(
				19,
				_("{label} ({0}) is before the trial run ended ({1}): the acceptance follows it (Art 19)."),
				"acceptance_date",
				str(f.acceptance_date),
				str(f.trial_end),
			)
		)
	findings += check_not_in_future("acceptance_date", f.acceptance_date, f.today, 19)
	if f.result not in list(ReviewResult):
		findings.append(
			blocking(
				19,
				_("{label} is {0} or {1}."),
				"result",
				ReviewResult.PASSED,
				ReviewResult.FAILED,
			)
		)
	return findings


# ---- Acceptance Filing (Art 19 ¶2) ---------------------------------------------------------


@dataclass(frozen=True)
class AcceptanceFilingFacts:
	it_project: str
	stage: str | None
	completion_acceptance: str
	acceptance_result: str | None  # of the submitted Completion Acceptance; None: not submitted
	document_types: tuple[str, ...]  # the filing's rows, in order
	required: tuple[str, ...]  # GovIT Settings' list of Art 19 ¶2


def check_acceptance_filing(f: AcceptanceFilingFacts) -> list[Finding]:
	findings = check_not_stopped(f.it_project, f.stage)
	if f.acceptance_result != ReviewResult.PASSED:
		findings.append(
			blocking(
				19,
				_(
					"{label}: {0} is not a passed completion acceptance; a project that did not pass"
					" is not used and not filed (Art 19)."
				),
				"completion_acceptance",
				f.completion_acceptance,
			)
		)
	unknown = [t for t in f.document_types if t not in f.required]
	if unknown:
		findings.append(
			blocking(
				19,
				_("{label}: {0} is not among the documents of Art 19 listed in GovIT Settings: {1}."),
				"documents",
				"、".join(unknown),
				"、".join(f.required),
			)
		)
	twice = sorted({t for t in f.document_types if f.document_types.count(t) > 1})
	if twice:
		findings.append(blocking(19, _("{label}: {0} is listed twice."), "documents", "、".join(twice)))
	return findings


def receipt_departments(required: tuple[str, ...], classified: bool) -> tuple[str, ...]:
	"""Who receipts the filing: for a classified project only the departments that see classified
	records (Art 25); the others receive it through the secrecy channel, outside this system."""
	if not classified:
		return required
	readers = {DEPARTMENT_FUNCTION_BY_ROLE.get(role) for role in CLASSIFIED_READER_ROLES}
	return tuple(department for department in required if department in readers)


def missing_documents(attached: dict[str, bool], required: tuple[str, ...]) -> list[Finding]:
	"""At hand-in, each required document (document type -> attached) holds its file (Art 19)."""
	missing = [t for t in required if not attached.get(t)]
	if not missing:
		return []
	return [blocking(19, _("{label}: attach {0} before filing (Art 19)."), "documents", "、".join(missing))]


# ---- Acceptance deadline and extension (Art 19 ¶3) -----------------------------------------


def acceptance_deadline(declared_end: date | None, approved_completion: date | None) -> date | None:
	"""The acceptance is due at the planned completion: the approval's if it set one, else the
	declaration's end date."""
	return approved_completion or declared_end


@dataclass(frozen=True)
class ExtensionFacts:
	it_project: str
	stage: str | None
	current_deadline: date | None
	requested_deadline: date | None
	reason: str
	late_reason: str
	today: date
	pending: tuple[str, ...]  # the project's other requests still waiting for the Office


def check_extension(f: ExtensionFacts) -> list[Finding]:
	findings = check_not_stopped(f.it_project, f.stage)
	if f.stage not in AWAITING_ACCEPTANCE:
		findings.append(
			blocking(
				19,
				_(
					"{label}: project {0} is {1}; an extension is asked for a project whose acceptance"
					" is still ahead (Art 19)."
				),
				"it_project",
				f.it_project,
				f.stage or "",
			)
		)
	elif f.current_deadline is None:
		findings.append(
			blocking(
				19,
				_("{label}: project {0} has no acceptance deadline to extend (Art 19)."),
				"it_project",
				f.it_project,
			)
		)
	if f.pending:
		findings.append(
			blocking(
				19,
				_("{label}: project {0} already has the extension request {1} waiting for the Office."),
				"it_project",
				f.it_project,
				"、".join(f.pending),
			)
		)
	if f.current_deadline and f.requested_deadline and f.requested_deadline <= f.current_deadline:
		findings.append(
			blocking(
				19,
				_("{label} ({0}) must be after the current deadline ({1}) (Art 19)."),
				"requested_deadline",
				str(f.requested_deadline),
				str(f.current_deadline),
			)
		)
	if not f.reason.strip():
		findings.append(
			blocking(19, _("{label}: state why the acceptance must be postponed (Art 19)."), "reason")
		)
	if f.current_deadline and f.today > f.current_deadline and not f.late_reason.strip():
		findings.append(
			blocking(
				19,
				_(
					"{label}: the deadline ({0}) has passed; explain why the extension is asked only now (Art 19)."
				),
				"late_reason",
				str(f.current_deadline),
			)
		)
	return findings


def check_reason_given(fieldname: str, reason: str | None, article: int) -> list[Finding]:
	"""A return or a refusal carries its reason (DESIGN §3)."""
	if (reason or "").strip():
		return []
	return [
		blocking(
			article,
			_("{label}: a return or refusal states its reason ({0})."),
			fieldname,
			article_label(article),
		)
	]
