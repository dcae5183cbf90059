"""Demo data: a believable city so that a newcomer sees the whole process at once.

    bench --site SITE execute govit_app.demo.load

Idempotent: running it again finds what it made before. Each stage of the life cycle
adds its records in its own module, in the order of STEPS.
"""

import frappe

from govit_app.demo import construction, declarations, foundation, plan, queues, supervision

DEMO_PASSWORD = foundation.DEMO_PASSWORD

# Each step is a module with `load() -> None`, run in this order.
STEPS = (foundation, declarations, plan, construction, supervision, queues)


def load() -> None:
	# Titles and findings are stored in the language of whoever saves them: the city's, Chinese.
	frappe.local.lang = "zh"
	for step in STEPS:
		step.load()
		frappe.db.commit()
	print_summary()


def print_summary() -> None:
	print(
		"\n政务信息化项目管理 demo data loaded. Log in with these users (password for all: "
		+ DEMO_PASSWORD
		+ "):"
	)
	for email, role, unit in foundation.demo_users():
		print(f"  {email:<34} {role:<24} {unit or ''}")
