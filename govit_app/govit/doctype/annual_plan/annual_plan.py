"""Annual Plan (年度政务信息化项目建设计划, Art 10-11): drawn up by the Office, countersigned by
the departments of Art 4, deliberated and published by the Leading Group.

The rules are in `govit_app.rules.plan` and `govit_app.rules.countersign`; this controller
reads the facts, keeps the derived fields and lets the workflow move only as they allow.
"""

import frappe
from frappe import _
from frappe.model.document import Document
from frappe.utils import today

from govit_app import roles as R
from govit_app.govit.doctype.annual_plan.candidates import candidates, declarations
from govit_app.govit.doctype.annual_plan.publication import enter_plan
from govit_app.rules import countersign as C
from govit_app.rules import plan as P
from govit_app.rules.declaration import needs_approval
from govit_app.utils.findings import render, throw_if_blocking
from govit_app.utils.settings import get_settings
from govit_app.workflow import countersign
from govit_app.workflow.actors import users_with_role
from govit_app.workflow.guards import (
	TracksTransition,
	changed_fields,
	check_self_approval,
	check_state_editor,
)

# Fields the process fills in; the plan's content is frozen outside 编制中.
PROCESS_FIELDS = {
	"workflow_state",
	"title",
	"total_amount",
	"findings",
	"countersigns",
	"all_countersigned",
	"return_opinion",
	"published_on",
	"pending_with",
}
# What is recorded while the Leading Group deliberates (Art 11): its minutes, the issuing number.
DELIBERATION_FIELDS = {"leading_group_meeting", "document_no"}


class AnnualPlan(TracksTransition, Document):
	initial_state = P.DRAFTING

	def onload(self):
		self.set_onload("may_countersign", countersign.may_decide_now(self))

	def validate(self):
		self.set_transition()
		check_state_editor(self)
		check_self_approval(self)
		countersign.check_rows_unchanged(self)
		self.validate_frozen_content()
		self.validate_unique_year()
		self.title = f"{self.plan_year}年度政务信息化项目建设计划"  # the document's official title
		if self.from_state == P.DRAFTING and self.docstatus == 0:
			self.set_items_from_declarations()
		self.set_total_and_findings()
		self.set_all_countersigned()
		self.validate_transition()
		self.record_transition()

	def on_update(self):
		refused = C.refusal_summary(countersign.decisions(self)) if self.flags.decided_row else ""
		if refused:
			self.return_for_changes(refused)
		elif self.from_state != self.to_state and self.to_state == P.DRAFTING:
			self.run_method("on_return")

	def on_submit(self):
		enter_plan(self.items)

	def assert_open_for_decisions(self):
		if self.workflow_state != P.COUNTERSIGNING:
			frappe.throw(
				_("The plan is {0}: departments countersign it while it is {1} (Art 4).").format(
					frappe.bold(_(self.workflow_state)), _(P.COUNTERSIGNING)
				),
				title=_("Not countersigning"),
			)

	def validate_frozen_content(self):
		if self.from_state == P.DRAFTING or self.is_new():
			return
		allowed = PROCESS_FIELDS | (DELIBERATION_FIELDS if self.from_state == P.DELIBERATION else set())
		changed = changed_fields(self, allowed)
		if changed:
			frappe.throw(
				_("The plan is {0}: {1} can no longer be changed; it is changed while {2}.").format(
					frappe.bold(_(self.from_state)), "、".join(changed), _(P.DRAFTING)
				),
				title=_("Plan frozen"),
			)

	def validate_unique_year(self):
		existing = frappe.db.get_value(self.doctype, {"plan_year": self.plan_year, "name": ("!=", self.name)})
		if existing:
			frappe.throw(
				_(
					"There is already an annual plan for {0}: {1}. A year has one plan; an in-year addition is"
					" a Supplementary Request (Art 13)."
				).format(self.plan_year, frappe.bold(existing)),
				frappe.DuplicateEntryError,
				title=_("Plan exists"),
			)

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
			row = rows[item.project_declaration]
			item.update(
				{
					"project_name": row.project_name,
					"unit": row.unit,
					"it_project": row.it_project,
					"project_nature": row.project_nature,
					"recommended_amount": row.recommended_amount,
					"needs_approval": needs_approval(row.project_nature, item.approved_amount, settings),
					"is_supplementary": 0,
					"supplementary_request": None,
				}
			)

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

	def set_all_countersigned(self):
		"""The workflow's condition onward from 会签中 (`doc.all_countersigned`), kept by the controller."""
		self.flags.missing_countersigns = C.missing_departments(
			get_settings().plan_countersign_departments, countersign.decisions(self)
		)
		self.all_countersigned = int(bool(self.countersigns) and not self.flags.missing_countersigns)

	def validate_transition(self):
		findings = P.check_transition(
			P.PlanTransition(
				self.from_state,
				self.to_state,
				item_count=len(self.items),
				missing_countersigns=tuple(self.flags.missing_countersigns),
				leading_group_meeting=self.leading_group_meeting or "",
			)
		)
		throw_if_blocking(
			findings, self.doctype, title=_("The plan cannot go on to {0}").format(_(self.to_state))
		)

	def record_transition(self):
		"""Countersign rows for a new round, the publication date, and who acts next (they are told)."""
		if self.from_state == self.to_state and not self.flags.decided_row:
			return
		if self.to_state == P.COUNTERSIGNING and self.from_state == P.DRAFTING:
			self.set("countersigns", countersign.fresh_rows(get_settings().plan_countersign_departments))
			self.all_countersigned = 0
			self.return_opinion = None
		if self.to_state == P.PUBLISHED:
			self.published_on = today()
		self.set("pending_with", [{"user": user} for user in self.next_actors()])

	def next_actors(self) -> list[str]:
		if self.to_state == P.COUNTERSIGNING and not self.all_countersigned:
			return countersign.users_deciding(self)
		if self.to_state == P.DELIBERATION:
			return users_with_role(R.LEADING_GROUP)
		if self.to_state == P.PUBLISHED:
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

	def return_for_changes(self, opinion: str):
		"""A department did not agree: the plan goes back to the Office with its opinion (Art 4)."""
		self.flags.states = (P.COUNTERSIGNING, P.DRAFTING)
		self.set("pending_with", [{"user": user} for user in self.next_actors()])
		self.update_child_table("pending_with")
		self.db_set(
			{"workflow_state": P.DRAFTING, "return_opinion": opinion, "all_countersigned": 0}, notify=True
		)
		self.add_comment("Workflow", _(P.DRAFTING))
		self.run_method("on_return")


@frappe.whitelist()
def pull_declarations(name: str) -> dict:
	"""编制中: add every declaration of the plan year that passed the review and may enter (Art 10, 18).

	Returns the added declarations and, for each one left out, why.
	"""
	plan = frappe.get_doc("Annual Plan", name)
	plan.check_permission("write")
	if plan.workflow_state != P.DRAFTING:
		frappe.throw(
			_("Declarations are pulled in while the plan is {0}.").format(_(P.DRAFTING)),
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
				"priority": "中",
			},
		)
		added.append(candidate.declaration)
	if added:
		plan.save()
	return {"added": added, "skipped": skipped}
