"""The amounts approved for an IT Project across its years (Art 10-12).

A project lives across plan years: its first declaration builds it, later ones continue it
(续建, 改建, 运维, 购买服务). Each plan year's approved amount is kept in the project's history,
one row per declaration, and the project shows their total. The project's own approved amount
is the one its building declaration obtained (from the plan, then the NDRC's approval); a
renewal's plan or approval never overwrites it.
"""

from dataclasses import dataclass

from govit_app.rules.settings import GovITSettings


@dataclass(frozen=True)
class AmountRow:
	plan_year: int
	project_declaration: str
	project_nature: str
	approved_amount: float
	annual_plan: str = ""
	project_approval: str = ""


def merge(history: list[AmountRow], entry: AmountRow) -> list[AmountRow]:
	"""The history with `entry` in place of the row of the same declaration, by plan year."""
	rows = [row for row in history if row.project_declaration != entry.project_declaration]
	return sorted([*rows, entry], key=lambda row: (row.plan_year, row.project_declaration))


def total(history: list[AmountRow]) -> float:
	return round(sum(row.approved_amount or 0 for row in history), 2)


def sets_project_amount(project_nature: str | None, s: GovITSettings) -> bool:
	"""Only the declaration that builds the project sets its own approved amount."""
	return not s.nature_rule(project_nature).is_renewal
