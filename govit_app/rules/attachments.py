"""What may be attached to a GovIT document: file types and size from GovIT Settings."""

from pathlib import PurePosixPath

from govit_app.rules.findings import Finding
from govit_app.rules.settings import GovITSettings
from govit_app.rules.text import _
from govit_app.vocabulary import Severity

BYTES_PER_MB = 1024 * 1024


def extension(file_name: str | None) -> str:
	return PurePosixPath(file_name or "").suffix.lstrip(".").lower()


def check_attachment(file_name: str | None, size_bytes: int | None, s: GovITSettings) -> list[Finding]:
	findings: list[Finding] = []
	if extension(file_name) not in s.attachment_extensions:
		findings.append(
			Finding(
				None,
				Severity.BLOCKING,
				_("{0}: this type of file is not accepted. Accepted types: {1}."),
				None,
				(file_name or "", ", ".join(s.attachment_extensions)),
			)
		)
	if size_bytes and size_bytes > s.attachment_max_mb * BYTES_PER_MB:
		findings.append(
			Finding(
				None,
				Severity.BLOCKING,
				_("{0} is {1} MB; an attachment may be at most {2} MB."),
				None,
				(file_name or "", f"{size_bytes / BYTES_PER_MB:.1f}", f"{s.attachment_max_mb:g}"),
			)
		)
	return findings
