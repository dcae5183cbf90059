"""Gov Unit (单位): the city's departments and units; `competent_unit` builds the Art 8 hierarchy.

The hierarchy is a nested set, so a User Permission on a competent department also
reaches every unit below it (Frappe includes a tree's descendants).
"""

import frappe
from frappe import _
from frappe.utils.nestedset import NestedSet

from govit_app.errors import throw
from govit_app.rules import text
from govit_app.utils.uniqueness import Unique, check_unique


class GovUnit(NestedSet):
	nsm_parent_field = "competent_unit"
	# The unit's name is the record's name: the database keeps it unique.
	unique_by = (
		Unique(("department_function",), text._("{1} is already the unit acting as {0} (Art 4)."), article=4),
	)

	def validate(self):
		self.unit_name = (self.unit_name or "").strip()
		self.validate_competent_unit()
		check_unique(self, self.unique_by)

	def validate_competent_unit(self):
		if not self.competent_unit:
			return
		if self.competent_unit == self.name:
			throw(
				_("{0}: a unit cannot be its own competent department (Art 8).").format(
					_("Competent Department")
				),
				article=8,
				title=_("Invalid hierarchy"),
			)
		if not self.is_new() and self.competent_unit in self.descendant_names():
			throw(
				_("{0}: {1} is already below {2}; choosing it would make a loop (Art 8).").format(
					_("Competent Department"), frappe.bold(self.competent_unit), frappe.bold(self.name)
				),
				article=8,
				title=_("Invalid hierarchy"),
			)

	def descendant_names(self) -> set[str]:
		lft, rgt = frappe.db.get_value("Gov Unit", self.name, ["lft", "rgt"]) or (None, None)
		if not lft:
			return set()
		return set(
			frappe.get_all("Gov Unit", filters={"lft": (">", lft), "rgt": ("<", rgt)}, pluck="name", limit=0)
		)
