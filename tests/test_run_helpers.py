"""tests/run counts what bench run-tests printed; a miscount would hide failures."""

import pytest
from run_helpers import dependencies, unittest_counts


def write(tmp_path, text):
	path = tmp_path / "log"
	path.write_text(text)
	return str(path)


def test_all_passed(tmp_path):
	assert unittest_counts(write(tmp_path, "....\nRan 4 tests in 1.2s\n\nOK\n")) == (4, 0, 0)


def test_failures_errors_and_skips(tmp_path):
	log = "Ran 10 tests in 3.0s\n\nFAILED (failures=2, errors=1, skipped=3)\n"
	assert unittest_counts(write(tmp_path, log)) == (4, 3, 3)


def test_ok_with_skips(tmp_path):
	assert unittest_counts(write(tmp_path, "Ran 5 tests in 1s\n\nOK (skipped=1)\n")) == (4, 0, 1)


def test_a_suite_that_never_ran_is_an_error(tmp_path):
	with pytest.raises(SystemExit):
		unittest_counts(write(tmp_path, "Traceback (most recent call last):\nImportError: boom\n"))


def test_a_run_without_a_verdict_counts_as_failed(tmp_path):
	assert unittest_counts(write(tmp_path, "Ran 3 tests in 1s\nSegmentation fault\n")) == (2, 1, 0)


def test_dependencies_are_the_pinned_ones_and_the_bench_dev_ones(tmp_path):
	path = tmp_path / "pyproject.toml"
	path.write_text(
		'[project]\ndependencies = ["cn2an==0.5.24"]\n[tool.bench.dev-dependencies]\nfreezegun = "==1.2.2"\n'
	)
	assert dependencies(str(path)) == ["cn2an==0.5.24", "freezegun==1.2.2"]
