"""Expert Review (专家评审意见, Art 10): one expert's scores and conclusion on one declaration.

The Office assigns an expert by creating the review with the expert named (or with the
declaration's 分配评审专家 button): the declaration is shared with the expert read-only and
the review lands in their to-do list. The expert sees only their own reviews, fills in the
scores and submits; when every assigned review is in, `panel` gives the declaration its
result. The rules are in `govit_app.rules.review`.
"""

import frappe
from frappe import _
from frappe.desk.form import assign_to
from frappe.utils import today

from govit_app import roles as R
from govit_app.errors import NotYourStepError, throw
from govit_app.govit.doctype.expert_review.panel import update_panel
from govit_app.permissions.policy import is_classified
from govit_app.rules import review as RV
from govit_app.rules import text
from govit_app.utils.findings import throw_if_blocking
from govit_app.utils.uniqueness import Unique
from govit_app.vocabulary import DeclarationState, ExpertConclusion
from govit_app.workflow.actors import users_with_role
from govit_app.workflow.document import WorkflowDocument

DECLARATION = "Project Declaration"


class ExpertReview(WorkflowDocument):
	process_fields = frozenset({"review_date", "pending_with"})
	unique_by = (
		Unique(
			("project_declaration", "expert"),
			text._("{0} is already assigned to review {1} ({2}); an expert reviews a declaration once."),
			article=10,
		),
	)

	def validate_document(self):
		if self.is_new():
			self.validate_assignment()
		self.validate_scores()
		self.total_score = RV.total_score(self.scores())

	def next_actors(self) -> list[str]:
		"""The assigned expert, until the review is submitted."""
		return [self.expert] if self.expert and self.docstatus == 0 else []

	def before_submit(self):
		self.validate_reviewer()
		self.validate_declaration_under_review()
		self.validate_complete()
		self.review_date = today()

	def after_insert(self):
		self.give_expert_the_declaration()

	def on_submit(self):
		assign_to.close_all_assignments(self.doctype, self.name, ignore_permissions=True)
		if update_panel(self.project_declaration):
			# The last review is in: the Office is told to take 评审通过 / 评审不通过.
			self.run_method("on_panel_concluded")

	def on_trash(self):
		"""The Office withdraws an expert who has not submitted: the others may now be complete."""
		assign_to.remove(self.doctype, self.name, self.expert, ignore_permissions=True)
		share = frappe.share.get_share_name(DECLARATION, self.project_declaration, self.expert, everyone=0)
		if share:
			frappe.delete_doc(
				"DocShare", share, ignore_permissions=True, flags={"ignore_share_permission": True}
			)
		update_panel(self.project_declaration, leaving=self.name)
		super().on_trash()

	def scores(self) -> dict[str, float | None]:
		return {field: self.get(field) for field in RV.SCORE_FIELDS}

	def sheet(self) -> RV.ReviewSheet:
		return RV.ReviewSheet(
			self.scores(), self.conclusion or "", self.recommended_amount, self.opinion or ""
		)

	def declaration(self) -> dict:
		return (
			frappe.db.get_value(
				DECLARATION,
				self.project_declaration,
				[
					"name",
					"project_name",
					"workflow_state",
					"secrecy_level",
					"review_result",
					"estimate_amount",
				],
				as_dict=True,
			)
			or frappe._dict()
		)

	def validate_assignment(self):
		throw_if_blocking(RV.check_blank_assignment(self.sheet()), self.doctype)
		declaration = self.declaration()
		self.validate_declaration_under_review(declaration)
		if is_classified(declaration.secrecy_level):
			throw(
				_(
					"{0} is classified ({1}): experts review it through the secrecy channel, outside this"
					" system (Art 25)."
				).format(frappe.bold(declaration.project_name), declaration.secrecy_level),
				article=25,
				title=_("Classified declaration"),
			)
		if declaration.review_result:
			throw(
				_("The expert review of {0} has concluded ({1}): no expert can be added.").format(
					frappe.bold(declaration.project_name), declaration.review_result
				),
				article=10,
				title=_("Review concluded"),
			)
		if R.EXPERT not in frappe.get_roles(self.expert):
			throw(
				_("{0} is not a review expert (role {1}).").format(frappe.bold(self.expert), _(R.EXPERT)),
				article=10,
				title=_("Not an expert"),
			)

	def validate_declaration_under_review(self, declaration: dict | None = None):
		declaration = declaration or self.declaration()
		if declaration.workflow_state != DeclarationState.UNDER_REVIEW:
			throw(
				_("{0} is {1}: experts review a declaration only while it is {2} (Art 10).").format(
					frappe.bold(declaration.project_name or self.project_declaration),
					_(declaration.workflow_state) if declaration.workflow_state else _("not found"),
					_(DeclarationState.UNDER_REVIEW),
				),
				article=10,
				title=_("Not under review"),
			)

	def validate_scores(self):
		throw_if_blocking(RV.check_scores(self.scores()), self.doctype, title=_("Scores out of range"))

	def validate_reviewer(self):
		if frappe.session.user not in (self.expert, "Administrator"):
			throw(
				_("Only the assigned expert {0} submits this review.").format(frappe.bold(self.expert)),
				article=10,
				exc=NotYourStepError,
			)

	def validate_complete(self):
		if self.conclusion == ExpertConclusion.DISAGREE:
			self.recommended_amount = None
		throw_if_blocking(
			RV.check_complete(self.sheet(), self.declaration().estimate_amount),
			self.doctype,
			title=_("The review is not complete"),
		)

	def give_expert_the_declaration(self):
		"""Share the declaration read-only with the expert and put the review in their to-do list."""
		frappe.share.add_docshare(
			DECLARATION,
			self.project_declaration,
			self.expert,
			read=1,
			flags={"ignore_share_permission": True},
			notify=0,
		)
		assign_to.add(
			{
				"assign_to": [self.expert],
				"doctype": self.doctype,
				"name": self.name,
				"description": _("Please review the declaration {0} (Art 10).").format(self.project_name),
			},
			ignore_permissions=True,
		)


@frappe.whitelist()
def assign_experts(project_declaration: str, experts: list[str] | str) -> list[str]:
	"""The declaration's 分配评审专家 button: one review per expert, all or none."""
	experts = frappe.parse_json(experts) if isinstance(experts, str) else experts
	if not isinstance(experts, list) or not all(isinstance(e, str) for e in experts):
		throw(_("{0}: a list of users is expected.").format(_("Expert")), article=10)
	names = []
	for expert in dict.fromkeys(experts or []):
		review = frappe.get_doc(
			{"doctype": "Expert Review", "project_declaration": project_declaration, "expert": expert}
		)
		names.append(review.insert().name)
	return names


@frappe.whitelist()
def expert_candidates() -> list[dict]:
	"""The experts the Office may assign, for the button's picker."""
	frappe.only_for((R.OFFICE, "System Manager"))
	experts = users_with_role(R.EXPERT)
	names = dict(
		frappe.get_all("User", filters={"name": ("in", experts)}, fields=["name", "full_name"], as_list=True)
	)
	return [{"value": user, "description": names.get(user) or ""} for user in experts]
