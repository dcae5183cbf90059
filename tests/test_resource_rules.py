"""The information resource catalogue and requests between units (Art 6), without Frappe."""

import pytest

from govit_app.rules.resources import check_answer, check_request, check_resource


@pytest.mark.parametrize(
	("share_type", "conditions", "ok"),
	[
		("无条件共享", "", True),
		("有条件共享", "仅限卫生健康业务使用", True),
		("有条件共享", " ", False),
		("不予共享", "", False),
		("不予共享", "涉及个人隐私，依据《个人信息保护法》", True),
	],
)
def test_conditions_or_the_basis_for_not_sharing_are_stated(share_type, conditions, ok):
	assert (check_resource(share_type, conditions) == []) is ok


def test_a_unit_asks_others_and_not_for_what_is_not_shared():
	assert check_request("市民政局", "市卫健委", "有条件共享", "ZY-00001") == []
	assert [f.article for f in check_request("市卫健委", "市卫健委", "无条件共享", "ZY-00001")] == [6]
	assert [f.args for f in check_request("市民政局", "市卫健委", "不予共享", "ZY-00001")] == [
		("ZY-00001", "不予共享")
	]


def test_a_request_is_answered_once_and_a_refusal_gives_its_reason():
	assert check_answer("待答复", "同意", "") == []
	assert [f.fieldname for f in check_answer("待答复", "不同意", "")] == ["answer"]
	assert check_answer("待答复", "不同意", "数据涉及个人隐私") == []
	assert [f.fieldname for f in check_answer("同意", "不同意", "x")] == ["status"]
	assert check_answer("待答复", "也许", "x") != []
