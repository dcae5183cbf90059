"""Message marker for pure modules.

`_` returns its argument unchanged; it only marks the string so that the translation
extractor (and our zh.po coverage test) sees it. Translation happens in the Frappe
adapter, which calls `frappe._` on the same English text.
"""


def _(message: str) -> str:
	return message
