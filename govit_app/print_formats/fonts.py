"""The derived print faces on disk: built once per bench, shared by all its sites.

They live in the bench's `sites/assets/govit_fonts/`. They depend on the machine's installed
fonts, not on a site: in a site's private files every site would hold and build its own
copy, and `bench backup --with-files` would carry it; Frappe keeps its compiled
translations in `sites/assets` for the same reason. A file's name carries a fingerprint
of its source font and of the derivation, so installing a 仿宋 font or upgrading Noto CJK
makes a new face at the next build.

The first build takes about a minute (converting ~37,000 outlines); `after_install` and
`after_migrate` run it so that no user waits for it behind the PDF button.
"""

import fcntl
import hashlib
import multiprocessing
import os
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path

import frappe

from govit_app.print_formats.charsets import CHARSETS
from govit_app.print_formats.font_derivation import derive_face
from govit_app.print_formats.font_sources import FACES, FaceSpec, Resolution, SourceFont, describe, resolve

DERIVATION_VERSION = 1  # bump when font_derivation or charsets change what a face holds
CACHE_FOLDER = "govit_fonts"


@dataclass(frozen=True)
class PrintFace:
	spec: FaceSpec
	source: SourceFont
	path: Path

	def css(self) -> str:
		return (
			f'@font-face {{ font-family: "{self.spec.family}"; font-weight: {self.spec.weight}; '
			f'src: url("{self.path.as_uri()}"); }}'
		)


def cache_dir() -> Path:
	return Path(frappe.utils.get_bench_path()) / "sites" / "assets" / CACHE_FOLDER


_resolutions: list[Resolution] | None = None


def resolutions() -> list[Resolution]:
	"""The source of every face, looked up once per process (fontconfig's list is stable)."""
	global _resolutions
	if _resolutions is None:
		_resolutions = [resolve(spec) for spec in FACES]
	return _resolutions


def print_faces() -> list[PrintFace]:
	"""The faces that have a source on this machine, derived now if not yet on disk."""
	faces = [
		PrintFace(r.spec, r.source, cache_dir() / f"{r.spec.key}-{fingerprint(r.spec, r.source)}.ttf")
		for r in resolutions()
		if r.source
	]
	if not all(face.path.exists() for face in faces):
		build(faces)
	return faces


def fingerprint(spec: FaceSpec, source: SourceFont) -> str:
	stat = os.stat(source.path)
	made_as = f"{spec.family}|{spec.weight}|{spec.charset}"
	key = f"{DERIVATION_VERSION}|{made_as}|{source.path}|{source.index}|{stat.st_size}|{stat.st_mtime_ns}"
	return hashlib.sha1(key.encode()).hexdigest()[:12]


def build(faces: list[PrintFace]) -> None:
	"""Derive the missing faces; one process builds while the others wait on the lock."""
	folder = cache_dir()
	folder.mkdir(parents=True, exist_ok=True)
	with open(folder / ".build.lock", "w") as lock:
		fcntl.flock(lock, fcntl.LOCK_EX)
		missing = [face for face in faces if not face.path.exists()]
		if not missing:
			return
		# Largest first, so that the small faces fill the other workers meanwhile. A fresh
		# interpreter per worker: a forked one would share the parent's database socket.
		missing.sort(key=lambda face: len(CHARSETS[face.spec.charset]()), reverse=True)
		workers = min(len(missing), os.cpu_count() or 1)
		with ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("spawn")) as pool:
			jobs = [(face, pool.submit(derive_face, *_derivation_args(face))) for face in missing]
			for face, job in jobs:
				_write(face, job.result())


def _derivation_args(face: PrintFace) -> tuple:
	codepoints = tuple(sorted(CHARSETS[face.spec.charset]()))
	return face.source.path, face.source.index, codepoints, face.spec.family, face.spec.weight >= 700


def _write(face: PrintFace, data: bytes) -> None:
	partial = face.path.with_suffix(".partial")
	partial.write_bytes(data)
	partial.replace(face.path)  # atomic: a reader sees the whole face or none
	for outdated in face.path.parent.glob(f"{face.spec.key}-*.ttf"):
		if outdated != face.path:
			outdated.unlink(missing_ok=True)


def build_fonts() -> None:
	"""Hook and command: `bench --site S execute govit_app.print_formats.fonts.build_fonts`."""
	faces = print_faces()
	print(f"GovIT print fonts in {cache_dir()}:\n{describe()}")
	if not faces:
		print("No Chinese font installed: GovIT print formats cannot make PDFs.")
