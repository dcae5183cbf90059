"""Project approval by the NDRC (立项, Art 12).

After the plan is published, 新建/续建/改建 projects from the approval threshold up are
approved by the NDRC; below it exactly, and 运维/购买服务 always, they need none. Whether a
project needs approval is `rules.declaration.needs_approval`, applied to the amount the
plan approved.
"""

from dataclasses import dataclass

from govit_app.rules.declaration import needs_approval
from govit_app.rules.findings import Finding
from govit_app.rules.settings import GovITSettings
from govit_app.rules.text import _
from govit_app.vocabulary import Severity


@dataclass(frozen=True)
class ApprovalFacts:
	it_project: str
	project_nature: str | None
	plan_amount: float | None  # the amount the annual plan approved
	approved_amount: float | None = None
	other_approvals: tuple[str, ...] = ()  # the project's other Project Approvals, not cancelled


def check_needs_approval(f: ApprovalFacts, s: GovITSettings) -> list[Finding]:
	if needs_approval(f.project_nature, f.plan_amount, s):
		return []
	if not s.nature_rule(f.project_nature).needs_approval:
		message = _("{label}: {0} is a {1} project, which needs no project approval from the NDRC (Art 12).")
		args = (f.it_project, f.project_nature or "")
	else:
		message = _(
			"{label}: {0} is planned at {1} 万元, below the approval threshold of {2} 万元, so it needs"
			" no project approval from the NDRC (Art 12)."
		)
		args = (f.it_project, f"{f.plan_amount or 0:.2f}", f"{s.approval_threshold:.2f}")
	return [Finding(12, Severity.BLOCKING, message, "it_project", args)]


def check_approval(f: ApprovalFacts, s: GovITSettings) -> list[Finding]:
	findings = check_needs_approval(f, s)
	if f.other_approvals:
		findings.append(
			Finding(
				12,
				Severity.BLOCKING,
				_("{label}: {0} already has the project approval {1}."),
				"it_project",
				(f.it_project, "、".join(f.other_approvals)),
			)
		)
	amount = f.approved_amount
	if amount is not None and amount <= 0:
		findings.append(
			Finding(12, Severity.BLOCKING, _("{label} must be greater than 0."), "approved_amount")
		)
	elif amount and f.plan_amount and amount > f.plan_amount + 0.005:
		findings.append(
			Finding(
				12,
				Severity.BLOCKING,
				_("{label} ({0} 万元) is above the {1} 万元 the annual plan approved (Art 12)."),
				"approved_amount",
				(f"{amount:.2f}", f"{f.plan_amount:.2f}"),
			)
		)
	return findings
