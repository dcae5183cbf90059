"""Derive a small TrueType-outline (glyf) face from an installed CJK font (no Frappe here).

WeasyPrint 59 subsets every face it embeds, once per PDF, keeping glyph ids: the work grows
with the face's glyph count and is far slower for CFF outlines (Noto CJK) than for glyf
ones. A one-page form took 10–18 s with Noto CJK and well under a second with a glyf face
holding only GB2312. So, once per machine, the wanted characters' outlines are converted to
quadratic curves (cu2qu) into a new face; vertical metrics and OpenType layout (vertical
writing, proportional punctuation) are left out, as print formats set text horizontally.
"""

from collections.abc import Iterable
from io import BytesIO

from fontTools.fontBuilder import FontBuilder
from fontTools.pens.cu2quPen import Cu2QuPen
from fontTools.pens.ttGlyphPen import TTGlyphPen
from fontTools.ttLib import TTFont

# cu2qu's tolerance, in thousandths of an em: far below what print shows.
MAX_ERROR_PER_MILLE_EM = 1.0
# Copyright and licence stay with the derived face, as the SIL OFL asks.
KEPT_NAME_IDS = {
	"copyright": 0,
	"manufacturer": 8,
	"designer": 9,
	"licenseDescription": 13,
	"licenseInfoURL": 14,
}
OS2_FIELDS = (
	"sTypoAscender",
	"sTypoDescender",
	"sTypoLineGap",
	"usWinAscent",
	"usWinDescent",
	"achVendID",
	"fsType",
	"ulUnicodeRange1",
	"ulUnicodeRange2",
	"ulUnicodeRange3",
	"ulUnicodeRange4",
	"ulCodePageRange1",
	"ulCodePageRange2",
	"sxHeight",
	"sCapHeight",
)
FS_SELECTION_BOLD, FS_SELECTION_REGULAR = 1 << 5, 1 << 6


def derive_face(path: str, index: int, codepoints: Iterable[int], family: str, bold: bool) -> bytes:
	"""A glyf face named `family` with the source's outlines of those of `codepoints` it has."""
	source = TTFont(path, fontNumber=index, lazy=True)
	available = source.getBestCmap()
	cmap = {code: available[code] for code in sorted(codepoints) if code in available}
	glyph_order = [".notdef", *sorted(set(cmap.values()) - {".notdef"}, key=source.getGlyphID)]
	units_per_em = source["head"].unitsPerEm

	builder = FontBuilder(units_per_em, isTTF=True)
	builder.setupGlyphOrder(glyph_order)
	builder.setupCharacterMap(cmap)
	builder.setupGlyf(_quadratic_glyphs(source, glyph_order, units_per_em))
	metrics = source["hmtx"].metrics
	builder.setupHorizontalMetrics({name: metrics[name] for name in glyph_order})
	hhea = source["hhea"]
	builder.setupHorizontalHeader(ascent=hhea.ascent, descent=hhea.descent, lineGap=hhea.lineGap)
	builder.setupNameTable(_names(source, family, bold))
	os2 = source["OS/2"]
	builder.setupOS2(
		**{field: getattr(os2, field) for field in OS2_FIELDS if hasattr(os2, field)},
		usWeightClass=700 if bold else 400,
		fsSelection=FS_SELECTION_BOLD if bold else FS_SELECTION_REGULAR,
	)
	builder.font["head"].macStyle = 1 if bold else 0
	# Glyph names stored (post format 2) spare WeasyPrint rebuilding them from cmap on every PDF.
	builder.setupPost(keepGlyphNames=True)
	out = BytesIO()
	builder.save(out)
	return out.getvalue()


def _quadratic_glyphs(source: TTFont, glyph_order: list[str], units_per_em: int) -> dict:
	glyph_set = source.getGlyphSet()
	max_error = MAX_ERROR_PER_MILLE_EM * units_per_em / 1000
	# Cubic (CFF) curves become quadratic and turn clockwise, as TrueType contours do; a glyf
	# source's quadratic curves pass unchanged.
	from_cff = "CFF " in source
	glyphs = {}
	for name in glyph_order:
		pen = TTGlyphPen(None)
		glyph_set[name].draw(Cu2QuPen(pen, max_error, reverse_direction=from_cff))
		glyphs[name] = pen.glyph()
	return glyphs


def _names(source: TTFont, family: str, bold: bool) -> dict[str, str]:
	style = "Bold" if bold else "Regular"
	names = {"familyName": family, "styleName": style, "fullName": f"{family} {style}"}
	names["psName"] = f"{family}-{style}".replace(" ", "")
	names["uniqueFontIdentifier"] = names["psName"]
	names["version"] = "Version 1.000"
	for key, name_id in KEPT_NAME_IDS.items():
		value = source["name"].getDebugName(name_id)
		if value:
			names[key] = value
	return names
