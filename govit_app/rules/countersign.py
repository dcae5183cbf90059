"""Decisions several departments record on one document, each for itself (会签, 会商).

Art 4 has the Secrecy Bureau, Public Security, NDRC, Industry IT and Finance take part in
drawing up the annual plan; Art 13 ¶2 has the Office, Secrecy, NDRC, Industry IT and
Finance agree to an in-year supplementary project. Which departments is data (GovIT
Settings); a user decides for the department their role stands for (roles.py), and only
for it.
"""

from collections.abc import Collection, Iterable
from dataclasses import dataclass

from govit_app.roles import DEPARTMENT_FUNCTION_BY_ROLE
from govit_app.vocabulary import Decision

# What a department may record (待会签 is only the starting value).
DECISIONS = (Decision.AGREE, Decision.DISAGREE)


@dataclass(frozen=True)
class DepartmentDecision:
	department_function: str
	decision: str = Decision.PENDING
	opinion: str = ""


def functions_of_roles(roles: Iterable[str]) -> set[str]:
	"""The departments a user with `roles` acts for."""
	return {DEPARTMENT_FUNCTION_BY_ROLE[role] for role in roles if role in DEPARTMENT_FUNCTION_BY_ROLE}


def may_decide(roles: Iterable[str], department_function: str | None) -> bool:
	return bool(department_function) and department_function in functions_of_roles(roles)


def missing_departments(required: Collection[str], rows: list[DepartmentDecision]) -> list[str]:
	"""Required departments with no row, or whose row is not yet 同意, in the order required."""
	agreed = {row.department_function for row in rows if row.decision == Decision.AGREE}
	return [function for function in required if function not in agreed]


def is_complete(required: Collection[str], rows: list[DepartmentDecision]) -> bool:
	"""Every required department agreed (and at least one department is required)."""
	return bool(required) and not missing_departments(required, rows)


def refusals(rows: list[DepartmentDecision]) -> list[DepartmentDecision]:
	return [row for row in rows if row.decision == Decision.DISAGREE]


def refusal_summary(rows: list[DepartmentDecision]) -> str:
	"""'市财政局：超出年度预算' lines, for the document returned to its author."""
	return "\n".join(f"{row.department_function}：{row.opinion}" for row in refusals(rows))
