"""Connect a benchmark script to a site of the bench it runs from."""

import argparse
import statistics
import time
from collections.abc import Callable

import frappe


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
