"""Where WeasyPrint may read images, stylesheets and fonts from: never the network.

A government intranet reaches no internet, and a print format (editable in the desk) must
not make the server fetch or embed anything else either: WeasyPrint embeds `rel=attachment`
links into the PDF, so a free `file://` would let a template attach any file of the server.
"""

from collections.abc import Iterable
from pathlib import Path
from urllib.parse import unquote, urlsplit

from weasyprint import default_url_fetcher


class RefusedURL(ValueError):
	pass


class LocalFetcher:
	"""A WeasyPrint `url_fetcher` serving data: URIs and files inside `folders` only.

	URLs of the site itself (`site_url` followed by a key of `site_paths`, such as "/files/")
	are read from the matching local folder; every other http(s) URL is refused.
	"""

	def __init__(
		self, folders: Iterable[Path], site_url: str = "", site_paths: dict[str, Path] | None = None
	):
		self.site_url = site_url.rstrip("/")
		self.site_paths = {prefix: folder.resolve() for prefix, folder in (site_paths or {}).items()}
		self.folders = [folder.resolve() for folder in folders] + list(self.site_paths.values())

	def __call__(self, url: str, timeout: int = 10, ssl_context=None) -> dict:
		if url.startswith("data:"):
			return default_url_fetcher(url, timeout, ssl_context)
		return default_url_fetcher(self.local_path(url).as_uri(), timeout, ssl_context)

	def local_path(self, url: str) -> Path:
		parts = urlsplit(url)
		if parts.scheme == "file":
			return self._inside_folders(Path(unquote(parts.path)), url)
		if parts.scheme in ("http", "https") and self.site_url and url.startswith(self.site_url + "/"):
			path = unquote(parts.path)
			for prefix, folder in self.site_paths.items():
				if path.startswith(prefix):
					return self._inside_folders(folder / path.removeprefix(prefix), url)
		raise RefusedURL(f"Refused to fetch {url}: print formats read local files and data: URIs only")

	def _inside_folders(self, path: Path, url: str) -> Path:
		resolved = path.resolve()
		if any(resolved.is_relative_to(folder) for folder in self.folders):
			return resolved
		raise RefusedURL(f"Refused to read {url}: outside the folders print formats may use")
