from govit_app.permissions.doctypes import child_doctypes, unit_scoped_doctypes
from govit_app.roles import ALL_ROLES
from govit_app.workflow.definitions import shipped_action_names, shipped_state_names, shipped_workflows

app_name = "govit_app"
app_title = "GovIT"
app_publisher = "govit_app developers"
app_description = "泰兴市市级政务信息化项目建设管理：申报、评审、计划、立项、建设、验收、运维、监督与绩效评价"
app_email = "govit@example.org"
app_license = "MIT"

# DocTypes whose records belong to a unit (a `unit` field): the permission hooks keep them with
# their unit and, when classified, with their unit, the Office and Secrecy (Art 25), even where
# Frappe ignores User Permissions. Expert Review has its own readers (Art 10), the resource catalogue its own (Art 6).
UNIT_SCOPED_DOCTYPES = unit_scoped_doctypes(
	excluding=("Expert Review", "Information Resource", "Information Resource Request")
)

# Configuration shipped as data, editable in the desk (DESIGN §6).
fixtures = [
	{"dt": "Role", "filters": [["name", "in", list(ALL_ROLES)]]},
	{"dt": "Workflow", "filters": [["name", "in", [wf["name"] for wf in shipped_workflows()]]]},
	{"dt": "Workflow State", "filters": [["name", "in", sorted(shipped_state_names())]]},
	{"dt": "Workflow Action Master", "filters": [["name", "in", sorted(shipped_action_names())]]},
]

before_install = "govit_app.install.before_install"
# after_install also runs the print formats' install step, inside its all-or-nothing guard.
after_install = "govit_app.install.after_install"
after_sync = "govit_app.install.after_sync"
after_migrate = ["govit_app.install.after_migrate", "govit_app.print_formats.setup.after_install_or_migrate"]
before_uninstall = "govit_app.install.before_uninstall"

permission_query_conditions = {
	doctype: "govit_app.permissions.hooks.query_conditions" for doctype in UNIT_SCOPED_DOCTYPES
}
has_permission = {doctype: "govit_app.permissions.hooks.has_permission" for doctype in UNIT_SCOPED_DOCTYPES}
# An expert sees only the reviews assigned to them (Art 10).
permission_query_conditions["Expert Review"] = "govit_app.permissions.expert_review.query_conditions"
has_permission["Expert Review"] = "govit_app.permissions.expert_review.has_permission"
# A file attached to such a record is read through the record, whoever owns the File row.
permission_query_conditions["File"] = "govit_app.security.files.query_conditions"
has_permission["File"] = "govit_app.security.files.has_permission"
# A child table's rows are listed only for parents the user may read (Frappe lists every
# parent's; a single row is checked by the request guard, as Frappe asks no hook for it).
for _child in child_doctypes():
	permission_query_conditions[_child] = "govit_app.permissions.hooks.child_query_conditions"
# The resource catalogue is open to every unit; each unit keeps its own entries (Art 6, 25).
permission_query_conditions["Information Resource"] = (
	"govit_app.permissions.catalogue.resource_query_conditions"
)
has_permission["Information Resource"] = "govit_app.permissions.catalogue.resource_has_permission"
permission_query_conditions["Information Resource Request"] = (
	"govit_app.permissions.catalogue.request_query_conditions"
)
has_permission["Information Resource Request"] = "govit_app.permissions.catalogue.request_has_permission"

# The desk's JS reads the state, stage and option names from here (frappe.boot.govit).
boot_session = "govit_app.boot.boot_session"

# Form scripts shared between DocTypes: the reason asked for every 退回修改, the Office's
# 分配评审专家 button (Art 10) and the 会签 / 会商 button of each department (Art 4, 13).
doctype_js = {
	"Project Declaration": ["public/js/workflow_reason.js", "public/js/project_declaration_review.js"],
	"Annual Plan": ["public/js/workflow_reason.js", "public/js/countersign.js"],
	"Supplementary Request": "public/js/countersign.js",
	"Contract Filing": "public/js/reasoned_actions.js",
	"Trial Operation Filing": "public/js/reasoned_actions.js",
	"Acceptance Filing": "public/js/countersign.js",
	"Acceptance Extension": "public/js/reasoned_actions.js",
	"Information Resource": "public/js/units.js",
	"Information Resource Request": "public/js/units.js",
}

# Every change of a document: a save, a submit (its project may be made meanwhile), a cancel, a deletion.
FACT_EVENTS = ("on_update", "on_submit", "on_cancel", "on_update_after_submit", "after_delete")
doc_events = {
	# Every new desk user lands in the workspace 政务信息化项目管理 (utils/landing.py).
	"User Permission": {
		"after_insert": "govit_app.permissions.sharing.on_user_permission_change",
		"on_trash": "govit_app.permissions.sharing.on_user_permission_change",
	},
	# Frappe lets a share open what every hook refused: no share of a classified record (Art 25).
	"DocShare": {"validate": "govit_app.permissions.hooks.validate_share"},
	# 项目台账's facts follow the documents they are copied from (it_project/facts.py); the sources'
	# DocTypes, checked against facts.SOURCE_DOCTYPES by a test.
	**{
		doctype: {event: "govit_app.govit.doctype.it_project.facts.on_change" for event in FACT_EVENTS}
		for doctype in (
			"Project Declaration",
			"Annual Plan",
			"Project Approval",
			"Contract Filing",
			"Acceptance Filing",
			"Rectification Notice",
		)
	},
	# Art 25 and the attachment limits of GovIT Settings, however a file arrives.
	# A file stays with the record it was first attached to; no active content (issue 8).
	"File": {
		"validate": ["govit_app.utils.attachments.validate_file", "govit_app.security.files.validate_file"]
	},
	# A stored card or chart names columns, never SQL (anyone may create one in Frappe).
	"Number Card": {"validate": "govit_app.security.lists.validate_number_card"},
	"Dashboard Chart": {"validate": "govit_app.security.lists.validate_dashboard_chart"},
	# Frappe makes the first system user System Manager; a GovIT member never gets it that way.
	# New users land in the workspace 政务信息化项目管理 (first login).
	"User": {
		"before_insert": "govit_app.utils.landing.set_default_workspace",
		"before_validate": "govit_app.security.users.remember_roles",
		"validate": "govit_app.security.users.keep_system_manager_off",
	},
}

# Printing (DESIGN §4): amounts in capitals in print formats; GovIT print formats' PDFs by
# our WeasyPrint renderer with local CJK fonts, every other format by Frappe.
jinja = {
	"methods": ["govit_app.rules.amounts.amount_in_capitals", "govit_app.boot.govit_vocabulary"],
	"filters": ["govit_app.rules.amounts.amount_in_capitals", "govit_app.utils.print_text.plain_text"],
}
# Every request is checked before Frappe runs it; what reaches the client of a failed one is
# stripped of database texts (issue 8: govit_app/security).
before_request = ["govit_app.security.request_guard.before_request"]
after_request = ["govit_app.security.responses.after_request"]
override_whitelisted_methods = {
	"frappe.utils.print_format.download_pdf": "govit_app.print_formats.download.download_pdf",
	# Frappe answers these without asking whether the user may read the rows they count or name.
	"frappe.client.get_count": "govit_app.security.endpoints.get_count",
	"frappe.client.validate_link": "govit_app.security.endpoints.validate_link",
	"frappe.desk.search.get_link_title": "govit_app.security.endpoints.get_link_title",
	"frappe.desk.listview.get_group_by_count": "govit_app.security.endpoints.get_group_by_count",
}

# Once a day, in this order: notices left unanswered past their deadline become 逾期未整改 (Art 21);
# each project in operation gets the due date of the O&M self-evaluation it owes next (Art 20);
# then the deadlines keep themselves (Art 16, 19): reminders before, alerts after, in working days;
# and what deletions outside a document's on_trash left in Frappe's workflow tables goes.
scheduler_events = {
	"daily": [
		"govit_app.govit.doctype.rectification_notice.overdue.mark_overdue",
		"govit_app.govit.doctype.om_self_evaluation.due_dates.refresh_om_due_dates",
		"govit_app.deadlines.job.send_deadline_notices",
		"govit_app.workflow.residue.purge_orphans",
	],
}
