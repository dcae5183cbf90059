"""Collect every user-facing English string of the app and compare with locale/zh.po.

`python tests/i18n.py` prints the strings still missing a Chinese translation as JSON
({"English": ""}); fill in the values and `python tests/i18n.py --append FILE.json`
appends them to govit_app/locale/zh.po (appending keeps parallel edits safe).
"""

import ast
import json
import re
import sys
from pathlib import Path

from babel.messages.pofile import read_po

REPO = Path(__file__).resolve().parent.parent
APP = REPO / "govit_app"
PO = APP / "locale" / "zh.po"

JS_CALL = re.compile(r"""__\(\s*(["'`])((?:\\.|(?!\1).)*)\1""", re.S)
JINJA_CALL = re.compile(r"""_\(\s*(["'])((?:\\.|(?!\1).)*)\1""", re.S)
DOCFIELD_KEYS = ("label", "description")
# Labels Frappe shows for these framework field types are not shown to users.
SILENT_FIELDTYPES = {"Column Break"}


def needs_translation(text: str | None) -> bool:
	"""Any English word outside `{placeholders}` needs Chinese; pure Chinese text does not."""
	bare = re.sub(r"\{\w*\}", "", text or "")
	return bool(re.search(r"[A-Za-z]{2,}", bare))


def from_doctype(doc: dict) -> set[str]:
	found = {doc["name"]}
	for df in doc.get("fields", []):
		if df.get("fieldtype") in SILENT_FIELDTYPES:
			continue
		found.update(df.get(key) for key in DOCFIELD_KEYS if df.get(key))
		if df.get("fieldtype") == "Select":
			found.update((df.get("options") or "").split("\n"))
	for link in doc.get("links", []):
		found.add(link.get("group"))
	return found


def from_json(path: Path) -> set[str]:
	data = json.loads(path.read_text(encoding="utf-8"))
	docs = data if isinstance(data, list) else [data]
	found: set[str] = set()
	for doc in docs:
		kind = doc.get("doctype")
		if kind == "DocType":
			found |= from_doctype(doc)
		elif kind == "Role":
			found.add(doc["name"])
		elif kind in {
			"Report",
			"Workspace",
			"Number Card",
			"Dashboard Chart",
			"Print Format",
			"Notification",
		}:
			found.update(
				doc.get(key) for key in ("name", "label", "title", "subject", "chart_name") if doc.get(key)
			)
			for row in (
				doc.get("links", [])
				+ doc.get("shortcuts", [])
				+ doc.get("number_cards", [])
				+ doc.get("charts", [])
			):
				found.update(row.get(key) for key in ("label",) if row.get(key))
			for column in doc.get("columns", []):
				found.add(column.get("label"))
			for flt in doc.get("filters", []) if kind == "Report" else []:
				found.add(flt.get("label"))
		elif kind in {"Workflow", "Workflow State", "Workflow Action Master"}:
			found.update(
				doc.get(key)
				for key in ("name", "workflow_state_name", "workflow_action_name")
				if doc.get(key)
			)
	return found


def from_python(path: Path) -> set[str]:
	found = set()
	tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
	for node in ast.walk(tree):
		if not isinstance(node, ast.Call) or not node.args:
			continue
		func = node.func
		name = (
			func.id if isinstance(func, ast.Name) else func.attr if isinstance(func, ast.Attribute) else None
		)
		first = node.args[0]
		if name == "_" and isinstance(first, ast.Constant) and isinstance(first.value, str):
			found.add(first.value)
	return found


def from_text(path: Path, pattern: re.Pattern) -> set[str]:
	return {m.group(2) for m in pattern.finditer(path.read_text(encoding="utf-8"))}


def app_strings() -> dict[str, set[Path]]:
	"""Every translatable string -> the files it comes from."""
	where: dict[str, set[Path]] = {}
	for path in sorted(APP.rglob("*")):
		if not path.is_file() or "__pycache__" in path.parts or "tests" in path.parts:
			continue
		if path.suffix == ".json":
			strings = from_json(path)
		elif path.suffix == ".py" and not path.name.startswith("test_"):
			strings = from_python(path)
		elif path.suffix == ".js":
			strings = from_text(path, JS_CALL)
		elif path.suffix == ".html":
			strings = from_text(path, JINJA_CALL) | from_text(path, JS_CALL)
		else:
			continue
		for text in strings:
			if needs_translation(text):
				where.setdefault(text, set()).add(path.relative_to(REPO))
	return where


def translations() -> dict[str, str]:
	with PO.open("rb") as f:
		catalog = read_po(f, locale="zh")
	return {m.id: m.string for m in catalog if m.id and m.string}


def missing() -> dict[str, set[Path]]:
	done = translations()
	return {text: paths for text, paths in app_strings().items() if text not in done}


def _po_quote(text: str) -> str:
	return json.dumps(text, ensure_ascii=False)


def append(entries: dict[str, str]) -> int:
	"""Append msgid/msgstr pairs not yet in zh.po; returns how many were added."""
	done = translations()
	new = {k: v for k, v in entries.items() if v and k not in done}
	with PO.open("a", encoding="utf-8") as f:
		f.write("".join(f"msgid {_po_quote(k)}\nmsgstr {_po_quote(v)}\n\n" for k, v in new.items()))
	return len(new)


if __name__ == "__main__":
	if len(sys.argv) == 3 and sys.argv[1] == "--append":
		added = append(json.loads(Path(sys.argv[2]).read_text(encoding="utf-8")))
		print(f"{added} translations appended to {PO.relative_to(REPO)}")
	else:
		gaps = missing()
		print(json.dumps({text: "" for text in sorted(gaps)}, ensure_ascii=False, indent=1))
		print(f"{len(gaps)} missing", file=sys.stderr)
