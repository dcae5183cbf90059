"""Chinese phone numbers as the declaration form asks for them (电话)."""

import re

# 11-digit mobile, optionally written +86 / 86 first.
_MOBILE = re.compile(r"(?:\+?86)?1[3-9]\d{9}")
# Landline with its area code (0 + 2-3 digits) and 7-8 digit number, optional extension.
_LANDLINE = re.compile(r"0\d{2,3}-?\d{7,8}(?:(?:-|转|ext\.?)\d{1,6})?", re.IGNORECASE)
# Spaces and brackets people type around area codes: "(0523) 8765 4321".
_DECORATION = re.compile(r"[\s()（）]")


def is_valid_phone(value: str | None) -> bool:
	"""A mobile number (13812345678) or a landline with area code (0523-87654321, 010-12345678-123)."""
	text = _DECORATION.sub("", value or "")
	return bool(_MOBILE.fullmatch(text) or _LANDLINE.fullmatch(text))
