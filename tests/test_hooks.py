"""hooks.py is read by Frappe as a module's globals: a hook assigned twice silently keeps only its
last value (the daily jobs of three chapters once lost two of three this way)."""

import ast
from collections import Counter
from pathlib import Path

HOOKS = Path(__file__).resolve().parent.parent / "govit_app" / "hooks.py"


def assigned_names() -> Counter:
	names = Counter()
	for node in ast.parse(HOOKS.read_text(encoding="utf-8")).body:
		targets = (
			node.targets
			if isinstance(node, ast.Assign)
			else [node.target]
			if isinstance(node, ast.AnnAssign)
			else []
		)
		names.update(target.id for target in targets if isinstance(target, ast.Name))
	return names


def test_each_hook_is_assigned_once():
	assert [name for name, count in assigned_names().items() if count > 1] == []


def test_every_daily_job_is_scheduled():
	namespace: dict = {}
	exec(compile(HOOKS.read_text(encoding="utf-8"), str(HOOKS), "exec"), namespace)
	daily = namespace["scheduler_events"]["daily"]
	for job in (
		"govit_app.deadlines.job.send_deadline_notices",
		"govit_app.govit.doctype.rectification_notice.overdue.mark_overdue",
		"govit_app.govit.doctype.om_self_evaluation.due_dates.refresh_om_due_dates",
		"govit_app.workflow.residue.purge_orphans",
	):
		assert job in daily, job
	# Overdue marks and due dates are brought up to date before the day's notices are sent.
	assert daily.index("govit_app.deadlines.job.send_deadline_notices") > daily.index(
		"govit_app.govit.doctype.om_self_evaluation.due_dates.refresh_om_due_dates"
	)
