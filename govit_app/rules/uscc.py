"""The unified social credit code (统一社会信用代码) of a supplier, GB 32100-2015.

18 characters from a 31-character set (digits and capitals without I, O, S, V, Z): the
registration authority, the kind of entity, the 6-digit administrative division, the 9-character
organization code, and a check character computed over the first 17 with the weights 3^i mod 31.
"""

CHARSET = "0123456789ABCDEFGHJKLMNPQRTUWXY"
WEIGHTS = (1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28)
LENGTH = 18


def check_character(first17: str) -> str:
	"""The 18th character of a code that begins with `first17` (valid characters only)."""
	total = sum(CHARSET.index(char) * weight for char, weight in zip(first17, WEIGHTS, strict=True))
	return CHARSET[(31 - total % 31) % 31]


def normalize(code: str | None) -> str:
	"""As users type it: spaces dropped, letters in capitals."""
	return "".join((code or "").split()).upper()


def is_valid_uscc(code: str | None) -> bool:
	code = normalize(code)
	if len(code) != LENGTH or any(char not in CHARSET for char in code):
		return False
	return code[-1] == check_character(code[:-1])
