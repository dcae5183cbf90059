"""Art 13: the plan gate. No approval, contract or acceptance for a project outside the plan.

A project is in the plan when a published Annual Plan lists it or an in-year Supplementary
Request for it was approved by every consulted department (Art 13 ¶2). Every document after
the plan (Project Approval, Contract Filing, acceptance…) asks this one predicate.
"""

from dataclasses import dataclass

from govit_app.rules.findings import Finding
from govit_app.rules.text import _
from govit_app.vocabulary import Severity


@dataclass(frozen=True)
class PlanStanding:
	it_project: str
	published_plans: tuple[str, ...] = ()  # published Annual Plans listing the project
	approved_supplements: tuple[str, ...] = ()  # submitted Supplementary Requests for it


def is_in_plan(s: PlanStanding) -> bool:
	return bool(s.published_plans or s.approved_supplements)


def check_in_plan(s: PlanStanding, document: str) -> list[Finding]:
	"""`document` is the (translated) name of the document being made for the project."""
	if is_in_plan(s):
		return []
	return [
		Finding(
			13,
			Severity.BLOCKING,
			_(
				"{label}: project {0} is neither in a published annual plan nor in an approved"
				" supplementary request, so no {1} can be made for it (Art 13)."
			),
			"it_project",
			(s.it_project, document),
		)
	]
