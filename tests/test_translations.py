"""Every label, option, message and print-format string has its Chinese translation."""

from i18n import PO, app_strings, missing, translations


def test_zh_po_parses_and_is_not_empty():
	assert PO.exists()
	assert len(translations()) > 50


def test_every_user_facing_string_is_translated():
	gaps = missing()
	listing = "\n".join(
		f"{text!r} ({', '.join(sorted(map(str, paths)))})" for text, paths in sorted(gaps.items())
	)
	assert not gaps, (
		f"{len(gaps)} strings lack a zh translation (python tests/i18n.py prints a stub):\n{listing}"
	)


def test_the_extractor_finds_labels_messages_and_roles():
	strings = app_strings()
	assert "Approval Threshold (10k CNY)" in strings  # a DocType label
	assert "GovIT Unit User" in strings  # a role
	assert "Not allowed by the regulation" in strings  # a Python message


def test_role_titles_match_design():
	from govit_app.roles import ROLE_TITLES

	done = translations()
	for role, title in ROLE_TITLES.items():
		assert done.get(role) == title, role
