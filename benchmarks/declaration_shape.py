"""What our rules cost: a Project Declaration created and handed in over REST, against two custom
DocTypes of the same shape, and against Frappe's ToDo for reference — on the same site, as the same
unit user, in the same run.

Each declaration is a complete 新建 declaration with its funding row and its seven Art 9
materials (files uploaded once, outside the timing): POST /api/resource, then the workflow's
提交申报 through `frappe.model.workflow.apply_workflow` (every Art 7-9, 12, 14, 17, 18 rule runs on
both requests). The declaration goes 草稿 → 待受理 (no competent unit), a save at docstatus 0.

The two twins have every field and child table of the declaration (Table and Table MultiSelect
alike, same child DocTypes; each field's type, options, mandatory, default, unique, index, no-copy,
allow-on-submit and ignore-user-permissions as the declaration's), no controller, no permission
hooks, no fetch_from, autoname hash, submittable, and grant the unit user read, write, create and
submit:

- the plain twin ("Bench Plain Declaration"): nothing else — no workflow (no `workflow_state`
  field), no Notification, no `track_changes`. It is POSTed and submitted (frappe.client.submit).
  Goal (the issue's): the declaration at 0.8× the plain twin or better.
- the workflow twin ("Bench Workflow Declaration"): also the declaration's `workflow_state` field,
  `track_changes` as the declaration has it, a Frappe Workflow copied from the shipped 项目申报流程
  (every state and transition with its roles, conditions and self-approval, the same state field,
  send_email_alert and override_status, pointed at the twin), and a copy of every Notification
  whose document_type is Project Declaration (event, value changed, condition, recipients, subject,
  message; is_standard off) whose condition and templates use only fields the twin has — the others
  are left out, and the run names them. Its create sends, in `pending_with`, the users the
  declaration names at 待受理 (the Office users), which the declaration's controller sets on the
  step: the copied 待受理 notification then reaches the same people. Its hand-in is the same
  提交申报 through `apply_workflow` over REST. So Frappe's Workflow Actions, Notification
  evaluation and sending, Version and the workflow's Comment run on both: declaration vs workflow
  twin is what our own rules cost on top of Frappe's workflow machinery.

Both twins are made again whenever their fields or track_changes no longer match the
declaration's (their table, child rows, versions, comments, workflow actions and attachment
records go with them; the run says so); the workflow twin's Workflow and Notifications are copied
afresh each run.

Every path takes two requests: the step states the version (`modified`) the create answered, as
the desk's button sends the form it shows, and the plain twin's submit sends the document the
create answered. The four paths take turns, one document each, and each rate is one over its
median time (on a machine whose load changes, blocks of one path met different loads).
"""

import json
import re
import statistics
from copy import deepcopy

import frappe
from bench_site import connect, timed
from frappe.model.document import Document
from frappe.model.workflow import get_workflow_name

from govit_app import roles as R
from govit_app.tests.plan_fixtures import PDF, declaration_values
from govit_app.tests.utils import ApiClient, ensure_unit, ensure_user
from govit_app.vocabulary import DeclarationAction

args = connect(__doc__, creates=50)
DECLARATION = "Project Declaration"
TWIN = "Bench Plain Declaration"
WORKFLOW_TWIN = "Bench Workflow Declaration"
TWIN_WORKFLOW = "_Bench 对照申报流程"
unit = ensure_unit("_Bench 申报单位")
user = ensure_user("bench-declarant@bench.local", [R.UNIT_USER], (unit,))

FIELD_KEYS = (
	*("fieldname", "fieldtype", "label", "options", "reqd", "default", "precision", "hidden", "read_only"),
	*("unique", "search_index", "non_negative", "no_copy", "allow_on_submit", "ignore_user_permissions"),
)
# Frappe's bookkeeping of every document, and names a template may use of any Document.
STANDARD_NAMES = frozenset(
	{"name", "doctype", "owner", "creation", "modified", "modified_by", "docstatus", "idx"}
)
# Rows Frappe keeps about a document elsewhere: (DocType, the field naming the document's DocType).
RECORDS_OF = (
	("Version", "ref_doctype"),
	("Comment", "reference_doctype"),
	("Notification Log", "document_type"),
	("DocShare", "share_doctype"),
	("File", "attached_to_doctype"),
)


def fields_of(doctype: str, skip: set[str]) -> list[dict]:
	"""The fields' properties that are set (a Check's default 0, which Frappe fills in, is not)."""
	return [
		{
			key: df.get(key)
			for key in FIELD_KEYS
			if df.get(key) not in (None, "", 0) and not (key == "default" and df.get(key) == "0")
		}
		for df in frappe.get_meta(doctype).fields
		if df.fieldname not in skip
	]


def drop_twin(name: str) -> None:
	"""The twin, its rows and what Frappe recorded about them (Frappe leaves a custom DocType's
	table behind when the DocType is deleted)."""
	for table in {df.options for df in frappe.get_meta(name).get_table_fields()}:
		frappe.db.delete(table, {"parenttype": name})
	frappe.db.sql(
		"""delete r from `tabWorkflow Action Permitted Role` r
		join `tabWorkflow Action` a on a.name = r.parent where a.reference_doctype = %s""",
		name,
	)
	frappe.db.delete("Workflow Action", {"reference_doctype": name})
	for doctype, field in RECORDS_OF:
		frappe.db.delete(doctype, {field: name})
	for doctype in ("Notification", "Workflow"):
		for record in frappe.get_all(doctype, filters={"document_type": name}, pluck="name"):
			frappe.delete_doc(doctype, record, force=True, ignore_permissions=True)
	frappe.delete_doc("DocType", name, force=True, ignore_permissions=True)
	frappe.db.commit()
	frappe.db.sql_ddl(f"DROP TABLE IF EXISTS `tab{name}`")


def ensure_twin(name: str, with_workflow: bool) -> bool:
	"""A custom DocType with the declaration's fields and child tables; the workflow twin also its
	state field and track_changes. Made again when the declaration's shape moved on."""
	fields = fields_of(DECLARATION, {"amended_from"} if with_workflow else {"amended_from", "workflow_state"})
	track_changes = frappe.get_meta(DECLARATION).track_changes if with_workflow else 0
	if frappe.db.exists("DocType", name):
		same = fields_of(name, {"amended_from"}) == fields
		if same and frappe.get_meta(name).track_changes == track_changes:
			return False
		drop_twin(name)
	frappe.get_doc(
		{
			"doctype": "DocType",
			"name": name,
			"module": "Custom",
			"custom": 1,
			"is_submittable": 1,
			"autoname": "hash",
			"track_changes": track_changes,
			"fields": fields,
			"permissions": [
				{"role": R.UNIT_USER, "read": 1, "write": 1, "create": 1, "submit": 1},
				{"role": "System Manager", "read": 1, "write": 1, "create": 1, "submit": 1, "delete": 1},
			],
		}
	).insert()
	frappe.db.commit()
	return True


def copied_row(row: Document) -> dict:
	return row.as_dict(no_default_fields=True, no_child_table_fields=True)


def ensure_twin_workflow() -> Document:
	"""The shipped declaration workflow, every state and transition, pointed at the workflow twin."""
	source = frappe.get_doc("Workflow", get_workflow_name(DECLARATION))
	for name in frappe.get_all("Workflow", filters={"document_type": WORKFLOW_TWIN}, pluck="name"):
		frappe.delete_doc("Workflow", name, force=True, ignore_permissions=True)
	workflow = frappe.get_doc(
		{
			"doctype": "Workflow",
			"workflow_name": TWIN_WORKFLOW,
			"document_type": WORKFLOW_TWIN,
			"is_active": 1,
			"workflow_state_field": source.workflow_state_field,
			"send_email_alert": source.send_email_alert,
			"override_status": source.override_status,
			"states": [copied_row(row) for row in source.states],
			"transitions": [copied_row(row) for row in source.transitions],
		}
	).insert()
	frappe.db.commit()
	return workflow


def missing_names(notification: Document, meta) -> list[str]:
	"""What the notification reads of the document that the twin does not have."""
	texts = (notification.condition, notification.subject, notification.message)
	used = set(re.findall(r"\bdoc\.(\w+)", " ".join(text or "" for text in texts)))
	fields = [notification.value_changed, notification.set_property_after_alert]
	for row in notification.recipients:
		fields.extend((row.receiver_by_document_field or "").split(",")[-1:])
	used |= {field for field in fields if field}
	missing = sorted(
		name
		for name in used
		if not (meta.has_field(name) or name in STANDARD_NAMES or hasattr(Document, name))
	)
	if notification.attach_print:
		missing.append(f"print format {notification.print_format or 'Standard'}")
	return missing


def ensure_twin_notifications() -> tuple[list[str], dict[str, list[str]]]:
	"""A copy of each declaration Notification the twin can evaluate; the others, with what they lack."""
	for name in frappe.get_all("Notification", filters={"document_type": WORKFLOW_TWIN}, pluck="name"):
		frappe.delete_doc("Notification", name, force=True, ignore_permissions=True)
	meta = frappe.get_meta(WORKFLOW_TWIN)
	copied, skipped = [], {}
	for name in frappe.get_all("Notification", filters={"document_type": DECLARATION}, pluck="name"):
		source = frappe.get_doc("Notification", name)
		if missing := missing_names(source, meta):
			skipped[name] = missing
			continue
		values = {
			key: value
			for key, value in source.as_dict(no_default_fields=True).items()
			if not isinstance(value, list)
		}
		frappe.get_doc(
			{
				**values,
				"doctype": "Notification",
				"name": f"_Bench 对照 {name}",
				"document_type": WORKFLOW_TWIN,
				"is_standard": 0,
				"module": None,
				"recipients": [copied_row(row) for row in source.recipients],
			}
		).insert()
		copied.append(name)
	frappe.db.commit()
	return copied, skipped


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


made = [name for name in (TWIN, WORKFLOW_TWIN) if ensure_twin(name, with_workflow=name == WORKFLOW_TWIN)]
workflow = ensure_twin_workflow()
copied, skipped = ensure_twin_notifications()
body = payload()
api = ApiClient(user)
seq = iter(range(10**9))


def hand_in(doctype: str, values: dict, what: str) -> str:
	doc = check(api.insert(doctype, {**body, **values, "project_name": f"_Bench {what} {next(seq)}"}), what)
	shown = {key: doc["data"][key] for key in ("doctype", "name", "modified")}
	step = check(
		api.call("frappe.model.workflow.apply_workflow", doc=shown, action=DeclarationAction.SUBMIT),
		f"{what} 提交申报",
	)
	return step["message"]["name"]


def declaration() -> str:
	return hand_in(DECLARATION, {}, "申报")


def read(doctype: str, name: str) -> Document:
	frappe.db.rollback()  # a fresh snapshot: the requests commit on their own connection
	return frappe.get_doc(doctype, name)


# Who the declaration names at 待受理, read from the first one handed in (the warm-up).
waiting = [row.user for row in read(DECLARATION, declaration()).pending_with]


def workflow_twin() -> str:
	return hand_in(WORKFLOW_TWIN, {"pending_with": [{"user": name} for name in waiting]}, "流程对照")


def twin() -> None:
	doc = check(api.insert(TWIN, {**body, "project_name": f"_Bench 对照 {next(seq)}"}), "plain twin")
	check(api.call("frappe.client.submit", doc=json.dumps(doc["data"])), "plain twin submit")


def todo() -> None:
	check(api.insert("ToDo", {"description": f"_Bench todo {next(seq)}", "allocated_to": user}), "ToDo")


def rates(n: int) -> list[float]:
	"""Documents per second of each path, from its median time: the paths take turns, so a
	machine whose load changes during the run slows them alike."""
	paths = (declaration, twin, workflow_twin, todo)
	samples: list[list[float]] = [[] for _ in paths]
	for _ in range(n):
		for path, times in zip(paths, samples, strict=True):
			times.extend(timed(path, 1))
	return [1 / statistics.median(times) for times in samples]


twin()  # warm up the other paths (the declaration's ran above)
warm = read(WORKFLOW_TWIN, workflow_twin())
print(
	f"workflow twin: {len(workflow.states)} states, {len(workflow.transitions)} transitions of"
	f" {get_workflow_name(DECLARATION)}; its 提交申报 reached {warm.workflow_state},"
	f" {frappe.db.count('Version', {'ref_doctype': WORKFLOW_TWIN, 'docname': warm.name})} Version,"
	f" {frappe.db.count('Workflow Action', {'reference_doctype': WORKFLOW_TWIN, 'reference_name': warm.name})}"
	" Workflow Actions;"
	f" track_changes {frappe.get_meta(WORKFLOW_TWIN).track_changes}; notifications copied:"
	f" {', '.join(copied) or 'none'}; left out: "
	+ ("; ".join(f"{name} (reads {', '.join(lacks)})" for name, lacks in skipped.items()) or "none")
	+ (f"; made anew: {', '.join(made)}" if made else "")
)
ours, plain, with_workflow, reference = rates(args.creates)
print(
	f"declaration create + 提交申报 over REST {ours:6.1f} docs/s;"
	f" plain twin create + submit {plain:6.1f} docs/s, ratio {ours / plain:.2f} (goal ≥ 0.8);"
	f" workflow twin create + 提交申报 {with_workflow:6.1f} docs/s, ratio {ours / with_workflow:.2f}"
	f" (our rules on top of Frappe's workflow, notifications and versions);"
	f" ToDo create {reference:6.1f} docs/s"
)
