"""What our rules cost: a Project Declaration created and handed in over REST, against a plain
DocType of the same shape (the same fields and the same child tables and rows, no controller,
no workflow, no permission hooks), and against Frappe's ToDo for reference — on the same site,
as the same unit user, in the same run.

Each declaration is a complete 新建 declaration with its funding row and its seven Art 9
materials (files uploaded once, outside the timing): POST /api/resource, then the workflow's
提交申报 (every Art 7-9, 12, 14, 17, 18 rule runs on both). The plain twin is POSTed and
submitted (frappe.client.submit). Goal: the declaration at 0.8× the plain twin or better.

Both take two requests: the step states the version (`modified`) the create answered, as the
desk's button sends the form it shows, and the twin's submit sends the document the create
answered. (The declaration used to re-read itself first, as `ApiClient.apply_workflow` does: a
third request, which the twin did not make.) The three paths take turns, one document each, and
each rate is one over its median time (it was the mean of a block of one path, then the next:
on a machine whose load changes, each block met a different load).
"""

import json
import statistics
from copy import deepcopy

import frappe
from bench_site import connect, timed

from govit_app import roles as R
from govit_app.tests.plan_fixtures import PDF, declaration_values
from govit_app.tests.utils import ApiClient, ensure_unit, ensure_user
from govit_app.vocabulary import DeclarationAction

args = connect(__doc__, creates=50)
DECLARATION = "Project Declaration"
TWIN = "Bench Plain Declaration"
unit = ensure_unit("_Bench 申报单位")
user = ensure_user("bench-declarant@bench.local", [R.UNIT_USER], (unit,))


def ensure_twin() -> None:
	"""A custom DocType with the declaration's fields and child tables, and nothing else."""
	if frappe.db.exists("DocType", TWIN):
		return
	meta = frappe.get_meta(DECLARATION)
	fields = [
		{
			key: df.get(key)
			for key in ("fieldname", "fieldtype", "label", "options", "reqd", "default", "precision")
			if df.get(key) not in (None, "")
		}
		for df in meta.fields
		if df.fieldname not in ("amended_from", "workflow_state")
	]
	frappe.get_doc(
		{
			"doctype": "DocType",
			"name": TWIN,
			"module": "Custom",
			"custom": 1,
			"is_submittable": 1,
			"autoname": "hash",
			"fields": fields,
			"permissions": [
				{"role": R.UNIT_USER, "read": 1, "write": 1, "create": 1, "submit": 1},
				{"role": "System Manager", "read": 1, "write": 1, "create": 1, "submit": 1, "delete": 1},
			],
		}
	).insert()
	frappe.db.commit()


def payload() -> dict:
	"""A complete declaration, its materials with files the unit user uploaded (made once: a file
	not attached to a record is readable by its uploader only, security/files.py)."""
	values = declaration_values(2090, unit, "")  # opens the 2090 round, outside the timing
	draft = frappe.get_doc(deepcopy(values))
	draft.fill_materials()
	materials = []
	frappe.set_user(user)
	for row in draft.materials:
		file = frappe.get_doc(
			{
				"doctype": "File",
				"file_name": f"{row.material_type}.pdf",
				# Bytes of its own: an identical earlier upload would be another user's file.
				"content": PDF + f"% {user} {row.material_type}\n".encode(),
				"is_private": 1,
			}
		).insert(ignore_permissions=True)
		materials.append(
			{
				"material_type": row.material_type,
				"is_required": row.is_required,
				"alternative_group": row.alternative_group,
				"attachment": file.file_url,
			}
		)
	frappe.set_user("Administrator")
	frappe.db.commit()
	values.pop("doctype")
	return {**values, "materials": materials}


def check(response, what: str):
	if response.status_code != 200:
		raise SystemExit(f"{what}: {response.status_code} {response.text[:400]}")
	return response.json


ensure_twin()
body = payload()
api = ApiClient(user)
seq = iter(range(10**9))


def declaration() -> None:
	doc = check(api.insert(DECLARATION, {**body, "project_name": f"_Bench 申报 {next(seq)}"}), "declaration")
	shown = {key: doc["data"][key] for key in ("doctype", "name", "modified")}
	check(
		api.call("frappe.model.workflow.apply_workflow", doc=shown, action=DeclarationAction.SUBMIT),
		"提交申报",
	)


def twin() -> None:
	doc = check(api.insert(TWIN, {**body, "project_name": f"_Bench 对照 {next(seq)}"}), "plain twin")
	check(api.call("frappe.client.submit", doc=json.dumps(doc["data"])), "plain twin submit")


def todo() -> None:
	check(api.insert("ToDo", {"description": f"_Bench todo {next(seq)}", "allocated_to": user}), "ToDo")


def rates(n: int) -> list[float]:
	"""Documents per second of each path, from its median time: the paths take turns, so a
	machine whose load changes during the run slows them alike."""
	paths = (declaration, twin, todo)
	samples: list[list[float]] = [[] for _ in paths]
	for _ in range(n):
		for path, times in zip(paths, samples, strict=True):
			times.extend(timed(path, 1))
	return [1 / statistics.median(times) for times in samples]


declaration(), twin()  # warm up both paths
ours, plain, reference = rates(args.creates)
print(
	f"declaration create + 提交申报 over REST {ours:6.1f} docs/s; plain twin create + submit {plain:6.1f} docs/s;"
	f" ratio {ours / plain:.2f} (goal ≥ 0.8); ToDo create {reference:6.1f} docs/s"
)
