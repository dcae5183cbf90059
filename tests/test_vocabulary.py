"""The vocabulary against what Frappe reads at run time: workflow fixtures, every DocType Select,
notification conditions, and the code itself. A rename in one place fails here."""

import ast
import json
import re
from pathlib import Path

import pytest

from govit_app.vocabulary import SELECT_OPTIONS, VOCABULARIES, WORKFLOW_ACTIONS, WORKFLOW_STATES, all_values

APP = Path(__file__).resolve().parent.parent / "govit_app"
FIXTURES = APP / "fixtures"
# Where a value may be typed: the vocabulary itself, demo data and tests (they describe a
# city and check behaviour), and patches (they name what was stored at their time).
LITERALS_ALLOWED = ("vocabulary.py", "demo/", "tests/", "test_", "patches/")


def doctypes() -> list[dict]:
	found = []
	for path in sorted(APP.glob("*/doctype/*/*.json")):
		data = json.loads(path.read_text(encoding="utf-8"))
		if data.get("doctype") == "DocType":
			found.append(data)
	return found


def selects() -> dict[tuple[str, str], list[str]]:
	return {
		(dt["name"], df["fieldname"]): (df.get("options") or "").split("\n")
		for dt in doctypes()
		for df in dt["fields"]
		if df["fieldtype"] == "Select"
	}


def fixture(name: str) -> list[dict]:
	return json.loads((FIXTURES / f"{name}.json").read_text(encoding="utf-8"))


def test_each_vocabulary_has_distinct_values():
	for vocabulary in VOCABULARIES:
		values = [member.value for member in vocabulary]
		assert len(values) == len(set(values)), vocabulary.__name__


@pytest.mark.parametrize("key", sorted(selects()), ids=lambda key: f"{key[0]}.{key[1]}")
def test_every_select_reads_its_options_from_the_vocabulary(key):
	assert key in SELECT_OPTIONS, f"{key} has no vocabulary in vocabulary.SELECT_OPTIONS"
	options = selects()[key]
	expected = [member.value for member in SELECT_OPTIONS[key]]
	assert [o for o in options if o] == expected, key
	assert "" not in options[1:], f"{key}: a blank option only comes first"


def test_every_vocabulary_select_exists():
	missing = set(SELECT_OPTIONS) - set(selects())
	assert not missing, f"vocabulary.SELECT_OPTIONS names Select fields that do not exist: {missing}"


@pytest.mark.parametrize("workflow", fixture("workflow"), ids=lambda wf: wf["name"])
def test_workflow_states_and_actions_are_the_vocabulary(workflow):
	doctype = workflow["document_type"]
	states = {row["state"] for row in workflow["states"]}
	transition_states = {row["state"] for row in workflow["transitions"]} | {
		row["next_state"] for row in workflow["transitions"]
	}
	actions = {row["action"] for row in workflow["transitions"]}
	assert states == {member.value for member in WORKFLOW_STATES[doctype]}
	assert transition_states <= states
	assert actions == {member.value for member in WORKFLOW_ACTIONS[doctype]}


def test_shipped_states_and_actions_are_exactly_the_workflows():
	states = {member.value for vocabulary in WORKFLOW_STATES.values() for member in vocabulary}
	actions = {member.value for vocabulary in WORKFLOW_ACTIONS.values() for member in vocabulary}
	assert {row["name"] for row in fixture("workflow_state")} == states
	assert {row["name"] for row in fixture("workflow_action_master")} == actions


def quoted(text: str) -> set[str]:
	return set(re.findall(r"[\"']([^\"']*[\u4e00-\u9fff][^\"']*)[\"']", text or ""))


def conditions() -> list[tuple[str, str]]:
	found = [(wf["name"], t.get("condition") or "") for wf in fixture("workflow") for t in wf["transitions"]]
	for path in sorted(APP.glob("*/notification/*/*.json")):
		data = json.loads(path.read_text(encoding="utf-8"))
		found.append((data["name"], data.get("condition") or ""))
	return found


def test_conditions_compare_with_vocabulary_values_only():
	unknown = {(where, value) for where, condition in conditions() for value in quoted(condition)}
	unknown = {(where, value) for where, value in unknown if value not in all_values()}
	assert not unknown, f"conditions name values the vocabulary does not know: {sorted(unknown)}"


def string_literals(path: Path) -> set[str]:
	if path.suffix == ".py":
		tree = ast.parse(path.read_text(encoding="utf-8"))
		docstrings = {
			id(node.body[0].value)
			for node in ast.walk(tree)
			if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef)
			and node.body
			and isinstance(node.body[0], ast.Expr)
		}
		return {
			node.value
			for node in ast.walk(tree)
			if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in docstrings
		}
	text = re.sub(r"//[^\n]*", "", path.read_text(encoding="utf-8"))
	return set(re.findall(r"[\"'`]([^\"'`\n]*)[\"'`]", text))


def test_code_types_no_state_stage_or_option_name():
	values = all_values()
	found = {}
	for path in sorted([*APP.rglob("*.py"), *APP.rglob("*.js")]):
		relative = path.relative_to(APP).as_posix()
		if any(part in relative for part in LITERALS_ALLOWED):
			continue
		typed = string_literals(path) & values
		if typed:
			found[relative] = sorted(typed)
	assert not found, f"names typed outside vocabulary.py (import them from there): {found}"
