"""Integrity of every DocType, Workflow and fixture JSON, without Frappe.

A broken link, a role that does not exist or a workflow step to nowhere would only show
on a site at install time (or worse, in a user's face); here it fails in a second.
"""

import json
from pathlib import Path

import pytest

from govit_app.roles import ALL_ROLES

REPO = Path(__file__).resolve().parent.parent
APP = REPO / "govit_app"
FIXTURES = APP / "fixtures"

# Frappe's own DocTypes our JSON may point at.
FRAPPE_DOCTYPES = {
	"User",
	"Role",
	"File",
	"DocType",
	"Module Def",
	"Print Format",
	"Letter Head",
	"Report",
	"Workflow State",
	"Workflow Action Master",
	"Email Template",
	"Comment",
	"Contact",
	"Currency",
	"Country",
}
FRAPPE_ROLES = {"System Manager", "Administrator", "All", "Guest", "Desk User"}
LINK_TYPES = {"Link", "Table", "Table MultiSelect"}

ALL_JSON = sorted(p for p in REPO.rglob("*.json") if ".venv" not in p.parts and "node_modules" not in p.parts)
DOCTYPE_FILES = sorted(p for p in APP.glob("*/doctype/*/*.json") if p.stem == p.parent.name)


def load(path: Path):
	return json.loads(path.read_text(encoding="utf-8"))


DOCTYPES = {load(p)["name"]: load(p) for p in DOCTYPE_FILES}


def fixture(name: str) -> list[dict]:
	path = FIXTURES / f"{name}.json"
	return load(path) if path.exists() else []


def ids(paths):
	return [str(p.relative_to(REPO)) for p in paths]


@pytest.mark.parametrize("path", ALL_JSON, ids=ids(ALL_JSON))
def test_every_json_file_parses(path):
	load(path)


def test_the_foundation_doctypes_exist():
	assert {"Gov Unit", "GovIT Settings", "Working Day Override", "IT Project"} <= set(DOCTYPES)


@pytest.mark.parametrize("path", DOCTYPE_FILES, ids=ids(DOCTYPE_FILES))
def test_doctype_is_well_formed(path):
	doc = load(path)
	assert doc["doctype"] == "DocType"
	assert doc["module"] == "GovIT"
	assert path.parent.name == doc["name"].lower().replace(" ", "_"), "folder must be the scrubbed name"
	assert (path.parent / f"{path.stem}.py").exists(), "every DocType has a controller"
	fieldnames = [f["fieldname"] for f in doc["fields"]]
	assert len(fieldnames) == len(set(fieldnames)), "duplicate fieldname"
	assert doc.get("field_order", fieldnames) == fieldnames, "field_order must list the fields in order"


@pytest.mark.parametrize("path", DOCTYPE_FILES, ids=ids(DOCTYPE_FILES))
def test_links_point_at_existing_doctypes(path):
	doc = load(path)
	known = set(DOCTYPES) | FRAPPE_DOCTYPES
	for df in doc["fields"]:
		if df["fieldtype"] in LINK_TYPES:
			assert df.get("options") in known, f"{df['fieldname']} -> {df.get('options')!r}"
		if df["fieldtype"] in {"Table", "Table MultiSelect"}:
			assert DOCTYPES[df["options"]].get("istable"), (
				f"{df['fieldname']}: {df['options']} is not a child table"
			)


@pytest.mark.parametrize("path", DOCTYPE_FILES, ids=ids(DOCTYPE_FILES))
def test_fetch_from_uses_a_link_field_of_the_same_doctype(path):
	doc = load(path)
	by_name = {f["fieldname"]: f for f in doc["fields"]}
	for df in doc["fields"]:
		source = df.get("fetch_from")
		if source:
			link_field, target_field = source.split(".", 1)
			assert by_name.get(link_field, {}).get("fieldtype") == "Link", f"{df['fieldname']}: {source}"
			target = DOCTYPES.get(by_name[link_field]["options"])
			if target:
				assert target_field in {f["fieldname"] for f in target["fields"]}, (
					f"{df['fieldname']}: {source}"
				)


@pytest.mark.parametrize("path", DOCTYPE_FILES, ids=ids(DOCTYPE_FILES))
def test_permissions_name_existing_roles(path):
	for perm in load(path).get("permissions", []):
		assert perm["role"] in set(ALL_ROLES) | FRAPPE_ROLES, perm["role"]


def test_role_fixture_is_exactly_the_design_roles():
	assert sorted(r["name"] for r in fixture("role")) == sorted(ALL_ROLES)
	assert all(r["desk_access"] for r in fixture("role"))


def test_hooks_export_every_fixture_file():
	hooks = (APP / "hooks.py").read_text(encoding="utf-8")
	for path in FIXTURES.glob("*.json"):
		doctype = load(path)[0]["doctype"]
		assert f'"dt": "{doctype}"' in hooks, f"{path.name} is not listed in hooks.fixtures"


# The author hands their draft in and withdraws their own declaration; the Office forwards the
# plan every department agreed to to the Leading Group, which are the real checks (Art 4, 11).
SELF_STEPS = {
	("项目申报流程", "提交申报"),
	("项目申报流程", "撤回"),
	("年度计划流程", "提交会签"),
	("年度计划流程", "提交审议"),
	# A unit hands in its own filing, application, self-evaluation or rectification report.
	("合同备案流程", "提交备案"),
	("试运行报告备案流程", "提交备案"),
	("验收备案流程", "提交备案"),
	("延期验收申请流程", "提交申请"),
	("运维自评流程", "提交自评"),
	("整改通知流程", "提交整改报告"),
}


def test_workflows_are_consistent():
	states = {s["name"] for s in fixture("workflow_state")}
	actions = {a["name"] for a in fixture("workflow_action_master")}
	for wf in fixture("workflow"):
		assert wf["document_type"] in DOCTYPES, wf["name"]
		wf_states = {s["state"] for s in wf["states"]}
		assert wf_states <= states, f"{wf['name']}: states missing from workflow_state.json"
		for s in wf["states"]:
			assert s["allow_edit"] in set(ALL_ROLES) | FRAPPE_ROLES, f"{wf['name']}: {s['allow_edit']}"
		for t in wf["transitions"]:
			assert t["state"] in wf_states and t["next_state"] in wf_states, f"{wf['name']}: {t}"
			assert t["action"] in actions, f"{wf['name']}: action {t['action']} not shipped"
			assert t["allowed"] in set(ALL_ROLES) | FRAPPE_ROLES, f"{wf['name']}: role {t['allowed']}"
			# With self-approval off Frappe refuses a step to the document's creator; it is on only
			# where the step is the author's by nature, or (a one-person Office) checked by others.
			if t.get("allow_self_approval"):
				assert (wf["name"], t["action"]) in SELF_STEPS, f"{wf['name']}: {t['action']} self-approved"


def test_print_formats_belong_to_existing_doctypes():
	for path in APP.glob("*/print_format/*/*.json"):
		doc = load(path)
		assert doc["doc_type"] in DOCTYPES, path
		assert doc["module"] == "GovIT", path


WORKSPACE_FILES = sorted(APP.glob("*/workspace/*/*.json"))


@pytest.mark.parametrize("path", WORKSPACE_FILES, ids=ids(WORKSPACE_FILES))
def test_every_card_and_chart_of_a_workspace_is_placed_on_it(path):
	"""A card listed in a workspace but not placed in its content exists, and nobody sees it."""
	workspace = load(path)
	placed = {
		block["data"].get("number_card_name") or block["data"].get("chart_name")
		for block in json.loads(workspace["content"])
		if block["type"] in ("number_card", "chart")
	}
	listed = {row["number_card_name"] for row in workspace.get("number_cards", [])} | {
		row["chart_name"] for row in workspace.get("charts", [])
	}
	assert listed - placed == set()
