"""Annual Plan (年度政务信息化项目建设计划, Art 10-11): drawn up by the Office, countersigned by
the departments of Art 4, deliberated and published by the Leading Group.

The rules are in `govit_app.rules.plan` and `govit_app.rules.countersign`; this controller
reads the facts, keeps the derived fields and lets the workflow move only as they allow.
A department that does not agree returns the plan through the workflow's 退回修改; an
in-year supplementary project joins the published plan through `add_supplementary_item`.
"""

import frappe
from frappe import _
from frappe.model.workflow import apply_workflow
from frappe.utils import today

from govit_app import roles as R
from govit_app.errors import throw
from govit_app.govit.doctype.annual_plan.candidates import candidates, declarations, plan_item_values
from govit_app.govit.doctype.annual_plan.publication import enter_plan
from govit_app.rules import countersign as C
from govit_app.rules import plan as P
from govit_app.utils.findings import render, throw_if_blocking
from govit_app.utils.settings import get_settings
from govit_app.vocabulary import Decision, PlanAction, Priority
from govit_app.vocabulary import PlanState as S
from govit_app.workflow import countersign
from govit_app.workflow.actors import users_with_role
from govit_app.workflow.document import WorkflowDocument
from govit_app.workflow.reasons import record_reason, show_reason


class AnnualPlan(WorkflowDocument):
	initial_state = S.DRAFTING
	process_fields = frozenset(
		{
			"countersigns",
			"all_countersigned",
			"has_refusal",
			"return_opinion",
			"reasons",
			"published_on",
			"pending_with",
		}
	)
	# What is recorded while the Leading Group deliberates (Art 11): its minutes, the issuing number.
	recorded_in_state = {S.DELIBERATION: frozenset({"leading_group_meeting", "document_no"})}
	# One plan a year: its name (JH-{plan_year}) is the database key.
	frozen_article = 11

	def onload(self):
		self.set_onload("may_countersign", countersign.may_decide_now(self))

	def validate_document(self):
		self.title = f"{self.plan_year}年度政务信息化项目建设计划"  # the document's official title
		if self.from_state == S.DRAFTING and self.docstatus == 0:
			self.set_items_from_declarations()
		self.set_total_and_findings()
		self.set_countersign_state()
		self.validate_transition()

	def validate_after_submit(self):
		if not self.flags.process_step:
			throw(
				_("The published plan changes only through a Supplementary Request (Art 13)."),
				article=13,
				exc=frappe.PermissionError,
			)
		self.set_total_and_findings()

	def on_update(self):
		if self.is_transition and self.to_state == S.DRAFTING:
			self.run_method("on_return")

	def on_change(self):
		show_reason(self)

	def on_submit(self):
		enter_plan(self.plan_year, self.name, self.items)

	def assert_open_for_decisions(self):
		if self.workflow_state != S.COUNTERSIGNING:
			throw(
				_("The plan is {0}: departments countersign it while it is {1} (Art 4).").format(
					frappe.bold(_(self.workflow_state)), _(S.COUNTERSIGNING)
				),
				article=4,
				title=_("Not countersigning"),
			)

	def after_decision(self, decision: str) -> None:
		"""A department that does not agree returns the plan to the Office (Art 4), as a workflow step."""
		if decision == Decision.DISAGREE:
			self.flags.ignore_permissions = True  # the department reads the plan; the step is its to take
			self.flags.step_action = PlanAction.RETURN
			self.flags.step_reason = C.refusal_summary(countersign.decisions(self))
			apply_workflow(self, PlanAction.RETURN)

	def set_items_from_declarations(self):
		"""Rows are declarations that passed the review; what the row shows comes from them."""
		rows = declarations(names=[item.project_declaration for item in self.items])
		found = candidates(rows, self.name)
		items = [P.PlanItem(item.idx, item.project_declaration, item.approved_amount) for item in self.items]
		throw_if_blocking(
			P.check_items(items, found, self.plan_year), self.doctype, title=_("Please correct the plan")
		)
		settings = get_settings()
		for item in self.items:
			item.update(plan_item_values(rows[item.project_declaration], item.approved_amount, settings))

	def set_total_and_findings(self):
		self.total_amount = round(sum(item.approved_amount or 0 for item in self.items), 2)
		findings = P.check_budget(self.total_amount, self.budget_amount)
		self.set(
			"findings",
			[
				{"article": f.article, "severity": f.severity, "message": render(f, self.doctype)}
				for f in findings
			],
		)
		for row in self.findings:
			frappe.msgprint(row.message, title=_("Plan above budget"), indicator="orange")

	def set_countersign_state(self):
		"""The workflow's conditions from 会签中: `doc.all_countersigned` onward, `doc.has_refusal` back."""
		rows = countersign.decisions(self)
		self.flags.missing_countersigns = C.missing_departments(
			get_settings().plan_countersign_departments, rows
		)
		self.all_countersigned = int(bool(self.countersigns) and not self.flags.missing_countersigns)
		self.has_refusal = int(bool(C.refusals(rows)))

	def validate_transition(self):
		findings = P.check_transition(
			P.PlanTransition(
				self.from_state,
				self.to_state,
				item_count=len(self.items),
				missing_countersigns=tuple(self.flags.missing_countersigns),
				leading_group_meeting=self.leading_group_meeting or "",
				reason=self.flags.step_reason or "",
			)
		)
		throw_if_blocking(
			findings, self.doctype, title=_("The plan cannot go on to {0}").format(_(self.to_state))
		)

	def record_transition(self):
		"""Countersign rows for a new round, the refusals kept as the return opinion, the publication date."""
		if self.from_state == S.DRAFTING and self.to_state == S.COUNTERSIGNING:
			self.set("countersigns", countersign.fresh_rows(get_settings().plan_countersign_departments))
			self.all_countersigned = self.has_refusal = 0
			self.return_opinion = None
		if self.to_state == S.DRAFTING and self.from_state != S.DRAFTING:
			# A department's refusal (Art 4) or the Leading Group's return (Art 11), kept with its reason.
			self.return_opinion = record_reason(self)
		if self.to_state == S.PUBLISHED:
			self.published_on = today()

	def next_actors(self) -> list[str]:
		if self.to_state == S.COUNTERSIGNING and not self.all_countersigned and not self.has_refusal:
			return countersign.users_deciding(self)
		if self.to_state == S.DELIBERATION:
			return users_with_role(R.LEADING_GROUP)
		if self.to_state == S.PUBLISHED:
			return self.users_told_of_publication()
		# 编制中, or 会签中 with every department agreed: the Office takes the next step.
		return users_with_role(R.OFFICE)

	def users_told_of_publication(self) -> list[str]:
		"""The units whose projects are in the plan, and the NDRC when some need its approval (Art 12)."""
		units = sorted({item.unit for item in self.items if item.unit})
		users = set(users_with_role(R.UNIT_USER, units))
		if any(item.needs_approval for item in self.items):
			users.update(users_with_role(R.NDRC))
		return sorted(users)

	def add_supplementary_item(self, request) -> None:
		"""Art 13 ¶2: the consulted departments agreed, so the project joins this published plan.

		The plan's invariants hold: one row per declaration, the total and the budget finding
		follow, and the change is the plan's own (Version, modified_by, timeline).
		"""
		if self.docstatus != 1:
			throw(
				_("{0} is not published: a supplementary project joins a published plan (Art 13).").format(
					self.name
				),
				article=13,
			)
		if any(item.project_declaration == request.project_declaration for item in self.items):
			throw(
				_("{0} is already in the annual plan {1}.").format(request.project_declaration, self.name),
				article=13,
			)
		row = declarations(names=[request.project_declaration])[request.project_declaration]
		item = self.append(
			"items",
			{
				"project_declaration": request.project_declaration,
				"priority": Priority.HIGH,
				**plan_item_values(row, request.requested_amount, get_settings(), request.name),
			},
		)
		self.flags.process_step = True
		self.flags.ignore_permissions = True
		# Frappe freezes a submitted document's fields; this step is the plan's own supplement.
		self.flags.ignore_validate_update_after_submit = True
		self.save()
		self.add_comment(
			"Info",
			_("Supplementary item {0} ({1}) added after the consultation {2} (Art 13).").format(
				row.project_name, request.project_declaration, request.name
			),
		)
		enter_plan(self.plan_year, self.name, [item])


@frappe.whitelist()
def pull_declarations(name: str) -> dict:
	"""编制中: add every declaration of the plan year that passed the review and may enter (Art 10, 18).

	Returns the added declarations and, for each one left out, why.
	"""
	plan = frappe.get_doc("Annual Plan", name)
	plan.check_permission("write")
	if plan.workflow_state != S.DRAFTING:
		throw(
			_("Declarations are pulled in while the plan is {0}.").format(_(S.DRAFTING)),
			article=10,
			title=_("Plan frozen"),
		)
	rows = declarations(plan_year=plan.plan_year)
	present = {item.project_declaration for item in plan.items}
	added, skipped = [], []
	for candidate in candidates(rows, plan.name).values():
		if candidate.declaration in present:
			continue
		reasons = P.check_candidate(candidate, plan.plan_year)
		if reasons:
			skipped += [render(f, plan.doctype) for f in reasons]
			continue
		plan.append(
			"items",
			{
				"project_declaration": candidate.declaration,
				"approved_amount": candidate.recommended_amount,
				"priority": Priority.MEDIUM,
			},
		)
		added.append(candidate.declaration)
	if added:
		plan.save()
	return {"added": added, "skipped": skipped}
