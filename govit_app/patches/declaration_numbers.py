"""The official number of a declaration moves into its own field (申报编号); names become provisional.

Until now a declaration was named SB-<year>-<n> when created, and deleting the newest draft gave
its name (and its history) to the next one. A declaration handed in before keeps its name as its
number. A draft never handed in carried a name that looked like a number it never had: it gets a
provisional name (its history follows), so that only official numbers look like one. The Series
rows stay past every name ever given (patch declaration_series_per_year), so none is reissued.
"""

import frappe
from frappe.model.naming import make_autoname

DT = "Project Declaration"
DRAFT = "草稿"


def execute() -> None:
	table = frappe.qb.DocType(DT)
	handed_in = (table.submitted_on.isnotnull()) | (table.docstatus != 0) | (table.workflow_state != DRAFT)
	named_as_number = table.name.like("SB-%")
	frappe.qb.update(table).set(table.declaration_no, table.name).where(
		named_as_number & handed_in & table.declaration_no.isnull()
	).run()
	drafts = frappe.qb.from_(table).select(table.name).where(named_as_number & table.declaration_no.isnull())
	for name in drafts.run(pluck=True):
		frappe.rename_doc(DT, name, make_autoname("hash", DT), force=True, show_alert=False)
