"""The workflow states and actions this app ships as fixtures (read from the fixture files)."""

import json
from functools import cache
from pathlib import Path

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"


@cache
def _fixture(name: str) -> tuple[dict, ...]:
	path = FIXTURES / f"{name}.json"
	if not path.exists():
		return ()
	return tuple(json.loads(path.read_text(encoding="utf-8")))


def shipped_state_names() -> set[str]:
	return {row["name"] for row in _fixture("workflow_state")}


def shipped_action_names() -> set[str]:
	return {row["name"] for row in _fixture("workflow_action_master")}


def shipped_workflows() -> tuple[dict, ...]:
	return _fixture("workflow")
