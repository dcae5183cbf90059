"""Information Resource (政务信息资源目录, Art 6): a resource a unit's project holds, and how it is shared.

Every unit reads the catalogue to find what it may ask for; the resource's own unit keeps its
entry (`permissions.catalogue`). The rules are in `govit_app.rules.resources`.
"""

import frappe
from frappe import _

from govit_app.errors import NotYourStepError, throw
from govit_app.permissions.hooks import user_units
from govit_app.permissions.policy import acts_for
from govit_app.rules.resources import check_resource
from govit_app.utils.findings import throw_if_blocking
from govit_app.workflow.document import WorkflowDocument


class InformationResource(WorkflowDocument):
	def validate_document(self):
		self.unit = frappe.db.get_value("IT Project", self.it_project, "unit")
		if not self.acts_as_process():
			assert_acts_for(self.unit, _("Only {0} keeps the catalogue entries of its projects (Art 6)."))
		throw_if_blocking(check_resource(self.share_type, self.share_conditions), self.doctype)


def assert_acts_for(unit: str | None, message: str) -> None:
	"""The session user acts for `unit` (or is the Office); `message` names the unit as {0}."""
	user = frappe.session.user
	if not acts_for(frappe.get_roles(user), user_units(user), unit):
		throw(
			message.format(frappe.bold(unit or "")), article=6, exc=NotYourStepError, title=_("Not your unit")
		)
