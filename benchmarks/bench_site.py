"""Connect a benchmark script to a site of the bench it runs from."""

import argparse
import statistics
import time
from collections.abc import Callable

import frappe

from govit_app.vocabulary import ProjectCategory, ProjectNature, SecrecyLevel


def connect(description: str, **extra_args) -> argparse.Namespace:
	parser = argparse.ArgumentParser(description=description)
	parser.add_argument("--site", required=True)
	for name, default in extra_args.items():
		parser.add_argument(f"--{name.replace('_', '-')}", type=type(default), default=default)
	args = parser.parse_args()
	frappe.init(site=args.site, sites_path=".")
	frappe.connect()
	frappe.set_user("Administrator")
	return args


def timed(fn: Callable[[], object], repeat: int) -> list[float]:
	samples = []
	for _ in range(repeat):
		start = time.perf_counter()
		fn()
		samples.append(time.perf_counter() - start)
	return samples


def median_ms(samples: list[float]) -> float:
	return statistics.median(samples) * 1000


def seed_declared_projects(
	prefix: str,
	numbers: range,
	units: list[str],
	year: int,
	project: dict,
	declaration: dict,
) -> None:
	"""IT Projects `{prefix}-XM-{i:06d}`, each with one 新建 declaration `{prefix}-SB-{i:06d}` of `year`,
	of the units in turn, by bulk insert; `project` and `declaration` add values to every row."""
	common = {
		"project_category": ProjectCategory.BUSINESS_APPLICATION,
		"secrecy_level": SecrecyLevel.UNCLASSIFIED,
	}
	rows = {
		"IT Project": [
			{
				"name": f"{prefix}-XM-{i:06d}",
				"project_name": f"_Bench 项目 {prefix} {i}",
				"unit": units[i % len(units)],
				**common,
				**project,
			}
			for i in numbers
		],
		"Project Declaration": [
			{
				"name": f"{prefix}-SB-{i:06d}",
				"project_name": f"_Bench 项目 {prefix} {i}",
				"unit": units[i % len(units)],
				"it_project": f"{prefix}-XM-{i:06d}",
				"plan_year": year,
				"project_nature": ProjectNature.NEW,
				"docstatus": 1,
				**common,
				**declaration,
			}
			for i in numbers
		],
	}
	for doctype, values in rows.items():
		if values:
			frappe.db.bulk_insert(doctype, list(values[0]), [tuple(row.values()) for row in values])
