"""逾期未整改 (Art 21, DESIGN rule 13): the daily job that marks notices left unanswered past their deadline.

A notice waiting for its report (待整改) whose deadline has passed becomes 逾期未整改 with the
day it became so, in a constant number of queries however many notices there are (one read,
one update, one insert of a Version per notice, `workflow.stages.set_values`). A rerun the
same day finds nothing left to mark.
"""

import frappe
from frappe.utils import getdate

from govit_app.govit.doctype.rectification_notice.rectification_notice import DT
from govit_app.vocabulary import RectificationState
from govit_app.workflow.stages import set_values


def mark_overdue() -> list[str]:
	"""The notices marked today (the deadline is the last day to answer)."""
	today = getdate()
	names = frappe.get_all(
		DT, filters={"status": RectificationState.OPEN, "deadline": ("<", today)}, pluck="name", limit=0
	)
	set_values(DT, {name: {"status": RectificationState.OVERDUE, "overdue_on": today} for name in names})
	return names
