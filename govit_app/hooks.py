from govit_app.roles import ALL_ROLES
from govit_app.workflow.definitions import shipped_action_names, shipped_state_names, shipped_workflows

app_name = "govit_app"
app_title = "GovIT"
app_publisher = "govit_app developers"
app_description = "泰兴市市级政务信息化项目建设管理：申报、评审、计划、立项、建设、验收、运维、监督与绩效评价"
app_email = "govit@example.org"
app_license = "MIT"

# DocTypes whose records belong to a unit: they carry `unit` and `secrecy_level`, and the
# permission hooks keep classified ones with their unit, the Office and Secrecy (Art 25).
UNIT_SCOPED_DOCTYPES = (
	"IT Project",
	"Project Declaration",
	"Performance Evaluation",
	"Rectification Notice",
	"OM Self Evaluation",
)

# Configuration shipped as data, editable in the desk (DESIGN §6).
fixtures = [
	{"dt": "Role", "filters": [["name", "in", list(ALL_ROLES)]]},
	{"dt": "Workflow", "filters": [["name", "in", [wf["name"] for wf in shipped_workflows()]]]},
	{"dt": "Workflow State", "filters": [["name", "in", sorted(shipped_state_names())]]},
	{"dt": "Workflow Action Master", "filters": [["name", "in", sorted(shipped_action_names())]]},
]

after_install = ["govit_app.install.after_install", "govit_app.print_formats.setup.after_install_or_migrate"]
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
# The resource catalogue is open to every unit; each unit keeps its own entries (Art 6, 25).
permission_query_conditions["Information Resource"] = "govit_app.permissions.hooks.query_conditions"
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
	"Project Declaration": ["public/js/return_for_changes.js", "public/js/project_declaration_review.js"],
	"Annual Plan": ["public/js/return_for_changes.js", "public/js/countersign.js"],
	"Supplementary Request": "public/js/countersign.js",
	"Information Resource": "public/js/units.js",
	"Information Resource Request": "public/js/units.js",
}

doc_events = {
	"User Permission": {
		"after_insert": "govit_app.permissions.sharing.on_user_permission_change",
		"on_trash": "govit_app.permissions.sharing.on_user_permission_change",
	},
	# Art 25 and the attachment limits of GovIT Settings, however a file arrives.
	"File": {"validate": "govit_app.utils.attachments.validate_file"},
}

# Printing (DESIGN §4): amounts in capitals in print formats; GovIT print formats' PDFs by
# our WeasyPrint renderer with local CJK fonts, every other format by Frappe.
jinja = {
	"methods": ["govit_app.rules.amounts.amount_in_capitals", "govit_app.boot.govit_vocabulary"],
	"filters": ["govit_app.rules.amounts.amount_in_capitals", "govit_app.utils.print_text.plain_text"],
}
override_whitelisted_methods = {
	"frappe.utils.print_format.download_pdf": "govit_app.print_formats.download.download_pdf",
}

# Once a day: notices left unanswered past their deadline become 逾期未整改 (Art 21); each project
# in operation gets the due date of the O&M self-evaluation it owes next (Art 20).
scheduler_events = {
	"daily": [
		"govit_app.govit.doctype.rectification_notice.overdue.mark_overdue",
		"govit_app.govit.doctype.om_self_evaluation.due_dates.refresh_om_due_dates",
	],
}
