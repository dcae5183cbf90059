"""Message marker for pure modules.

`_` returns its argument unchanged; it only marks the string so that the translation
extractor (and our zh.po coverage test) sees it. Translation happens in the Frappe
adapter, which calls `frappe._` on the same English text.
"""


def _(message: str) -> str:
	return message


# Articles named in messages composed at run time (each a msgid: "Art 16" -> "第十六条").
ARTICLE_LABELS: dict[int, str] = {
	4: _("Art 4"),
	12: _("Art 12"),
	13: _("Art 13"),
	15: _("Art 15"),
	16: _("Art 16"),
	19: _("Art 19"),
	21: _("Art 21"),
}


def article_label(article: int | None) -> str:
	"""The msgid naming `article` (translated where it is shown)."""
	return ARTICLE_LABELS.get(article, f"Art {article}") if article else ""
