"""The everyday print face holds GB2312; names and rare characters go to the extension face."""

from govit_app.print_formats.charsets import extension_codepoints, gb2312_codepoints, is_ideograph


def hanzi(codes: frozenset[int]) -> set[int]:
	return {c for c in codes if is_ideograph(c)}


def test_gb2312_has_its_6763_hanzi_and_the_form_signs():
	codes = gb2312_codepoints()
	assert len(hanzi(codes)) == 6763
	assert all(ord(c) in codes for c in "泰兴市政务信息化项目申报表，。：（）《》〔〕、—…0-9A-Za-z×°")


def test_characters_outside_gb2312_go_to_the_extension():
	base, extension = gb2312_codepoints(), extension_codepoints()
	for char in "堃喆珺㛃龘":
		assert ord(char) not in base
		assert ord(char) in extension
	assert not base & extension
