"""The articles a declaration is judged against (Art 2, 7, 8, 9, 12, 13, 14, 17, 18, 21, 24, 25).

Findings are shown on the form and in the print; the blocking ones stop the declaration
from being submitted or accepted (`declaration_workflow`).
"""

import re
from difflib import SequenceMatcher

from govit_app.rules.declaration import (
	STRICTEST_NATURE,
	DeclarationFacts,
	needs_approval,
	renewal_natures,
)
from govit_app.rules.declaration_materials import missing_materials
from govit_app.rules.evaluation import renewal_bars
from govit_app.rules.findings import Finding
from govit_app.rules.settings import GovITSettings
from govit_app.rules.text import _
from govit_app.vocabulary import MlpsLevel, ProjectNature, Severity, YesNo

# What does not tell two project names apart: spaces and punctuation, full-width or not.
NAME_NOISE = re.compile(r"[\s\W_]+")


def check_compliance(f: DeclarationFacts, s: GovITSettings) -> list[Finding]:
	return [
		*check_window(f),
		*check_nature(f, s),
		*check_cross_department(f),
		*check_materials(f, s),
		*check_security_plan(f, s),
		*check_approval(f, s),
		*check_centralized(f, s),
		*check_mobile_app(f),
		*check_cloud_and_data(f),
		*check_video(f),
		*check_evaluation(f, s),
		*check_investment_deferral(f),
		*check_similar_projects(f, s),
	]


def check_window(f: DeclarationFacts) -> list[Finding]:
	"""Art 8: declarations for year Y are made in the round's window (Q3 of Y-1 by default).

	Only the first hand-in is judged: a declaration returned for changes comes back after the
	window has closed. An in-year addition (Art 13 ¶2) is outside the round by nature.
	"""
	day = f.judged_on
	if f.is_in_year_addition:
		return check_in_year_addition(f)
	if not (day and f.window_open and f.window_close):
		return []
	if f.window_open <= day <= f.window_close:
		return []
	return [
		Finding(
			8,
			Severity.BLOCKING,
			_(
				"{label}: declarations for plan year {0} are accepted from {1} to {2}; {3} is outside"
				" that window (Art 8)."
			),
			"declaration_round",
			(f.plan_year, f.window_open.isoformat(), f.window_close.isoformat(), day.isoformat()),
		)
	]


def check_in_year_addition(f: DeclarationFacts) -> list[Finding]:
	"""Art 13 ¶2: a project the current year cannot wait for, declared when it arises; it reaches
	the year's published plan only through a Supplementary Request, never through the round."""
	day = f.judged_on
	if day and f.plan_year and day.year != f.plan_year:
		return [
			Finding(
				13,
				Severity.BLOCKING,
				_(
					"{label}: an in-year addition is declared for the current year {0}, not for plan year {1};"
					" declare next year's projects in the declaration round (Art 8, Art 13)."
				),
				"is_in_year_addition",
				(day.year, f.plan_year),
			)
		]
	return [
		Finding(
			13,
			Severity.ADVISORY,
			_(
				"In-year addition: it joins the published plan of {0} only through a Supplementary Request"
				" that the departments of Art 13 agree to (Art 13)."
			),
			"is_in_year_addition",
			(f.plan_year,),
		)
	]


def check_nature(f: DeclarationFacts, s: GovITSettings) -> list[Finding]:
	"""Art 2: 其他 is no loophole. Until the Office classifies it, the strictest nature's rules
	apply; a classification as a renewal needs the project it continues (Art 24)."""
	if f.project_nature != ProjectNature.OTHER:
		return []
	if not f.classified_nature:
		return [
			Finding(
				2,
				Severity.ADVISORY,
				_(
					"{label}: 其他 is held to the rules of {0} (its materials, security answers and the"
					" approval threshold) until the City Government Office classifies it into one of the"
					" five natures of Art 2 at 受理 (Art 2)."
				),
				"project_nature",
				(STRICTEST_NATURE,),
			)
		]
	if s.nature_rule(f.classified_nature).is_renewal and not f.it_project:
		return [
			Finding(
				24,
				Severity.BLOCKING,
				_(
					"{label}: classified as {0}, the declaration must name the existing project it"
					" continues; return it to the unit to choose it (Art 24)."
				),
				"classified_nature",
				(f.classified_nature,),
			)
		]
	return [
		Finding(
			2,
			Severity.ADVISORY,
			_("{label}: the unit declared 其他; the City Government Office classified it as {0} (Art 2)."),
			"classified_nature",
			(f.classified_nature,),
		)
	]


def check_cross_department(f: DeclarationFacts) -> list[Finding]:
	"""Art 8: a project several departments build together is declared by its lead unit."""
	if not f.is_cross_department:
		return []
	findings: list[Finding] = []
	if f.lead_unit and f.unit and f.lead_unit != f.unit:
		findings.append(
			Finding(
				8,
				Severity.BLOCKING,
				_(
					"{label}: a cross-department project is declared by its lead unit {0}, not by {1} (Art 8)."
				),
				"lead_unit",
				(f.lead_unit, f.unit),
			)
		)
	others = [u for u in f.participating_units if u != f.unit]
	if not others:
		findings.append(
			Finding(
				8,
				Severity.BLOCKING,
				_("{label}: a cross-department project names the other units that take part (Art 8)."),
				"participating_units",
			)
		)
	return findings


def check_materials(f: DeclarationFacts, s: GovITSettings) -> list[Finding]:
	"""Art 9; classified material never enters the system (Art 25), so it is handed over offline."""
	if f.is_classified:
		return [
			Finding(
				25,
				Severity.ADVISORY,
				_(
					"Classified project: the materials of Art 9 and any funding proof are handed to the City"
					" Government Office through the secrecy channel, not attached here (Art 25)."
				),
			)
		]
	return missing_materials(f.nature, s, set(f.provided_materials))


def check_security_plan(f: DeclarationFacts, s: GovITSettings) -> list[Finding]:
	"""Art 7: security is planned with the system — the MLPS level and a cryptography plan, which
	the Cryptography Law makes an obligation from MLPS level 3 (GovIT Settings) up."""
	if not s.nature_rule(f.nature).needs_security_plan:
		return []
	findings: list[Finding] = []
	for fieldname, value in (("mlps_level", f.mlps_level), ("has_crypto_plan", f.has_crypto_plan)):
		if not value:
			findings.append(
				Finding(
					7,
					Severity.BLOCKING,
					_("{label} must be answered for a {0} project (Art 7)."),
					fieldname,
					(f.nature,),
				)
			)
	if f.has_crypto_plan == YesNo.NO and mlps_at_least(f.mlps_level, s.crypto_plan_required_from):
		findings.append(
			Finding(
				7,
				Severity.BLOCKING,
				_(
					"{label}: none. A system at MLPS {0} (from {1} up) applies commercial cryptography as the"
					" Cryptography Law requires; plan it with the system before declaring (Art 7)."
				),
				"has_crypto_plan",
				(f.mlps_level, s.crypto_plan_required_from),
			)
		)
	elif f.has_crypto_plan == YesNo.NO:
		findings.append(
			Finding(
				7,
				Severity.ADVISORY,
				_(
					"{label}: none yet. The Cryptography Law and Art 7 ask for cryptographic protection to be"
					" planned, built and accepted together with the system."
				),
				"has_crypto_plan",
			)
		)
	return findings


def mlps_at_least(level: str, floor: str) -> bool:
	levels = list(MlpsLevel)
	return level in levels and floor in levels and levels.index(level) >= levels.index(floor)


def check_approval(f: DeclarationFacts, s: GovITSettings) -> list[Finding]:
	if not needs_approval(f.nature, f.estimate_amount, s):
		return []
	return [
		Finding(
			12,
			Severity.ADVISORY,
			_(
				"A {0} project estimated at {1} 万元 (threshold {2} 万元) applies to the NDRC for project"
				" approval once the annual plan is published (Art 12)."
			),
			None,
			(f.nature, f"{f.estimate_amount:.2f}", f"{s.approval_threshold:g}"),
		)
	]


def check_centralized(f: DeclarationFacts, s: GovITSettings) -> list[Finding]:
	"""Art 14: foundational systems are built by the City Government Office only."""
	category = (f.centralized_category or "").strip()
	if not category:
		return []
	if category not in s.centralized_categories:
		return [
			Finding(
				14,
				Severity.BLOCKING,
				_("{label}: choose one of {0}, or leave it empty (Art 14)."),
				"centralized_category",
				("、".join(s.centralized_categories),),
			)
		]
	if f.unit_is_office:
		return []
	return [
		Finding(
			14,
			Severity.BLOCKING,
			_(
				"{label}: {0} systems are built by the City Government Office for the whole city; other"
				" units do not declare them (Art 14)."
			),
			"centralized_category",
			(category,),
		)
	]


def check_mobile_app(f: DeclarationFacts) -> list[Finding]:
	if not f.has_standalone_mobile_app:
		return []
	return [
		Finding(
			17,
			Severity.BLOCKING,
			_(
				"{label}: units may not build their own mobile app, WeChat or Alipay mini program; integrate"
				" the functions into the city's mobile portal (Art 17)."
			),
			"has_standalone_mobile_app",
		)
	]


def exceptions_asked(f: DeclarationFacts) -> list[tuple[str, str, str]]:
	"""Art 18's obligations the declaration does not meet: (answer field, reason field, reason)."""
	return [
		(answer_field, reason_field, (reason or "").strip())
		for complies, reason, answer_field, reason_field in (
			(
				f.deploy_on_gov_cloud,
				f.gov_cloud_exception_reason,
				"deploy_on_gov_cloud",
				"gov_cloud_exception_reason",
			),
			(
				f.connect_big_data_platform,
				f.big_data_exception_reason,
				"connect_big_data_platform",
				"big_data_exception_reason",
			),
		)
		if not complies
	]


def awaits_exception_consent(f: DeclarationFacts) -> bool:
	"""Art 18 is an obligation ("应当"): an exception stands only with the Office's consent."""
	return bool(exceptions_asked(f)) and not f.exception_consented


def check_cloud_and_data(f: DeclarationFacts) -> list[Finding]:
	"""Art 18: deploy on the government cloud and connect the big data platform; an exception
	needs the unit's reason to be handed in and the Office's recorded consent to be accepted."""
	findings: list[Finding] = []
	for answer_field, reason_field, reason in exceptions_asked(f):
		if reason and f.exception_consented:
			findings.append(
				Finding(
					18,
					Severity.ADVISORY,
					_(
						"{label}: no. Reason given: {0}. The City Government Office consented to the"
						" exception (Art 18)."
					),
					answer_field,
					(reason,),
				)
			)
		elif reason:
			findings.append(
				Finding(
					18,
					Severity.ADVISORY,
					_(
						"{label}: no. Reason given: {0}. The City Government Office records its consent to"
						" the exception before 受理; without it the declaration is not accepted (Art 18)."
					),
					answer_field,
					(reason,),
				)
			)
		else:
			findings.append(
				Finding(
					18,
					Severity.BLOCKING,
					_("{label}: Art 18 asks for this; give the reason why the project does not (Art 18)."),
					reason_field,
				)
			)
	return findings


def check_video(f: DeclarationFacts) -> list[Finding]:
	if not f.is_video_surveillance:
		return []
	return [
		Finding(
			18,
			Severity.ADVISORY,
			_(
				"A public security video image system needs the Public Security Bureau's technical review"
				" before it enters the annual plan, and connects to the city video network by the national"
				" standard (Art 4, Art 18)."
			),
		)
	]


# Art 24, clause by clause: {0} the evaluation, {1} its year, {2} the project, {3} the grade, {4} the nature.
RENEWAL_BARS = {
	"一": _(
		"{label}: performance evaluation {0} ({1}) graded project {2} {3}, which is 合格以下; its {4}"
		" application is not accepted (Art 24 (一))."
	),
	"二": _(
		"{label}: performance evaluation {0} ({1}) found that project {2} does not share its data; its {4}"
		" application is not accepted (Art 24 (二))."
	),
	"三": _(
		"{label}: performance evaluation {0} ({1}) found the use of cloud resources of project {2}"
		" unreasonable; its {4} application is not accepted (Art 24 (三))."
	),
}


def check_evaluation(f: DeclarationFacts, s: GovITSettings) -> list[Finding]:
	"""Art 24: no renewal while the project's latest performance evaluation bars it."""
	project = f.it_project
	if not project or not s.nature_rule(f.nature).is_renewal:
		return []
	result = project.latest_evaluation
	if result:
		return [
			Finding(
				24,
				Severity.BLOCKING,
				RENEWAL_BARS[clause],
				"it_project",
				(result.name, result.evaluation_year, project.name, result.grade, f.project_nature),
			)
			for clause in renewal_bars(result, s)
		]
	# A project evaluated before this system: the grade and bar the Office recorded on it.
	findings: list[Finding] = []
	if project.latest_grade in s.renewal_blocking_grades:
		findings.append(
			Finding(
				24,
				Severity.BLOCKING,
				_(
					"{label}: the latest performance evaluation of {0} is graded {1}, which is 合格以下; its"
					" {2} application is not accepted (Art 24 (一))."
				),
				"it_project",
				(project.name, project.latest_grade, f.nature),
			)
		)
	if project.renewal_blocked:
		findings.append(
			Finding(
				24,
				Severity.BLOCKING,
				_("{label}: the performance evaluation of {0} bars its renewal: {1} (Art 24)."),
				"it_project",
				(project.name, project.renewal_block_reasons or _("see the project's evaluation")),
			)
		)
	return findings


def check_investment_deferral(f: DeclarationFacts) -> list[Finding]:
	"""Art 21: 暂缓安排投资计划 holds the unit's declarations for the plan year back until lifted."""
	return [
		Finding(
			21,
			Severity.BLOCKING,
			_(
				"{label}: rectification notice {0} deferred the investment plan of {1} for {2}; its"
				" declarations for {2} are not accepted until the sanction is lifted (Art 21)."
			),
			"unit",
			(notice, f.unit, f.plan_year),
		)
		for notice in f.investment_deferrals
	]


def name_similarity(a: str, b: str) -> float:
	"""0-1: how alike two project names are, spaces and punctuation aside."""
	a, b = NAME_NOISE.sub("", a or "").lower(), NAME_NOISE.sub("", b or "").lower()
	if not a or not b:
		return 0.0
	return SequenceMatcher(None, a, b).ratio()


def check_similar_projects(f: DeclarationFacts, s: GovITSettings) -> list[Finding]:
	"""Art 24: a 新建 named like a project its unit already runs may be a renewal in disguise,
	escaping the evaluation that bars it; the Office confirms it is new before accepting it."""
	if f.nature != ProjectNature.NEW or f.it_project:
		return []
	similar = [
		(name, title)
		for name, title in f.unit_projects
		if name_similarity(f.project_name, title) >= s.similar_name_ratio
	]
	if not similar:
		return []
	return [
		Finding(
			24,
			Severity.ADVISORY,
			_(
				"{label} is close to the unit's existing project(s) {0}. Before 受理 the City Government"
				" Office confirms that this is a new project; a renewal of one of them is returned to be"
				" declared as {1} of that project (Art 24)."
			),
			"project_name",
			("、".join(f"{title}（{name}）" for name, title in similar), "、".join(renewal_natures(s))),
		)
	]
