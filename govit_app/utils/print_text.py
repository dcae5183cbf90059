"""Text a user typed, for print formats: shown as typed, never as markup."""

from bs4 import BeautifulSoup
from markupsafe import Markup, escape


def plain_text(value) -> Markup:
	"""Frappe stores typed text HTML-sanitised (`<` as `&lt;`, tags stripped); print it as the user
	wrote it, escaped, with its line breaks. `{{ doc.purpose_and_content | plain_text }}`."""
	text = BeautifulSoup(str(value or ""), "html.parser").get_text()
	return Markup("<br>").join(escape(line) for line in text.splitlines())
