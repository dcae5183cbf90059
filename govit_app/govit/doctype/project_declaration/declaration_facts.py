"""Read a Project Declaration (and the records it points at) into the rules' plain facts."""

from datetime import date

import frappe
from frappe.query_builder import Order
from frappe.query_builder.functions import Coalesce
from frappe.utils import flt, getdate

from govit_app import roles as R
from govit_app.govit.doctype.performance_evaluation.performance_evaluation import latest_result
from govit_app.permissions.policy import is_classified
from govit_app.rules.declaration import DeclarationFacts, FundingRow, LinkedProject
from govit_app.rules.declaration_materials import MaterialRow
from govit_app.vocabulary import ProjectNature, ProjectStage, Sanction

PHONE_FIELDS = ("project_leader_phone", "contact_phone")


def declaration_facts(doc, on_date: date) -> DeclarationFacts:
	"""Four small queries at most, whatever the size of the declaration (the round and the unit
	are read from Frappe's document cache, which their saves clear)."""
	window = (
		frappe.get_cached_value(
			"Declaration Round", doc.declaration_round, ["open_date", "close_date", "plan_year"], as_dict=True
		)
		if doc.declaration_round
		else None
	) or frappe._dict()
	function = frappe.get_cached_value("Gov Unit", doc.unit, "department_function") if doc.unit else None
	return DeclarationFacts(
		unit=doc.unit,
		project_nature=doc.project_nature,
		classified_nature=doc.classified_nature or "",
		project_name=doc.project_name or "",
		estimate_amount=None if doc.estimate_amount is None else flt(doc.estimate_amount),
		funding=tuple(
			FundingRow(row.idx, row.source, None if row.amount is None else flt(row.amount), bool(row.proof))
			for row in doc.funding
		),
		start_date=getdate(doc.start_date) if doc.start_date else None,
		end_date=getdate(doc.end_date) if doc.end_date else None,
		phones=tuple((field, doc.get(field)) for field in PHONE_FIELDS),
		it_project=linked_project(doc.it_project),
		secrecy_level=doc.secrecy_level,
		attachments=count_attachments(doc) if is_classified(doc.secrecy_level) else 0,
		is_cross_department=bool(doc.is_cross_department),
		lead_unit=doc.lead_unit,
		participating_units=tuple(row.unit for row in doc.participating_units),
		window_open=getdate(window.open_date) if window.open_date else None,
		window_close=getdate(window.close_date) if window.close_date else None,
		plan_year=window.plan_year,
		on_date=on_date,
		first_submitted_on=getdate(doc.first_submitted_on) if doc.first_submitted_on else None,
		is_in_year_addition=bool(doc.is_in_year_addition),
		unit_is_office=function == R.DEPARTMENT_FUNCTION_BY_ROLE[R.OFFICE],
		centralized_category=doc.centralized_category or "",
		has_standalone_mobile_app=bool(doc.has_standalone_mobile_app),
		deploy_on_gov_cloud=bool(doc.deploy_on_gov_cloud),
		gov_cloud_exception_reason=doc.gov_cloud_exception_reason or "",
		connect_big_data_platform=bool(doc.connect_big_data_platform),
		big_data_exception_reason=doc.big_data_exception_reason or "",
		exception_consented=bool((doc.exception_consent or "").strip()),
		is_video_surveillance=bool(doc.is_video_surveillance),
		mlps_level=doc.mlps_level or "",
		has_crypto_plan=doc.has_crypto_plan or "",
		provided_materials=frozenset(row.material_type for row in doc.materials if row.attachment),
		investment_deferrals=investment_deferrals(doc.unit, window.plan_year or doc.plan_year),
		unit_projects=unit_projects(doc),
	)


def unit_projects(doc) -> tuple[tuple[str, str], ...]:
	"""The unit's projects a new project's name is compared with (Art 24); only a 新建 asks."""
	if not doc.unit or doc.it_project or doc.nature() != ProjectNature.NEW:
		return ()
	project = frappe.qb.DocType("IT Project")
	return tuple(
		frappe.qb.from_(project)
		.select(project.name, project.project_name)
		.where((project.unit == doc.unit) & (Coalesce(project.stage, "") != ProjectStage.TERMINATED))
		.orderby(project.modified, order=Order.desc)
		.run()
	)


def linked_project(name: str | None) -> LinkedProject | None:
	if not name:
		return None
	row = frappe.db.get_value(
		"IT Project",
		name,
		["name", "unit", "latest_grade", "renewal_blocked", "renewal_block_reasons", "latest_evaluation"],
		as_dict=True,
	)
	if not row:
		return None
	return LinkedProject(
		row.name,
		row.unit,
		row.latest_grade or "",
		bool(row.renewal_blocked),
		row.renewal_block_reasons or "",
		latest_result(row.name) if row.latest_evaluation else None,
	)


def attach_values(doc) -> list[str]:
	"""The file URLs named in the declaration's attach fields (funding proofs, materials)."""
	return [url for url in (*(r.proof for r in doc.funding), *(r.attachment for r in doc.materials)) if url]


def count_attachments(doc) -> int:
	attached = 0
	if not doc.is_new():
		attached = frappe.db.count("File", {"attached_to_doctype": doc.doctype, "attached_to_name": doc.name})
	return max(attached, len(attach_values(doc)))


def material_rows_of(doc) -> list[MaterialRow]:
	return [
		MaterialRow(
			row.material_type, bool(row.is_required), row.alternative_group or "", row.attachment or ""
		)
		for row in doc.materials
	]


def investment_deferrals(unit: str | None, plan_year: int | None) -> tuple[str, ...]:
	"""The notices whose 暂缓安排投资计划, in force, holds `unit`'s `plan_year` back (Art 21)."""
	if not (unit and plan_year):
		return ()
	row = frappe.qb.DocType("Rectification Sanction")
	notice = frappe.qb.DocType("Rectification Notice")
	return tuple(
		frappe.qb.from_(row)
		.join(notice)
		.on(notice.name == row.parent)
		.select(row.parent)
		.distinct()
		.where(
			(row.parenttype == "Rectification Notice")
			& (notice.unit == unit)
			& (row.sanction == Sanction.DEFER_INVESTMENT)
			& (row.plan_year == plan_year)
			& row.lifted_on.isnull()
		)
		.run(pluck=True)
	)
