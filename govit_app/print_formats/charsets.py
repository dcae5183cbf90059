"""The characters each derived print face holds (pure: no Frappe, no fontTools).

GB2312 covers everyday official text; what forms print around it (ASCII, Latin-1 signs,
general and CJK punctuation, full-width forms) goes with it. The remaining CJK ideographs
of the Basic Multilingual Plane (names with 堃 喆 珺, rare characters such as 㛃 龘) go into
a second, larger face that a page only embeds when it uses one of them.
"""

from functools import cache

# Ranges kept beside GB2312 in the everyday face.
FORM_RANGES = (
	(0x0020, 0x007E),  # ASCII
	(0x00A0, 0x00FF),  # Latin-1 signs: × ÷ ° § ©
	(0x2010, 0x205E),  # general punctuation: — … ‰ ※
	(0x3000, 0x303F),  # CJK symbols and punctuation: 、。〔〕《》〇
	(0xFF01, 0xFFEF),  # full-width forms: ，：（）
)
# CJK ideographs outside GB2312 that the extension face takes.
EXTENSION_RANGES = (
	(0x3400, 0x4DBF),  # Extension A
	(0x4E00, 0x9FFF),  # Unified Ideographs
	(0xF900, 0xFAFF),  # Compatibility Ideographs
)


def is_ideograph(code: int) -> bool:
	return any(first <= code <= last for first, last in EXTENSION_RANGES)


def _ranges(ranges: tuple[tuple[int, int], ...]) -> set[int]:
	return {code for first, last in ranges for code in range(first, last + 1)}


@cache
def gb2312_codepoints() -> frozenset[int]:
	"""Every character of GB 2312 (read through its EUC-CN encoding) plus `FORM_RANGES`."""
	codes = _ranges(FORM_RANGES)
	for row in range(0xA1, 0xF8):
		for cell in range(0xA1, 0xFF):
			try:
				codes.add(ord(bytes((row, cell)).decode("gb2312")))
			except UnicodeDecodeError:
				continue  # unassigned position
	return frozenset(codes)


@cache
def extension_codepoints() -> frozenset[int]:
	return frozenset(_ranges(EXTENSION_RANGES) - gb2312_codepoints())


CHARSETS = {"gb2312": gb2312_codepoints, "extension": extension_codepoints}
