"""A rule's verdict: what is wrong, which article says so, and whether it blocks."""

from dataclasses import dataclass, field

from govit_app.vocabulary import Severity


@dataclass(frozen=True)
class Finding:
	"""One breach or remark.

	`message` is an English msgid (translated by the adapter); `{label}` in it stands for
	the translated label of `fieldname`, `{0}`, `{1}`… for `args`.
	"""

	article: int | None
	severity: str
	message: str
	fieldname: str | None = None
	args: tuple = field(default_factory=tuple)

	@property
	def blocks(self) -> bool:
		return self.severity == Severity.BLOCKING


def blocking(findings: list[Finding]) -> list[Finding]:
	return [f for f in findings if f.blocks]
