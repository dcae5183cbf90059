"""HTML to PDF with WeasyPrint (Frappe's own pin), our print CSS and the derived CJK faces."""

import threading
from collections.abc import Sequence
from pathlib import Path

import frappe
from frappe import _
from weasyprint import CSS, HTML
from weasyprint.text.fonts import FontConfiguration

from govit_app.errors import throw
from govit_app.print_formats.fetcher import LocalFetcher
from govit_app.print_formats.fonts import cache_dir, print_faces

CSS_DIR = Path(__file__).parent / "css"
PRINT_CSS = (CSS_DIR / "gbt9704.css", CSS_DIR / "form.css")

# One font configuration per process, so that WeasyPrint registers the ~20 MB of derived
# faces with fontconfig once rather than for every PDF. WeasyPrint does not promise that
# threads may share it, hence the lock (a render takes well under a second).
_font_config: FontConfiguration | None = None
_lock = threading.Lock()


def render_pdf(html: str, stylesheets: Sequence[str] = (), base_url: str | None = None) -> bytes:
	"""PDF bytes of `html`, styled by the GovIT print CSS and then by `stylesheets` (CSS text).

	Relative URLs resolve against `base_url` (default: the site's URL); only data: URIs, the
	site's public files and assets, and the print fonts are read, never the network.
	"""
	faces = print_faces()
	if not faces:
		throw(
			_(
				"No Chinese font is installed on the server, so the PDF would lose its Chinese text. Install the Debian package fonts-noto-cjk."
			),
			title=_("PDF not available"),
		)
	fetcher = site_fetcher()
	global _font_config
	with _lock:
		if _font_config is None:
			_font_config = FontConfiguration()

		def css(**source) -> CSS:
			return CSS(**source, font_config=_font_config, url_fetcher=fetcher)

		sheets = [css(string="\n".join(face.css() for face in faces))]
		sheets += [css(filename=str(path)) for path in PRINT_CSS]
		sheets += [css(string=text) for text in stylesheets if text]
		document = HTML(string=html, base_url=base_url or frappe.utils.get_url(), url_fetcher=fetcher)
		return document.write_pdf(stylesheets=sheets, font_config=_font_config)


def site_fetcher() -> LocalFetcher:
	"""Reads the site's public files and the bench's assets; refuses private files."""
	return LocalFetcher(
		folders=[cache_dir(), CSS_DIR],
		site_url=frappe.utils.get_url(),
		site_paths={
			"/files/": Path(frappe.get_site_path("public", "files")),
			"/assets/": Path(frappe.local.sites_path, "assets"),
		},
	)
