"""Issue 10.5, 10.6, 10.8: deadlines that keep themselves (the daily job reminds before and alerts
after, each once, in a constant number of queries), the report 时限预警 read as each role may read
it, and the plan lookup of Art 13 ¶1 for the Finance and Administrative Approval bureaus."""

import json
from contextlib import contextmanager
from datetime import timedelta
from unittest import TestCase

import frappe
from frappe.tests.utils import FrappeTestCase
from frappe.utils import add_days, getdate, now_datetime

from govit_app import roles as R
from govit_app.deadlines.job import send_deadline_notices
from govit_app.tests.construction_fixtures import (
	VALID_USCC,
	PlannedYear,
	Steps,
	days_ago,
	unplanned_project,
)
from govit_app.tests.plan_fixtures import Actors
from govit_app.tests.utils import ensure_user, error_text
from govit_app.utils.calendar import add_working_days, get_calendar

YEAR = 2075  # a plan year no other test uses
CF = "Contract Filing"
LOG = "GovIT Deadline Notice"
RUN_REPORT = "frappe.desk.query_report.run"


def signed_so_that_due_in(working_days: int) -> str:
	"""A signing date whose filing deadline (10 working days) is `working_days` working days ahead."""
	today, calendar = getdate(), get_calendar()
	for back in range(60):
		signed = today - timedelta(days=back)
		if calendar.working_days_between(today, add_working_days(signed, 10, warn=False)) == working_days:
			return str(signed)
	raise AssertionError("no signing date found")


def draft_contract(project: str, signed: str) -> str:
	doc = frappe.get_doc(
		{
			"doctype": CF,
			"it_project": project,
			"procurement_method": "询价",
			"supplier": "泰兴市信息工程有限公司",
			"supplier_uscc": VALID_USCC,
			"contract_no": f"QC-{frappe.generate_hash(length=6)}",
			"contract_sign_date": signed,
			"contract_amount": 10,
		}
	).insert()
	frappe.db.commit()
	return doc.name


@contextmanager
def counting():
	"""The SQL statements run inside the block, on this connection."""
	counter = {"n": 0}
	original = frappe.db.__class__.sql

	def sql(self, *args, **kwargs):
		counter["n"] += 1
		return original(self, *args, **kwargs)

	frappe.db.__class__.sql = sql
	try:
		yield counter
	finally:
		frappe.db.__class__.sql = original


class TestDeadlines(FrappeTestCase):
	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		a = cls.a = Actors()
		cls.approval_user = ensure_user("govit-approval@test.local", [R.ADMIN_APPROVAL])
		year = PlannedYear(YEAR)
		health, transport = a.health, a.police_unit
		cls.p_soon = year.project("_Test 时限 即将到期", health)
		cls.p_late = year.project("_Test 时限 已逾期", health)
		cls.p_far = year.project("_Test 时限 未到期", health)
		cls.p_other = year.project("_Test 时限 他单位", transport)
		cls.p_secret = year.project("_Test 时限 涉密", health, secrecy_level="机密")
		cls.p_building = year.project("_Test 时限 验收逾期", health, end_date=days_ago(3))
		cls.p_unplanned = unplanned_project("_Test 时限 计划外", health)
		cls.soon = draft_contract(cls.p_soon, signed_so_that_due_in(2))
		cls.late = draft_contract(cls.p_late, days_ago(40))
		cls.far = draft_contract(cls.p_far, str(getdate()))
		cls.other = draft_contract(cls.p_other, days_ago(40))
		cls.secret = draft_contract(cls.p_secret, days_ago(40))
		Steps(TestCase(), a).filed_contract(a.health_user, cls.p_building)

	def notices(self, name: str) -> dict[str, list[str]]:
		rows = frappe.get_all(LOG, filters={"reference_name": name}, fields=["notice", "recipients"])
		return {row.notice: row.recipients.split("\n") for row in rows}

	def test_the_job_reminds_before_alerts_after_and_never_twice(self):
		a = self.a
		send_deadline_notices()
		self.assertEqual(list(self.notices(self.soon)), ["到期提醒"])
		self.assertIn(a.health_user, self.notices(self.soon)["到期提醒"])
		self.assertNotIn(a.office, self.notices(self.soon)["到期提醒"])
		overdue = self.notices(self.late)["逾期提醒"]
		self.assertTrue({a.health_user, a.office, a.office2} <= set(overdue))
		self.assertNotIn(a.transport_user, overdue)
		self.assertEqual(self.notices(self.far), {})
		# The project's own acceptance deadline (Art 19) is kept too.
		self.assertIn("逾期提醒", self.notices(self.p_building))
		# The unit finds them in the desk's bell.
		self.assertTrue(
			frappe.db.exists("Notification Log", {"for_user": a.health_user, "document_name": self.soon})
		)
		# The Office, which sees every unit, gets the day's newly overdue documents in one digest.
		digest = frappe.get_all(
			"Notification Log",
			filters={"for_user": a.office, "link": "/app/query-report/Deadline Alerts"},
			fields=["subject", "email_content"],
			order_by="creation desc",
			limit=1,
		)[0]
		self.assertIn("逾期", digest.subject)
		self.assertIn(self.late, digest.email_content)
		self.assertFalse(
			frappe.db.exists("Notification Log", {"for_user": a.office, "document_name": self.late})
		)
		# The open filing past its due date is marked overdue.
		self.assertEqual(frappe.db.get_value(CF, self.late, "is_overdue"), 1)

		logs = frappe.db.count("Notification Log", {"document_type": ("in", [CF, "IT Project"])})
		sent = send_deadline_notices()
		self.assertEqual(sent, {"到期提醒": 0, "逾期提醒": 0})
		self.assertEqual(
			frappe.db.count("Notification Log", {"document_type": ("in", [CF, "IT Project"])}), logs
		)

	def test_the_job_costs_the_same_queries_for_10_and_for_500_projects(self):
		send_deadline_notices()  # caches warm, today's notices of the other tests' records sent
		small, sent_small = self.measure(10)
		large, sent_large = self.measure(500)
		self.assertEqual(small, large)
		# Half the filings due soon, half overdue, and every project's acceptance overdue.
		self.assertEqual((sent_small["到期提醒"], sent_small["逾期提醒"]), (5, 15))
		self.assertEqual((sent_large["到期提醒"], sent_large["逾期提醒"]), (250, 750))

	def measure(self, projects: int) -> tuple[int, dict]:
		"""Seed `projects` projects under construction, each with an open contract filing due soon
		or overdue and an overdue acceptance, run the job, count its queries, undo it all."""
		frappe.db.savepoint("deadline_count")
		try:
			self.seed(projects)
			with counting() as counter:
				sent = send_deadline_notices()
			return counter["n"], sent
		finally:
			frappe.db.rollback(save_point="deadline_count")

	def seed(self, count: int) -> None:
		now, unit = now_datetime(), self.a.health
		soon = add_working_days(getdate(), 1, warn=False)
		late = add_days(getdate(), -20)
		tag = frappe.generate_hash(length=6)
		base = ("Administrator", "Administrator", now, now)
		frappe.db.bulk_insert(
			"IT Project",
			fields=[
				"owner",
				"modified_by",
				"creation",
				"modified",
				"name",
				"project_name",
				"unit",
				"stage",
				"secrecy_level",
				"acceptance_due_date",
			],
			values=[
				(*base, f"_B{tag}{i}", f"_Bench 时限 {i}", unit, "建设中", "非涉密", late)
				for i in range(count)
			],
		)
		frappe.db.bulk_insert(
			CF,
			fields=[
				"owner",
				"modified_by",
				"creation",
				"modified",
				"name",
				"it_project",
				"project_name",
				"unit",
				"secrecy_level",
				"workflow_state",
				"due_date",
				"is_overdue",
				"docstatus",
			],
			values=[
				(
					*base,
					f"_C{tag}{i}",
					f"_B{tag}{i}",
					f"_Bench 时限 {i}",
					unit,
					"非涉密",
					"草稿",
					soon if i % 2 else late,
					0,
					0,
				)
				for i in range(count)
			],
		)

	# ---- the report 时限预警 ----------------------------------------------------------------

	def report(self, user: str, name: str = "Deadline Alerts", **filters) -> list[dict]:
		response = (
			Steps(self, self.a).api(user).call(RUN_REPORT, report_name=name, filters=json.dumps(filters))
		)
		self.assertEqual(response.status_code, 200, error_text(response))
		return response.json["message"]["result"]

	def test_the_report_shows_each_reader_what_they_may_see(self):
		a = self.a
		mine = {self.soon, self.late, self.far, self.other, self.secret, self.p_building}

		def seen(user, **filters):
			return {
				row["reference_name"]: row
				for row in self.report(user, page_length=0, **filters)
				if row["reference_name"] in mine
			}

		health = seen(a.health_user)
		self.assertEqual(set(health), {self.soon, self.late, self.far, self.secret, self.p_building})
		self.assertEqual((health[self.late]["status"], health[self.late]["colour"]), ("已逾期", "red"))
		self.assertLess(health[self.late]["days_left"], 0)
		self.assertEqual((health[self.soon]["status"], health[self.soon]["days_left"]), ("即将到期", 2))
		self.assertEqual((health[self.far]["status"], health[self.far]["colour"]), ("未到期", "green"))
		self.assertEqual(health[self.p_building]["kind"], "竣工验收")
		self.assertEqual(set(seen(a.transport_user)), {self.other})
		self.assertEqual(set(seen(a.office)), mine)
		# Classified projects stay with their unit, the Office and the Secrecy Bureau (Art 25).
		self.assertEqual(set(seen(a.finance)), mine - {self.secret})
		self.assertNotIn(self.secret, seen(a.audit))
		# Filters: type, status, unit.
		self.assertEqual(set(seen(a.office, kind="acceptance")), {self.p_building})
		self.assertEqual(
			set(seen(a.office, status="已逾期")), {self.late, self.other, self.secret, self.p_building}
		)
		self.assertEqual(set(seen(a.office, unit=a.police_unit)), {self.other})
		# Roles without the report are refused.
		response = Steps(self, a).api(a.ndrc).call(RUN_REPORT, report_name="Deadline Alerts", filters="{}")
		self.assertEqual(response.status_code, 403)

	def test_the_report_counts_each_status_over_every_page_and_lists_one_page(self):
		api = Steps(self, self.a).api(self.a.office)

		def run(**filters) -> dict:
			response = api.call(RUN_REPORT, report_name="Deadline Alerts", filters=json.dumps(filters))
			self.assertEqual(response.status_code, 200, error_text(response))
			return response.json["message"]

		every = run(page_length=0)["result"]
		self.assertGreaterEqual(len(every), 3)
		self.assertEqual(
			[(r["due_date"], r["reference_name"]) for r in every],
			sorted((r["due_date"], r["reference_name"]) for r in every),
		)
		first, second = run(page_length=2), run(page_length=2, page=2)
		self.assertEqual(
			[r["reference_name"] for r in first["result"] + second["result"]],
			[r["reference_name"] for r in every[:4]],
		)
		counts = {item["label"]: item["value"] for item in first["report_summary"]}
		for status in ("已逾期", "即将到期", "未到期"):
			self.assertEqual(counts[status], sum(1 for r in every if r["status"] == status), status)
		self.assertEqual(counts["页码"], f"1 / {-(-len(every) // 2)}")
		late = run(status="已逾期", page_length=0)
		self.assertEqual({item["label"] for item in late["report_summary"]}, {"已逾期"})
		self.assertTrue(all(r["status"] == "已逾期" for r in late["result"]))

	# ---- Art 13 ¶1: the plan lookup ---------------------------------------------------------

	def test_finance_and_administrative_approval_look_up_whether_a_project_is_planned(self):
		for user in (self.a.finance, self.approval_user):
			rows = {
				row["it_project"]: row for row in self.report(user, "Plan Lookup", project_name="_Test 时限")
			}
			self.assertEqual(
				(
					rows[self.p_late]["in_plan"],
					rows[self.p_late]["annual_plan"],
					rows[self.p_late]["plan_amount"],
				),
				("是", f"JH-{YEAR}", 100),
			)
			self.assertEqual(rows[self.p_unplanned]["in_plan"], "否")
			self.assertNotIn(self.p_secret, rows)
		rows = self.report(self.a.finance, "Plan Lookup", project_name="_Test 时限", in_plan="否")
		self.assertEqual([row["it_project"] for row in rows], [self.p_unplanned])
		# A page at a time, in the order of the whole list.
		every = [
			row["it_project"] for row in self.report(self.a.finance, "Plan Lookup", project_name="_Test 时限")
		]
		second = self.report(self.a.finance, "Plan Lookup", project_name="_Test 时限", page_length=1, page=2)
		self.assertEqual([row["it_project"] for row in second], every[1:2])
		response = (
			Steps(self, self.a)
			.api(self.a.health_user)
			.call(RUN_REPORT, report_name="Plan Lookup", filters="{}")
		)
		self.assertEqual(response.status_code, 403)
