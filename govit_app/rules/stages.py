"""Where an IT Project stands in its life (DESIGN §2): stages move forward only.

A project is reviewed, planned, approved, built, tried, accepted and operated in that order.
A renewal's review or plan (续建, 运维…) never moves a running project back to 已评审 or
已纳入计划; 验收不合格 is left by a later passed acceptance; 已暂停 and 已终止 are set by a
sanction (Art 21) and left only by lifting it, which is not a move of the life cycle.
"""

from govit_app.vocabulary import ProjectStage

LIFE_CYCLE: tuple[ProjectStage, ...] = (
	ProjectStage.DECLARING,
	ProjectStage.REVIEWED,
	ProjectStage.IN_PLAN,
	ProjectStage.APPROVED,
	ProjectStage.BUILDING,
	ProjectStage.TRIAL,
	ProjectStage.ACCEPTANCE_FAILED,
	ProjectStage.ACCEPTED,
	ProjectStage.OPERATING,
)


def moves_forward(current: str | None, target: str) -> bool:
	"""Whether the life cycle takes a project from `current` to `target` (sanction stages aside)."""
	if current not in LIFE_CYCLE or target not in LIFE_CYCLE:
		return not current
	return LIFE_CYCLE.index(target) > LIFE_CYCLE.index(current)


def sanction_moves(current: str | None, target: str) -> bool:
	"""Art 21's moves outside the life cycle: a suspension (暂停项目建设) stops a project at any
	stage, lifting it returns the project to the stage it had, a termination is final."""
	if current == ProjectStage.TERMINATED:
		return False
	if target in (ProjectStage.SUSPENDED, ProjectStage.TERMINATED):
		return current != target
	return current == ProjectStage.SUSPENDED and target in LIFE_CYCLE
