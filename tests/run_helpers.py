"""Small helpers for tests/run.

run_helpers.py junit FILE.xml        -> "passed failed skipped" from pytest's JUnit XML
run_helpers.py unittest FILE.log     -> the same from `bench run-tests` (unittest) output
run_helpers.py dependencies FILE     -> the pinned dependencies of pyproject.toml (dev ones too), one a line
"""

import re
import sys
import tomllib
import xml.etree.ElementTree as ET


def junit_counts(path: str) -> tuple[int, int, int]:
	root = ET.parse(path).getroot()
	suites = [root] if root.tag == "testsuite" else root.findall("testsuite")
	total = failed = skipped = 0
	for suite in suites:
		total += int(suite.get("tests", 0))
		failed += int(suite.get("failures", 0)) + int(suite.get("errors", 0))
		skipped += int(suite.get("skipped", 0))
	return total - failed - skipped, failed, skipped


def unittest_counts(path: str) -> tuple[int, int, int]:
	"""Counts from unittest's closing lines; no 'Ran N tests' line means the suite never ran."""
	text = open(path, encoding="utf-8", errors="replace").read()
	ran = re.findall(r"^Ran (\d+) tests? in ", text, re.M)
	if not ran:
		raise SystemExit("the integration suite did not run (no 'Ran N tests' line)")
	total = int(ran[-1])
	status = re.findall(r"^(OK|FAILED)(?: \((.*)\))?$", text, re.M)
	details = dict(re.findall(r"(\w+)=(\d+)", status[-1][1])) if status else {}
	failed = int(details.get("failures", 0)) + int(details.get("errors", 0))
	if not status:
		failed = max(failed, 1)
	skipped = int(details.get("skipped", 0))
	return total - failed - skipped, failed, skipped


def dependencies(pyproject: str) -> list[str]:
	"""The app's pinned dependencies, and the test tools bench installs with `--dev` (e.g.
	freezegun, behind FrappeTestCase.freeze_time)."""
	with open(pyproject, "rb") as f:
		data = tomllib.load(f)
	dev = data.get("tool", {}).get("bench", {}).get("dev-dependencies", {})
	return [*data["project"]["dependencies"], *(f"{name}{spec}" for name, spec in dev.items())]


if __name__ == "__main__":
	command, path = sys.argv[1], sys.argv[2]
	if command == "dependencies":
		print("\n".join(dependencies(path)))
	elif command == "junit":
		print(*junit_counts(path))
	elif command == "unittest":
		print(*unittest_counts(path))
	else:
		raise SystemExit(f"unknown command {command}")
