"""绩效评价结果 (Art 23, 24): every submitted performance evaluation the reader may see, by year,
unit and grade, with the grade distribution as a chart and whether each evaluation bars a
renewal. One query whatever the number of evaluations; permissions as in the list view."""

import frappe
from frappe import _

from govit_app.rules.evaluation import SCORE_FIELDS
from govit_app.utils.reports import units_under
from govit_app.vocabulary import Grade

DT = "Performance Evaluation"


@frappe.read_only()
def execute(filters: dict | None = None):
	filters = frappe._dict(filters or {})
	rows = frappe.get_list(
		DT,
		filters=conditions(filters),
		fields=[
			"name",
			"evaluation_year",
			"unit",
			"it_project",
			"project_name",
			*SCORE_FIELDS,
			"total_score",
			"grade",
			"data_shared",
			"cloud_usage_reasonable",
			"bars_renewal",
			"evaluation_method",
			"evaluator",
		],
		order_by="evaluation_year desc, total_score desc",
		limit_page_length=0,
	)
	return columns(), rows, None, chart(rows), summary(rows)


def conditions(filters) -> dict:
	found = {"docstatus": 1}
	for field in ("evaluation_year", "grade"):
		if filters.get(field):
			found[field] = filters[field]
	units = units_under(filters.get("unit"))  # a unit covers the units below it, as in every report
	if units is not None:
		found["unit"] = ("in", units)
	return found


def columns() -> list[dict]:
	meta = frappe.get_meta(DT)

	def label(field: str) -> str:
		return _(meta.get_label(field))

	return [
		{
			"fieldname": "name",
			"label": _("Performance Evaluation"),
			"fieldtype": "Link",
			"options": DT,
			"width": 140,
		},
		{"fieldname": "evaluation_year", "label": label("evaluation_year"), "fieldtype": "Int", "width": 80},
		{
			"fieldname": "unit",
			"label": label("unit"),
			"fieldtype": "Link",
			"options": "Gov Unit",
			"width": 180,
		},
		{
			"fieldname": "it_project",
			"label": label("it_project"),
			"fieldtype": "Link",
			"options": "IT Project",
			"width": 130,
		},
		{"fieldname": "project_name", "label": label("project_name"), "fieldtype": "Data", "width": 200},
		*(
			{"fieldname": field, "label": label(field), "fieldtype": "Float", "precision": 2, "width": 90}
			for field in SCORE_FIELDS
		),
		{
			"fieldname": "total_score",
			"label": label("total_score"),
			"fieldtype": "Float",
			"precision": 2,
			"width": 90,
		},
		{"fieldname": "grade", "label": label("grade"), "fieldtype": "Data", "width": 70},
		{"fieldname": "data_shared", "label": label("data_shared"), "fieldtype": "Check", "width": 90},
		{
			"fieldname": "cloud_usage_reasonable",
			"label": label("cloud_usage_reasonable"),
			"fieldtype": "Check",
			"width": 100,
		},
		{"fieldname": "bars_renewal", "label": label("bars_renewal"), "fieldtype": "Check", "width": 90},
		{
			"fieldname": "evaluation_method",
			"label": label("evaluation_method"),
			"fieldtype": "Data",
			"width": 110,
		},
		{"fieldname": "evaluator", "label": label("evaluator"), "fieldtype": "Data", "width": 160},
	]


def chart(rows: list[dict]) -> dict:
	"""How many evaluations reached each grade."""
	grades = [str(grade) for grade in Grade]
	counts = [sum(1 for row in rows if row.grade == grade) for grade in grades]
	return {
		"data": {"labels": grades, "datasets": [{"name": _("Evaluations"), "values": counts}]},
		"type": "bar",
		"colors": ["#5e64ff"],
	}


def summary(rows: list[dict]) -> list[dict]:
	barred = sum(1 for row in rows if row.bars_renewal)
	average = round(sum(row.total_score or 0 for row in rows) / len(rows), 2) if rows else 0
	return [
		{"label": _("Evaluations"), "value": len(rows), "datatype": "Int", "indicator": "Blue"},
		{"label": _("Average Total Score"), "value": average, "datatype": "Float", "indicator": "Green"},
		{
			"label": _("Renewal Barred (Art 24)"),
			"value": barred,
			"datatype": "Int",
			"indicator": "Red" if barred else "Green",
		},
	]
