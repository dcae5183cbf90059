"""What a client may write where Frappe's list API pastes text into SQL, without Frappe.

Frappe's list endpoints take `fields`, `order_by`, `group_by` and aggregate fields as SQL
text and only blacklist some functions, so `upper((select … from …))` or `sleep(5)` pass.
Here the text must be what the desk itself sends: columns (`name`, `tabX`.`field`,
`table_field.field`), `*`, a small number, an aggregate of the allow-list around one of
those, `distinct`, an alias and, in an ORDER BY, asc/desc. Anything else — a sub-query,
another function, a string, an operator, a comment — is refused.
"""

import re
from dataclasses import dataclass
from enum import Enum

AGGREGATES = frozenset({"count", "sum", "avg", "min", "max"})

_TOKEN = re.compile(
	r"""\s*(?:
	(?P<quoted>`[^`]+`)
	|(?P<word>[^\W\d]\w*)
	|(?P<number>\d{1,6}(?!\w))
	|(?P<punct>[.,()*])
	)""",
	re.VERBOSE,
)


class Clause(Enum):
	FIELDS = "fields"
	ORDER_BY = "order_by"
	GROUP_BY = "group_by"


@dataclass(frozen=True)
class Refusal:
	"""Why `text` was refused (for the message)."""

	text: str
	reason: str


def tokens(text: str) -> list[tuple[str, str]] | None:
	"""(kind, token) pairs; None when some character is none of the allowed tokens."""
	out: list[tuple[str, str]] = []
	pos = 0
	text = text.rstrip()
	while pos < len(text):
		match = _TOKEN.match(text, pos)
		if not match or match.end() == pos:
			return None
		kind = match.lastgroup or ""
		out.append((kind, match.group(kind)))
		pos = match.end()
	return out


class _Parser:
	def __init__(self, items: list[tuple[str, str]], clause: Clause):
		self.items = items
		self.pos = 0
		self.clause = clause

	def peek(self) -> tuple[str, str] | None:
		return self.items[self.pos] if self.pos < len(self.items) else None

	def take(self) -> tuple[str, str]:
		item = self.items[self.pos]
		self.pos += 1
		return item

	def keyword(self, *words: str) -> bool:
		item = self.peek()
		if item and item[0] == "word" and item[1].lower() in words:
			self.pos += 1
			return True
		return False

	def punct(self, char: str) -> bool:
		item = self.peek()
		if item == ("punct", char):
			self.pos += 1
			return True
		return False

	def identifier(self) -> bool:
		item = self.peek()
		if item and item[0] in ("quoted", "word") and item[1].lower() not in _RESERVED:
			self.pos += 1
			return True
		return False

	def column(self) -> bool:
		"""`name`, `tabX`.`field`, table_field.field."""
		if not self.identifier():
			return False
		if self.punct("."):
			return self.identifier()
		return True

	def operand(self) -> bool:
		"""A column, `*` or a small number (Frappe's charts sum `1`)."""
		item = self.peek()
		if item in (("punct", "*"),) or (item and item[0] == "number"):
			self.pos += 1
			return True
		return self.column()

	def expression(self) -> bool:
		self.keyword("distinct")
		item = self.peek()
		following = self.items[self.pos + 1] if self.pos + 1 < len(self.items) else None
		if item and item[0] == "word" and following == ("punct", "("):
			if item[1].lower() not in AGGREGATES or self.clause is not Clause.FIELDS:
				return False
			self.pos += 2
			self.keyword("distinct")
			return self.operand() and self.punct(")")
		return self.operand()

	def item(self) -> bool:
		if not self.expression():
			return False
		if self.clause is Clause.FIELDS:
			if self.keyword("as"):
				return self.identifier()
			self.identifier()  # an alias without AS
		elif self.clause is Clause.ORDER_BY:
			self.keyword("asc", "desc")
		return True

	def parse(self) -> bool:
		if not self.items:
			return False
		while True:
			if not self.item():
				return False
			if self.peek() is None:
				return True
			if not self.punct(","):
				return False


# Words that never name a column here: SQL's own (a sub-query starts with one) and the
# keywords the grammar reads itself.
_RESERVED = frozenset(
	{
		"select",
		"from",
		"where",
		"union",
		"join",
		"into",
		"limit",
		"having",
		"and",
		"or",
		"not",
		"null",
		"case",
		"when",
		"then",
		"else",
		"end",
		"exists",
		"like",
		"rlike",
		"regexp",
		"sleep",
		"benchmark",
		"distinct",
		"as",
		"asc",
		"desc",
		"by",
		"order",
		"group",
		"procedure",
		"load_file",
		"outfile",
		"dumpfile",
	}
)


def check_clause(text: object, clause: Clause) -> Refusal | None:
	"""None when `text` is plain column text for `clause`, else why not."""
	if not isinstance(text, str):
		return Refusal(repr(text), "not text")
	if not text.strip():
		return None if clause is not Clause.FIELDS else Refusal(text, "empty")
	items = tokens(text)
	if items is None:
		return Refusal(text, "characters outside column names")
	if not _Parser(items, clause).parse():
		return Refusal(text, "not a column, an allowed aggregate or an alias")
	return None


def check_fields(fields: object) -> Refusal | None:
	"""`fields` as a list of texts (or one text, or "*")."""
	if isinstance(fields, str):
		fields = [fields]
	if not isinstance(fields, list | tuple):
		return Refusal(repr(fields), "not a list of fields")
	for field in fields:
		if field in (None, ""):
			continue
		refusal = check_clause(field, Clause.FIELDS)
		if refusal:
			return refusal
	return None


def is_column_name(text: object) -> bool:
	"""A bare or table-qualified column, as a card, chart or search names one."""
	if not isinstance(text, str):
		return False
	items = tokens(text)
	if not items:
		return False
	parser = _Parser(items, Clause.GROUP_BY)
	return parser.column() and parser.peek() is None
