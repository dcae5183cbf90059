"""Install, migrate and uninstall steps: defaults in, translations compiled, the site left clean."""

from dataclasses import asdict

import frappe
from frappe.gettext.translate import compile_translations
from frappe.translate import clear_cache as clear_translation_cache
from frappe.utils.fixtures import sync_fixtures

from govit_app.print_formats.setup import after_install_or_migrate
from govit_app.roles import ALL_ROLES
from govit_app.rules.settings import (
	DEFAULT_ACCEPTANCE_FILING_DEPARTMENTS,
	DEFAULT_ACCEPTANCE_FILING_DOCUMENTS,
	DEFAULT_CENTRALIZED_CATEGORIES,
	DEFAULT_MATERIAL_REQUIREMENTS,
	DEFAULT_NATURE_RULES,
	DEFAULT_PLAN_COUNTERSIGN_DEPARTMENTS,
	DEFAULT_RENEWAL_BLOCKING_GRADES,
	DEFAULT_SUPERVISION_FIELDS,
	DEFAULT_SUPPLEMENTARY_CONSULT_DEPARTMENTS,
)
from govit_app.utils.landing import WORKSPACE, forget_workspace, land_in_workspace
from govit_app.workflow.residue import purge_orphans

APP = "govit_app"


def before_install() -> None:
	refresh_module_map()


def after_install() -> None:
	"""Everything the app needs on a site, or nothing: a failure takes the app off the site
	again (Frappe's install_app would leave it marked installed, so that a second attempt
	only says "already installed")."""
	try:
		assert_doctypes_synced()
		ensure_settings()
		use_chinese_locale()
		land_in_workspace("Administrator")
		after_install_or_migrate()
		index_file_urls()
		sync_fixtures(APP)  # Frappe syncs them again after this hook; that second pass changes nothing
	except Exception:
		undo_failed_install()
		raise


def after_sync() -> None:
	"""The last step of install_app (and of migrate's sync)."""
	try:
		compile_app_translations()
	except Exception:
		if frappe.flags.in_install == APP:
			undo_failed_install()
		raise


def refresh_module_map() -> None:
	"""Let this process see the app's modules before Frappe syncs its DocTypes.

	Frappe reads the map of apps to modules from Redis (`app_modules`) when a process starts
	and keeps it in `frappe.local`. A site that served requests or ran jobs before the app was
	fetched has a map without the app; install_app clears Redis but not the process's copy,
	so `sync_for` found no module to sync, no DocType of the app was created, and after_install
	failed with `No module named 'frappe.core.doctype.govit_settings'` (a DocType missing from
	the database is looked up in Frappe's Core module). Rebuild the map from apps.txt."""
	frappe.cache.delete_value(["app_modules", "installed_app_modules"])
	frappe.local.app_modules = None
	frappe.setup_module_map()
	if APP not in frappe.local.app_modules:
		frappe.throw(f"{APP} is not in the bench's sites/apps.txt; fetch it with bench get-app first.")


def assert_doctypes_synced() -> None:
	if not frappe.db.exists("DocType", "GovIT Settings"):
		raise RuntimeError(
			f"Frappe created no DocType of {APP} on {frappe.local.site}: its module map does not"
			" list the app's modules (run `bench --site SITE clear-cache` and install again)."
		)


def undo_failed_install() -> None:
	"""Take a half-installed app off the site: its DocTypes and tables, Module Def, roles,
	workflows and the entry in installed_apps (what uninstall-app removes)."""
	from frappe.installer import remove_app

	frappe.db.rollback()
	print(f"Installing {APP} failed: removing what was installed so far")
	in_install, frappe.flags.in_install = frappe.flags.in_install, False
	try:
		remove_app(APP, yes=True, no_backup=True, force=True)
		frappe.db.commit()
	finally:
		frappe.flags.in_install = in_install


def after_migrate() -> None:
	compile_app_translations()
	index_file_urls()


# Every private file is served only after asking which record its first File row belongs to
# (security/files.py): without an index that question reads the whole File table, which grows
# with every attachment (Frappe adds a row per record a file is attached to).
FILE_URL_INDEX = "govit_file_url"


def index_file_urls() -> None:
	if not frappe.db.has_index("tabFile", FILE_URL_INDEX):
		frappe.db.add_index("File", ["file_url(255)"], FILE_URL_INDEX)


def drop_file_url_index() -> None:
	if frappe.db.has_index("tabFile", FILE_URL_INDEX):
		frappe.db.sql_ddl(f"alter table `tabFile` drop index `{FILE_URL_INDEX}`")


def ensure_settings() -> None:
	"""Save GovIT Settings once so that every default of DESIGN §2 is a stored value."""
	settings = frappe.get_single("GovIT Settings")
	for df in settings.meta.fields:
		if df.default and settings.get(df.fieldname) in (None, ""):
			settings.set(df.fieldname, df.default)
	if not settings.centralized_categories:
		for category in DEFAULT_CENTRALIZED_CATEGORIES:
			settings.append("centralized_categories", {"category": category})
	if not settings.nature_rules:
		for rule in DEFAULT_NATURE_RULES:
			settings.append("nature_rules", asdict(rule))
	if not settings.material_requirements:
		for requirement in DEFAULT_MATERIAL_REQUIREMENTS:
			settings.append("material_requirements", asdict(requirement))
	for fieldname, departments in (
		("plan_countersign_departments", DEFAULT_PLAN_COUNTERSIGN_DEPARTMENTS),
		("supplementary_consult_departments", DEFAULT_SUPPLEMENTARY_CONSULT_DEPARTMENTS),
		("acceptance_filing_departments", DEFAULT_ACCEPTANCE_FILING_DEPARTMENTS),
	):
		if not settings.get(fieldname):
			for function in departments:
				settings.append(fieldname, {"department_function": function})
	if not settings.acceptance_filing_documents:
		for document_type in DEFAULT_ACCEPTANCE_FILING_DOCUMENTS:
			settings.append("acceptance_filing_documents", {"document_type": document_type})
	if not settings.renewal_blocking_grades:
		for grade in DEFAULT_RENEWAL_BLOCKING_GRADES:
			settings.append("renewal_blocking_grades", {"grade": grade})
	if not settings.supervision_fields:
		for row in DEFAULT_SUPERVISION_FIELDS:
			settings.append("supervision_fields", asdict(row))
	settings.flags.ignore_permissions = True
	settings.save()


def use_chinese_locale() -> None:
	"""The desk speaks Chinese and dates follow Beijing time, as the city's staff expect."""
	values = {"language": "zh"}
	if not frappe.db.get_single_value("System Settings", "time_zone"):
		values["time_zone"] = "Asia/Shanghai"
	for key, value in values.items():
		frappe.db.set_single_value("System Settings", key, value)
	frappe.db.set_default("lang", "zh")


def compile_app_translations() -> None:
	compile_translations(APP, force=True)
	clear_translation_cache()


# ---- uninstall: remove what lives outside the app's module (roles, workflows, shares…)


def app_doctypes() -> list[str]:
	return frappe.get_all("DocType", filters={"module": ("in", app_modules())}, pluck="name", limit=0)


def app_modules() -> list[str]:
	return frappe.get_all("Module Def", filters={"app_name": APP}, pluck="name", limit=0)


def before_uninstall() -> None:
	doctypes = app_doctypes()
	forget_workspace()
	delete_records_about(doctypes)
	delete_workflows(doctypes)
	delete_roles()
	frappe.db.delete("User Permission", {"allow": ("in", doctypes)})
	frappe.db.delete("DocShare", {"share_doctype": ("in", doctypes)})
	purge_orphans()  # the permitted roles of the Workflow Actions deleted above
	drop_file_url_index()


def delete_records_about(doctypes: list[str]) -> None:
	"""Framework records that point at our documents would dangle once the tables are gone."""
	if not doctypes:
		return
	for doctype, field in (
		("Comment", "reference_doctype"),
		("Version", "ref_doctype"),
		("ToDo", "reference_type"),
		("Notification Log", "document_type"),
		("Workflow Action", "reference_doctype"),
		("Access Log", "export_from"),
		("Activity Log", "reference_doctype"),
		("File", "attached_to_doctype"),
		("Property Setter", "doc_type"),
		("Custom Field", "dt"),
	):
		frappe.db.delete(doctype, {field: ("in", doctypes)})


def delete_workflows(doctypes: list[str]) -> None:
	from govit_app.workflow.definitions import shipped_action_names, shipped_state_names

	for name in frappe.get_all(
		"Workflow", filters={"document_type": ("in", doctypes)}, pluck="name", limit=0
	):
		frappe.delete_doc("Workflow", name, force=True, ignore_permissions=True)
	still_used_states = set(frappe.get_all("Workflow Document State", pluck="state", distinct=True, limit=0))
	still_used_actions = set(frappe.get_all("Workflow Transition", pluck="action", distinct=True, limit=0))
	for state in shipped_state_names() - still_used_states:
		frappe.delete_doc_if_exists("Workflow State", state, force=True)
	for action in shipped_action_names() - still_used_actions:
		frappe.delete_doc_if_exists("Workflow Action Master", action, force=True)


def delete_roles() -> None:
	roles = list(ALL_ROLES)
	for doctype, field in (("Has Role", "role"), ("Custom DocPerm", "role"), ("DocPerm", "role")):
		frappe.db.delete(doctype, {field: ("in", roles)})
	for role in roles:
		frappe.delete_doc_if_exists("Role", role, force=True)


def leftovers() -> list[str]:
	"""What an uninstall left behind; the test command asserts this is empty."""
	found = []
	for table in frappe.db.get_tables():
		if table.removeprefix("tab") in _our_doctype_names():
			found.append(f"table {table}")
	for role in frappe.get_all("Role", filters={"name": ("in", list(ALL_ROLES))}, pluck="name"):
		found.append(f"Role {role}")
	for wf in frappe.get_all(
		"Workflow", filters={"document_type": ("in", _our_doctype_names())}, pluck="name"
	):
		found.append(f"Workflow {wf}")
	if frappe.db.exists("Module Def", {"app_name": APP}):
		found.append("Module Def GovIT")
	for user in frappe.get_all("User", filters={"default_workspace": WORKSPACE}, pluck="name"):
		found.append(f"User {user} lands in {WORKSPACE}")
	if frappe.db.has_index("tabFile", FILE_URL_INDEX):
		found.append(f"index {FILE_URL_INDEX} on tabFile")
	return found


def _our_doctype_names() -> set[str]:
	"""DocType names from the app's source tree (the DocType records are gone after uninstall)."""
	import json
	from pathlib import Path

	root = Path(frappe.get_app_path(APP))
	names = set()
	for path in root.glob("*/doctype/*/*.json"):
		if path.parent.name == path.stem:
			names.add(json.loads(path.read_text(encoding="utf-8"))["name"])
	return names
