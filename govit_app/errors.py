"""Typed errors: what refused a request, and which article of the regulation says so.

Each is a subclass of Frappe's ValidationError or PermissionError, so the REST API keeps
Frappe's status code and names the class in `exc_type`; the article rides on the exception
(`err.article`) and on the server message (`"article": 13` in `_server_messages`). Tests
assert the type and the article, never a translated sub-string.
"""

import frappe


class ArticleMixin:
	"""The article (and, for several findings, the articles) behind the refusal; None: a plain input rule."""

	article: int | None = None
	articles: tuple[int, ...] = ()


class RegulationError(ArticleMixin, frappe.ValidationError):
	"""A rule of the regulation refuses the request."""


class FrozenContentError(RegulationError):
	"""The document's content is frozen in its state; only the step that owns a field changes it."""


class DuplicateRecordError(RegulationError):
	"""The regulation allows one such record (one plan a year, one review per expert…)."""

	http_status_code = 409


class VersionNotStatedError(frappe.ValidationError):
	"""A write over the API does not say which version of the document it changes (no `modified`)."""

	# 428 Precondition Required: the server requires a conditional request (RFC 6585).
	http_status_code = 428


class NotYourStepError(ArticleMixin, frappe.PermissionError):
	"""The user's role or department does not take this step, or may not change this field."""


def throw(
	message: str,
	article: int | None = None,
	exc: type[ArticleMixin] = RegulationError,
	title: str | None = None,
	articles: tuple[int, ...] = (),
) -> None:
	"""`frappe.throw` with the article on the exception and in the message sent to the client."""
	articles = tuple(a for a in (articles or (article,)) if a)
	try:
		frappe.throw(message, exc, title=title)
	except exc as error:
		error.article = article if article is not None else (articles[0] if articles else None)
		error.articles = articles
		log = getattr(frappe.local, "message_log", None)
		if log:
			log[-1]["article"] = error.article
		raise
