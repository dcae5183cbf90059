"""Amounts in 万元 print as the yuan capitals a finance office accepts."""

from decimal import Decimal

import pytest

from govit_app.rules.amounts import amount_in_capitals, fen_in_capitals


@pytest.mark.parametrize(
	("amount_wan", "capitals"),
	[
		(50, "伍拾万元整"),
		(12.3456, "壹拾贰万叁仟肆佰伍拾陆元整"),
		(0.01, "壹佰元整"),
		(1, "壹万元整"),
		(10, "壹拾万元整"),
		(100.01, "壹佰万零壹佰元整"),
		(120000, "壹拾贰亿元整"),
		(0.1001, "壹仟零壹元整"),
		("88.5", "捌拾捌万伍仟元整"),
		(Decimal("3.2"), "叁万贰仟元整"),
	],
)
def test_whole_yuan_amounts_end_with_zheng(amount_wan, capitals):
	assert amount_in_capitals(amount_wan) == capitals


@pytest.mark.parametrize(
	("amount_wan", "capitals"),
	[
		(12.34567, "壹拾贰万叁仟肆佰伍拾陆元柒角整"),  # 整 after 角 when there is no 分
		(12.345678, "壹拾贰万叁仟肆佰伍拾陆元柒角捌分"),  # nothing after 分
		(0.010005, "壹佰元零伍分"),  # an empty 角 between 元 and 分 reads 零
		(0.00005, "伍角整"),
		(0.000005, "伍分"),
		(0.000015, "壹角伍分"),
	],
)
def test_jiao_and_fen(amount_wan, capitals):
	assert amount_in_capitals(amount_wan) == capitals


def test_rounds_half_up_to_the_fen():
	assert amount_in_capitals(0.0000005) == "壹分"
	assert amount_in_capitals(0.0000004) == "零元整"


def test_zero_empty_and_negative():
	assert amount_in_capitals(0) == "零元整"
	assert amount_in_capitals(None) == ""
	assert amount_in_capitals("") == ""
	assert fen_in_capitals(-5000) == "负伍拾元整"


def test_float_noise_does_not_leak_into_the_fen():
	# 0.1 + 0.2 is 0.30000000000000004 in binary floating point
	assert amount_in_capitals(0.1 + 0.2) == "叁仟元整"
	assert amount_in_capitals(1.15) == "壹万壹仟伍佰元整"
