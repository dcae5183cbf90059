"""政务信息资源目录 (Art 6): the whole catalogue — each unit's resources, how they are shared, and
how often other units asked for them and were given them. The Office exports it (export is
the Office's and the Audit Bureau's DocType right). Two queries whatever the catalogue's size."""

import frappe
from frappe import _

from govit_app.vocabulary import ResourceRequestStatus, ShareType

DT = "Information Resource"


def execute(filters: dict | None = None):
	filters = frappe._dict(filters or {})
	rows = frappe.get_list(
		DT,
		filters={
			field: filters[field] for field in ("unit", "share_type", "it_project") if filters.get(field)
		},
		fields=[
			"name",
			"unit",
			"resource_name",
			"share_type",
			"share_conditions",
			"update_frequency",
			"resource_format",
			"source_system",
			"it_project",
			"project_name",
		],
		order_by="unit asc, resource_name asc",
		limit_page_length=0,
	)
	counts = request_counts([row.name for row in rows])
	for row in rows:
		row.update(counts.get(row.name, {}))
	return columns(), rows, None, chart(rows)


def request_counts(resources: list[str]) -> dict[str, dict[str, int]]:
	"""resource -> how many requests it had and how many were agreed (one grouped query)."""
	if not resources:
		return {}
	counts: dict[str, dict[str, int]] = {}
	for row in frappe.get_all(
		"Information Resource Request",
		filters={"information_resource": ("in", resources)},
		fields=["information_resource", "status", "count(name) as n"],
		group_by="information_resource, status",
	):
		entry = counts.setdefault(row.information_resource, {"requests": 0, "agreed": 0})
		entry["requests"] += row.n
		if row.status == ResourceRequestStatus.AGREED:
			entry["agreed"] += row.n
	return counts


def columns() -> list[dict]:
	meta = frappe.get_meta(DT)

	def column(field: str, fieldtype: str = "Data", width: int = 120, **extra) -> dict:
		return {
			"fieldname": field,
			"label": _(meta.get_label(field)),
			"fieldtype": fieldtype,
			"width": width,
			**extra,
		}

	return [
		column("name", "Link", 100, options=DT, label=_("Information Resource")),
		column("unit", "Link", 180, options="Gov Unit"),
		column("resource_name", width=200),
		column("share_type", width=100),
		column("share_conditions", width=220),
		column("update_frequency", width=90),
		column("resource_format", width=90),
		column("source_system", width=160),
		column("it_project", "Link", 130, options="IT Project"),
		column("project_name", width=180),
		{"fieldname": "requests", "label": _("Requests"), "fieldtype": "Int", "width": 80},
		{"fieldname": "agreed", "label": _("Agreed"), "fieldtype": "Int", "width": 80},
	]


def chart(rows: list[dict]) -> dict:
	"""How many resources of each share type."""
	types = [str(share_type) for share_type in ShareType]
	return {
		"data": {
			"labels": types,
			"datasets": [
				{"name": _("Resources"), "values": [sum(1 for r in rows if r.share_type == t) for t in types]}
			],
		},
		"type": "pie",
	}
