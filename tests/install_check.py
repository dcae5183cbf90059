"""Installing govit_app on a site that has been used before, run by tests/run in the bench's Python.

    cd BENCH/sites && ../env/bin/python PATH/tests/install_check.py SITE

The site must not have govit_app installed (tests/run has just uninstalled it). Two checks,
one line each, `PASS name` or `FAIL name: why`; the exit status is the number of failures.

- stale module map: a process whose Frappe read the site's module map from Redis before the app
  was fetched (`app_modules` without govit_app: what a scheduler, a worker or any bench command
  leaves there) installs the app. Frappe's install_app clears Redis but keeps the process's own
  copy of the map, so its DocType sync found no module of the app and after_install failed with
  `No module named 'frappe.core.doctype.govit_settings'`; the app's before_install now rebuilds it.
- failed install: when a step of after_install fails, the site is left without the app: not in
  installed_apps, no DocType, table, role or workflow of it, and installing again works.
"""

import sys
import traceback

import frappe
from frappe.installer import install_app

APP = "govit_app"


def reconnect(site: str) -> None:
	frappe.destroy()
	frappe.init(site=site, sites_path=".")
	frappe.connect()
	frappe.set_user("Administrator")


def stale_module_map() -> None:
	"""The state of a process started before the app was in apps.txt."""
	frappe.setup_module_map()
	stale = {app: mods for app, mods in frappe.local.app_modules.items() if app != APP}
	frappe.cache.set_value("app_modules", stale)
	frappe.local.app_modules = None
	frappe.setup_module_map()
	assert APP not in frappe.local.app_modules, "could not make the module map stale"


def installed() -> bool:
	return APP in frappe.get_installed_apps()


def check_failed_install_leaves_nothing(site: str) -> str | None:
	import govit_app.install as install

	original = install.ensure_settings

	def broken() -> None:
		raise RuntimeError("a step of after_install failed (injected by install_check)")

	install.ensure_settings = broken
	try:
		install_app(APP)
	except RuntimeError:
		pass
	else:
		return "install_app did not fail although after_install did"
	finally:
		install.ensure_settings = original
	reconnect(site)
	if installed():
		return "govit_app is still in installed_apps after the failed install"
	left = install.leftovers()
	if left:
		return f"the failed install left {left}"
	return None


def check_install_with_stale_module_map(site: str) -> str | None:
	stale_module_map()
	install_app(APP)
	frappe.db.commit()
	reconnect(site)
	if not installed():
		return "govit_app is not in installed_apps"
	if not frappe.db.exists("DocType", "GovIT Settings"):
		return "DocType GovIT Settings was not created"
	if not frappe.db.get_single_value("GovIT Settings", "approval_threshold"):
		return "GovIT Settings has no stored defaults (after_install did not run to its end)"
	return None


def main(site: str) -> int:
	frappe.init(site=site, sites_path=".")
	frappe.connect()
	frappe.set_user("Administrator")
	if installed():
		print(f"FAIL precondition: {APP} is installed on {site}; uninstall it first")
		return 1
	failures = 0
	for name, check in (
		("a failed install leaves no half-installed app", check_failed_install_leaves_nothing),
		(
			"install with a stale module map (site used before the app was fetched)",
			check_install_with_stale_module_map,
		),
	):
		try:
			problem = check(site)
		except Exception:
			problem = traceback.format_exc()
		if problem:
			failures += 1
			print(f"FAIL {name}: {problem}")
		else:
			print(f"PASS {name}")
	frappe.destroy()
	return failures


if __name__ == "__main__":
	sys.exit(main(sys.argv[1]))
