"""Amounts in Chinese capitals (大写金额), as finance documents and official forms print them.

The app keeps amounts in 万元; forms print yuan. The integer yuan comes from `cn2an`; jiao
and fen follow 《会计基础工作规范》 art. 52 ourselves, because cn2an leaves out the 整
that must follow 角 ("柒角整") while it is right that none follows 分.
"""

from decimal import ROUND_HALF_UP, Decimal

import cn2an

FEN_PER_WAN = Decimal(10000 * 100)
DIGITS = "零壹贰叁肆伍陆柒捌玖"


def amount_in_capitals(amount_wan: float | int | str | Decimal | None) -> str:
	"""An amount in 万元 in yuan capitals, rounded to the fen; empty for an empty amount.

	50 → 伍拾万元整, 12.3456 → 壹拾贰万叁仟肆佰伍拾陆元整, 0.01 → 壹佰元整.
	"""
	if amount_wan is None or amount_wan == "":
		return ""
	fen = (Decimal(str(amount_wan)) * FEN_PER_WAN).quantize(Decimal(1), ROUND_HALF_UP)
	return fen_in_capitals(int(fen))


def fen_in_capitals(fen: int) -> str:
	"""An amount of fen (0.01 yuan) in capitals: 10005 → 壹佰元零伍分, 50 → 伍角整."""
	if fen < 0:
		return "负" + fen_in_capitals(-fen)
	yuan, jiao, fen_digit = fen // 100, fen // 10 % 10, fen % 10
	words = cn2an.an2cn(str(yuan), "rmb").removesuffix("整") if yuan else ""
	if not jiao and not fen_digit:
		return (words or "零元") + "整"
	if jiao:
		words += DIGITS[jiao] + "角"
	elif words:
		words += "零"  # 壹佰元零伍分: the empty jiao is read as 零
	return words + (DIGITS[fen_digit] + "分" if fen_digit else "整")
