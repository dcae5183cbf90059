"""What an actor gives with a workflow step (Art 8, 10, 25): the kinds, shared by the rules, the
server's check and the desk's dialog."""

REASON = "reason"  # required: the author reads it (a return, a refusal, a termination)
OPTIONAL_REASON = "optional"  # kept when given (a unit withdrawing its own declaration)
REFERENCE = "reference"  # the reference number of the procedure that takes over (Art 25)


def is_required(kind: str | None) -> bool:
	return kind in (REASON, REFERENCE)
