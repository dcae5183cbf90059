"""Video Technical Review (公共安全视频图像技术审查, Art 4, 18): the Public Security Bureau's
review of a public security video image project, which the annual plan waits for. After a
不通过 it is done again; the newest submitted review decides and the earlier ones stay."""

import frappe
from frappe import _
from frappe.utils import today

from govit_app.errors import throw
from govit_app.rules.plan import TechnicalReview, check_new_technical_review, is_video_project
from govit_app.utils.findings import throw_if_blocking
from govit_app.workflow.document import WorkflowDocument


class VideoTechnicalReview(WorkflowDocument):
	process_fields = frozenset({"reviewed_by", "review_date"})

	def validate_document(self):
		if self.is_new():
			self.validate_video_project()
			self.validate_previous_reviews()

	def validate_previous_reviews(self):
		previous = frappe.get_all(
			self.doctype,
			filters={"project_declaration": self.project_declaration, "docstatus": ("<", 2)},
			fields=["name", "docstatus", "result"],
			order_by="creation asc",
		)
		throw_if_blocking(
			check_new_technical_review(
				self.project_declaration,
				[TechnicalReview(row.name, row.docstatus == 1, row.result or "") for row in previous],
			),
			self.doctype,
			title=_("No new technical review"),
		)

	def before_submit(self):
		self.reviewed_by = frappe.session.user
		self.review_date = today()

	def validate_video_project(self):
		declaration = frappe.db.get_value(
			"Project Declaration",
			self.project_declaration,
			["project_name", "is_video_surveillance", "project_category"],
			as_dict=True,
		)
		if declaration and not is_video_project(
			declaration.is_video_surveillance, declaration.project_category
		):
			throw(
				_(
					"{0} is not a public security video image project: only those need the Public Security"
					" Bureau's technical review (Art 18)."
				).format(frappe.bold(declaration.project_name)),
				article=18,
				title=_("No technical review needed"),
			)
