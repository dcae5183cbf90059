"""Which installed font each print face is derived from, found through fontconfig.

GB/T 9704 asks for 仿宋 body text, 小标宋 titles and 黑体 headings. Debian packages none of
them for simplified Chinese, so each face lists the commercial fonts a government machine
often has first and the Noto CJK faces of `fonts-noto-cjk` after them; the first one
installed with (nearly) all of the face's characters wins, and `describe()` says what was
looked for and not found.
"""

import shutil
import subprocess
from dataclasses import dataclass

from govit_app.print_formats.charsets import CHARSETS, is_ideograph

FC_REGULAR, FC_BOLD = 80, 200  # fontconfig's weights
FC_WEIGHT_TOLERANCE = 25  # medium (100) and book (75) serve as regular, extra-bold as bold
# A source may lack this share of GB2312's hanzi; signs and punctuation it lacks fall back
# to the next face of the CSS font stack.
MAX_MISSING_SHARE = 0.01

NOTO_SERIF, NOTO_SANS = "Noto Serif CJK SC", "Noto Sans CJK SC"
WENQUANYI = ("WenQuanYi Zen Hei", "WenQuanYi Micro Hei")
NOTO_PACKAGE = "fonts-noto-cjk"


@dataclass(frozen=True)
class Candidate:
	family: str
	fc_weight: int = FC_REGULAR


def _regular(*families: str) -> tuple[Candidate, ...]:
	return tuple(Candidate(family) for family in families)


@dataclass(frozen=True)
class FaceSpec:
	key: str  # file name stem of the derived face
	family: str  # CSS family the derived face is declared as
	weight: int  # CSS weight it is declared with
	charset: str  # key of charsets.CHARSETS
	purpose: str  # what the face is for, for the report
	candidates: tuple[Candidate, ...]  # sources, best first


FACES = (
	FaceSpec(
		"serif-regular",
		"GovIT Serif",
		400,
		"gb2312",
		"body text (GB/T 9704: 仿宋)",
		_regular(
			"FangSong_GB2312", "仿宋_GB2312", "FangSong", "仿宋", "STFangsong", "华文仿宋", "方正仿宋_GBK"
		)
		+ _regular(NOTO_SERIF, "AR PL SungtiL GB", NOTO_SANS, *WENQUANYI),
	),
	FaceSpec(
		"serif-bold",
		"GovIT Serif",
		700,
		"gb2312",
		"titles and bold text (GB/T 9704: 小标宋)",
		_regular("方正小标宋简体", "FZXiaoBiaoSong-B05S", "方正小标宋_GBK")
		+ (Candidate(NOTO_SERIF, FC_BOLD), Candidate(NOTO_SANS, FC_BOLD)),
	),
	FaceSpec(
		"sans-regular",
		"GovIT Sans",
		400,
		"gb2312",
		"headings (GB/T 9704: 黑体)",
		_regular("SimHei", "黑体", NOTO_SANS, *WENQUANYI),
	),
	FaceSpec(
		"kai-regular",
		"GovIT Kai",
		400,
		"gb2312",
		"second-level headings (GB/T 9704: 楷体; Debian: fonts-arphic-gkai00mp)",
		_regular("KaiTi_GB2312", "楷体_GB2312", "KaiTi", "楷体", "STKaiti", "华文楷体", "AR PL KaitiM GB")
		+ _regular("LXGW WenKai", "AR PL UKai CN"),
	),
	FaceSpec(
		"extension",
		"GovIT Extension",
		400,
		"extension",
		"ideographs outside GB2312 (names, rare characters)",
		_regular(NOTO_SERIF, NOTO_SANS, *WENQUANYI),
	),
)


@dataclass(frozen=True)
class SourceFont:
	family: str
	path: str
	index: int  # face index inside a .ttc collection
	fc_weight: int


@dataclass(frozen=True)
class Resolution:
	spec: FaceSpec
	source: SourceFont | None
	passed_over: tuple[str, ...]  # why better candidates were not used

	def describe(self) -> str:
		head = f"{self.spec.family} {self.spec.weight} — {self.spec.purpose}: "
		used = f"from {self.source.family} ({self.source.path})" if self.source else "NOT AVAILABLE"
		skipped = f"; not installed or unusable: {', '.join(self.passed_over)}" if self.passed_over else ""
		return head + used + skipped


def resolve(spec: FaceSpec) -> Resolution:
	passed_over = []
	for candidate in spec.candidates:
		source, reason = _find(candidate, spec.charset)
		if source:
			return Resolution(spec, source, tuple(passed_over))
		passed_over.append(f"{candidate.family} ({reason})")
	return Resolution(spec, None, tuple(passed_over))


def _find(candidate: Candidate, charset: str) -> tuple[SourceFont | None, str]:
	listed = _fc_list(candidate.family)
	if not listed:
		return None, "not installed"
	weighted = [f for f in listed if abs(f[2] - candidate.fc_weight) <= FC_WEIGHT_TOLERANCE]
	if not weighted:
		return None, "no face of that weight"
	path, index, fc_weight, coverage = weighted[0]
	ideographs = {code for code in CHARSETS[charset]() if is_ideograph(code)}
	missing = len(ideographs - coverage)
	if charset == "gb2312" and missing > MAX_MISSING_SHARE * len(ideographs):
		return None, f"lacks {missing} of GB2312's {len(ideographs)} hanzi"
	if missing == len(ideographs):
		return None, "has none of these characters"
	return SourceFont(candidate.family, path, index, fc_weight), ""


def _fc_list(family: str) -> list[tuple[str, int, int, set[int]]]:
	"""(file, face index, weight, covered code points) of the faces fontconfig lists for a family."""
	if not shutil.which("fc-list"):
		return []
	escaped = "".join("\\" + c if c in "\\-:,=" else c for c in family)
	listing = subprocess.run(
		["fc-list", "-f", "%{file}\t%{index}\t%{weight}\t%{charset}\n", f":family={escaped}"],
		capture_output=True,
		text=True,
		check=False,
	).stdout
	found = []
	for line in sorted(listing.splitlines()):
		path, index, weight, charset = line.split("\t")
		if weight.startswith("["):
			continue  # a variable font lists a weight range; deriving one instance is not done here
		found.append((path, int(index), int(float(weight)), _parse_charset(charset)))
	return found


def _parse_charset(text: str) -> set[int]:
	"""fontconfig's charset notation: "20-7e a0 4e00-9fa5"."""
	codes: set[int] = set()
	for part in text.split():
		first, _, last = part.partition("-")
		codes.update(range(int(first, 16), int(last or first, 16) + 1))
	return codes


def describe() -> str:
	"""One line per print face: which installed font it comes from and what was missing."""
	lines = [resolve(spec).describe() for spec in FACES]
	if not shutil.which("fc-list"):
		lines.append("fontconfig's fc-list is missing: install the Debian package fontconfig.")
	if not _fc_list(NOTO_SERIF):
		lines.append(f"Noto CJK is missing: install the Debian package {NOTO_PACKAGE}.")
	return "\n".join(lines)
