"""Gov Unit (单位): the city's departments and units; `competent_unit` builds the Art 8 hierarchy.

The hierarchy is a nested set, so a User Permission on a competent department also
reaches every unit below it (Frappe includes a tree's descendants).
"""

import frappe
from frappe import _
from frappe.utils.nestedset import NestedSet


class GovUnit(NestedSet):
	nsm_parent_field = "competent_unit"

	def validate(self):
		self.validate_unique_name()
		self.validate_competent_unit()
		self.validate_unique_department_function()

	def validate_unique_name(self):
		name = (self.unit_name or "").strip()
		self.unit_name = name
		existing = frappe.db.get_value("Gov Unit", {"unit_name": name})
		if existing and (self.is_new() or existing != self.name):
			frappe.throw(
				_("{0}: a unit named {1} already exists.").format(_("Unit Name"), frappe.bold(name)),
				frappe.DuplicateEntryError,
				title=_("Duplicate unit"),
			)

	def validate_competent_unit(self):
		if not self.competent_unit:
			return
		if self.competent_unit == self.name:
			frappe.throw(
				_("{0}: a unit cannot be its own competent department (Art 8).").format(
					_("Competent Department")
				),
				title=_("Invalid hierarchy"),
			)
		if not self.is_new() and self.competent_unit in self.descendant_names():
			frappe.throw(
				_("{0}: {1} is already below {2}; choosing it would make a loop (Art 8).").format(
					_("Competent Department"), frappe.bold(self.competent_unit), frappe.bold(self.name)
				),
				title=_("Invalid hierarchy"),
			)

	def validate_unique_department_function(self):
		if not self.department_function:
			return
		other = frappe.db.get_value(
			"Gov Unit", {"department_function": self.department_function, "name": ("!=", self.name)}
		)
		if other:
			frappe.throw(
				_("{0}: {1} is already the unit acting as {2}.").format(
					_("Department Function"), frappe.bold(other), frappe.bold(self.department_function)
				),
				title=_("Duplicate department"),
			)

	def descendant_names(self) -> set[str]:
		lft, rgt = frappe.db.get_value("Gov Unit", self.name, ["lft", "rgt"]) or (None, None)
		if not lft:
			return set()
		return set(
			frappe.get_all("Gov Unit", filters={"lft": (">", lft), "rgt": ("<", rgt)}, pluck="name", limit=0)
		)
