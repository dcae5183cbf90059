"""项目台账, 年度计划汇总 and the IT Project's timeline and connections, over a plan year whose
projects went through declaration, review, a published plan and an NDRC approval: what each
role sees over REST (classified rows only for their unit, the Office and Secrecy, Art 25),
the filters, the Excel export, and queries that do not grow with the number of projects."""

import io
import json
from datetime import date
from unittest.mock import patch

import frappe
from frappe.tests.utils import FrappeTestCase
from frappe.utils import today
from openpyxl import load_workbook

from govit_app import roles as R
from govit_app.govit.doctype.it_project import facts, timeline
from govit_app.govit.report.project_ledger import project_ledger
from govit_app.tests.plan_fixtures import Actors, clear_year, passed_declaration, published_plan
from govit_app.tests.utils import (
	ApiClient,
	count_queries,
	ensure_unit,
	ensure_user,
	error_text,
	insert_committed,
)
from govit_app.vocabulary import ProjectNature, ProjectStage, SecrecyLevel
from govit_app.workflow.stages import set_values

YEAR = 2071
LEDGER = "Project Ledger"
SUMMARY = "Annual Plan Summary"


def run(api: ApiClient, report: str, **filters) -> dict:
	response = api.call("frappe.desk.query_report.run", report_name=report, filters=json.dumps(filters))
	if response.status_code != 200:
		raise AssertionError(f"{api.user} running {report}: {response.status_code} {error_text(response)}")
	return response.json["message"]


def by_name(result: dict) -> dict[str, dict]:
	return {row["name"]: row for row in result["result"] if isinstance(row, dict) and row.get("name")}


def bare_project(name: str, unit: str, **values) -> str:
	existing = frappe.db.get_value("IT Project", {"project_name": name})
	if existing:
		frappe.db.set_value("IT Project", existing, values or {"secrecy_level": SecrecyLevel.UNCLASSIFIED})
		frappe.db.commit()
		return existing
	return insert_committed(
		{"doctype": "IT Project", "project_name": name, "unit": unit, "project_category": "其他", **values}
	).name


class TestProjectReports(FrappeTestCase):
	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		a = cls.a = Actors()
		clear_year(YEAR)
		cls.bureau = ensure_unit("_Test 台账主管局")
		cls.school = ensure_unit("_Test 台账学校", "其他", competent=cls.bureau)
		cls.bureau_user = ensure_user("govit-ledger-bureau@test.local", [R.COMPETENT_DEPT], (cls.bureau,))
		declaration = passed_declaration(
			a, YEAR, a.health, "_Test 台账城市大脑", amount=120, estimate_amount=150
		)
		cls.plan = published_plan(a, YEAR)
		cls.big = frappe.db.get_value("Project Declaration", declaration, "it_project")
		frappe.set_user(a.ndrc)
		try:
			frappe.get_doc(
				{
					"doctype": "Project Approval",
					"it_project": cls.big,
					"approval_no": f"泰发改审〔{YEAR}〕1号",
					"approval_date": today(),
					"approved_amount": 100,
				}
			).insert().submit()
		finally:
			frappe.set_user("Administrator")
		frappe.db.commit()
		cls.secret = bare_project("_Test 台账涉密项目", a.health, secrecy_level=SecrecyLevel.CONFIDENTIAL)
		cls.police = bare_project("_Test 台账交通项目", a.police_unit)
		cls.school_project = bare_project("_Test 台账校园网", cls.school)

	# ---- 项目台账 ----------------------------------------------------------------------

	def test_the_office_sees_each_project_with_its_amounts_dates_and_stage(self):
		rows = by_name(run(ApiClient(self.a.office), LEDGER, unit=self.a.health))
		big = rows[self.big]
		self.assertEqual(big["project_nature"], ProjectNature.NEW)
		self.assertEqual(int(big["plan_year"]), YEAR)
		self.assertEqual(big["stage"], ProjectStage.APPROVED)
		self.assertEqual(
			[big["declared_amount"], big["planned_amount"], big["approved_amount"]], [150, 120, 100]
		)
		self.assertEqual(big["published_on"], today())
		self.assertEqual(big["approval_date"], today())
		self.assertIn(self.secret, rows)
		self.assertNotIn(self.police, rows)

	def test_a_unit_sees_its_own_projects_and_its_competent_department_those_below_it(self):
		health = by_name(run(ApiClient(self.a.health_user), LEDGER))
		self.assertIn(self.big, health)
		self.assertIn(self.secret, health)
		self.assertNotIn(self.police, health)
		self.assertNotIn(self.school_project, health)
		bureau = by_name(run(ApiClient(self.bureau_user), LEDGER))
		self.assertIn(self.school_project, bureau)
		self.assertNotIn(self.big, bureau)

	def test_a_classified_project_reaches_only_its_unit_the_office_and_secrecy(self):
		for user, sees in (
			(self.a.office, True),
			(self.a.secrecy, True),
			(self.a.health_user, True),
			(self.a.ndrc, False),
			(self.a.audit, False),
		):
			rows = by_name(run(ApiClient(user), LEDGER))
			self.assertEqual(self.secret in rows, sees, user)
			self.assertIn(self.big, rows, user)

	def test_filters_mean_the_same_as_the_columns(self):
		office = ApiClient(self.a.office)
		self.assertIn(self.school_project, by_name(run(office, LEDGER, unit=self.bureau)))
		rows = by_name(run(office, LEDGER, project_nature=ProjectNature.NEW, plan_year=YEAR))
		self.assertIn(self.big, rows)
		self.assertNotIn(self.secret, rows)
		self.assertTrue(all(int(row["plan_year"]) == YEAR for row in rows.values()))
		rows = by_name(run(office, LEDGER, stage=ProjectStage.APPROVED, unit=self.a.health))
		self.assertIn(self.big, rows)  # other tests' projects of the same unit may be approved too
		self.assertTrue(all(row["stage"] == ProjectStage.APPROVED for row in rows.values()))
		self.assertNotIn(self.school_project, rows)
		self.assertNotIn(self.secret, rows)

	def test_the_ledger_comes_with_a_chart_totals_and_its_chinese_headings(self):
		result = run(ApiClient(self.a.office), LEDGER, unit=self.a.health)
		self.assertTrue(result["chart"]["data"]["labels"])
		labels = {item["label"]: item["value"] for item in result["report_summary"]}
		self.assertGreaterEqual(labels["项目数"], 2)
		columns = {column["fieldname"]: column["label"] for column in result["columns"]}
		self.assertEqual(columns["declared_amount"], "申报金额")
		self.assertEqual(columns["contract_due_date"], "合同备案时限")
		self.assertEqual(columns["sanction"], "处理措施")

	def test_the_excel_export_holds_what_the_user_sees(self):
		response = ApiClient(self.a.health_user).call(
			"frappe.desk.query_report.export_query",
			report_name=LEDGER,
			file_format_type="Excel",
			filters=json.dumps({}),
			visible_idx=json.dumps([]),
		)
		self.assertEqual(response.status_code, 200, error_text(response))
		sheet = load_workbook(io.BytesIO(response.data)).active
		cells = {str(cell.value) for row in sheet.iter_rows() for cell in row if cell.value}
		self.assertIn("_Test 台账城市大脑", cells)
		self.assertNotIn("_Test 台账交通项目", cells)

	def test_queries_do_not_grow_with_the_number_of_projects(self):
		frappe.set_user(self.a.office)
		try:
			project_ledger.execute({})  # caches warm
			with count_queries() as few:
				small = len(project_ledger.execute({})[1])
			frappe.db.bulk_insert(
				"IT Project",
				["name", "project_name", "unit", "secrecy_level", "project_category", "stage"],
				[
					(f"_TEST-LEDGER-{i}", f"_Test 台账批量 {i}", self.a.health, "非涉密", "其他", "申报中")
					for i in range(40)
				],
			)
			with count_queries() as many:
				large = len(project_ledger.execute({})[1])
		finally:
			frappe.set_user("Administrator")
			frappe.db.rollback()
		self.assertEqual(large, small + 40)
		self.assertEqual(many["n"], few["n"])

	def test_an_overdue_filing_marks_the_project_and_the_overdue_filter_keeps_it(self):
		frappe.db.set_value("IT Project", self.big, "contract_overdue", 1, update_modified=False)
		frappe.set_user(self.a.office)
		try:
			result = project_ledger.execute({"unit": self.a.health, "overdue_only": 1})
		finally:
			frappe.set_user("Administrator")
			frappe.db.rollback()
		rows = result[1]
		self.assertIn(self.big, [row.name for row in rows])
		self.assertNotIn(self.secret, [row.name for row in rows])
		self.assertTrue(all(row.overdue == 1 for row in rows))
		summary = {item["label"]: item["value"] for item in result[4]}
		self.assertEqual(summary[frappe._("Overdue")], len(rows))

	def test_the_facts_follow_their_documents_and_refuse_a_hand_written_value(self):
		declaration = frappe.db.get_value("Project Declaration", {"it_project": self.big}, "name")
		try:
			# A bulk write (no doc events) of a source document is copied onto its project too.
			set_values("Project Declaration", {declaration: {"estimate_amount": 175}})
			self.assertEqual(frappe.db.get_value("IT Project", self.big, "declared_amount"), 175)
			# A project whose source document is gone loses the fact.
			frappe.db.delete("Project Approval", {"it_project": self.big})
			facts.refresh("Project Approval", [self.big])
			self.assertFalse(frappe.db.get_value("IT Project", self.big, "approval_no"))
		finally:
			frappe.db.rollback()
		office = ApiClient(self.a.office)
		response = office.update("IT Project", self.big, {"declared_amount": 1, "plan_year": "1999"})
		self.assertEqual(response.status_code, 200, error_text(response))
		self.assertEqual(
			frappe.db.get_value("IT Project", self.big, ["declared_amount", "plan_year"]), (150, str(YEAR))
		)

	def test_every_source_of_a_fact_refreshes_it_when_its_documents_change(self):
		hooked = {
			doctype
			for doctype, events in frappe.get_hooks("doc_events").items()
			if facts.on_change.__module__ + ".on_change" in str(events)
		}
		self.assertEqual(hooked, set(facts.SOURCE_DOCTYPES))

	def test_a_long_ledger_comes_a_page_at_a_time_with_totals_over_every_page(self):
		office = ApiClient(self.a.office)
		everything = run(office, LEDGER, page_length=0)
		names = [row["name"] for row in everything["result"] if isinstance(row, dict)]
		self.assertGreaterEqual(len(names), 3)
		first = run(office, LEDGER, page_length=2)
		second = run(office, LEDGER, page_length=2, page=2)
		self.assertEqual([row["name"] for row in first["result"]], names[:2])
		self.assertEqual([row["name"] for row in second["result"]], names[2:4])
		totals = {item["label"]: item["value"] for item in first["report_summary"]}
		self.assertEqual(totals["项目数"], len(names))
		self.assertEqual(totals["页码"], f"1 / {-(-len(names) // 2)}")
		self.assertEqual(sum(first["chart"]["data"]["datasets"][0]["values"]), len(names))

	def test_each_report_script_loads_with_the_shared_filters(self):
		for report in (
			LEDGER,
			SUMMARY,
			"Waiting For Me",
			"Deadline Alerts",
			"Performance Evaluation Results",
		):
			response = ApiClient(self.a.office).call(
				"frappe.desk.query_report.get_script", report_name=report
			)
			self.assertEqual(response.status_code, 200, f"{report}: {error_text(response)}")
			self.assertIn("govit.reports.filters", response.json["message"]["script"])

	# ---- 年度计划汇总 -------------------------------------------------------------------

	def test_the_plan_summary_adds_up_each_unit_and_nature_against_the_budget(self):
		result = run(ApiClient(self.a.finance), SUMMARY, plan_year=YEAR, published_only=1)
		rows = [row for row in result["result"] if isinstance(row, dict) and row.get("unit") == self.a.health]
		self.assertEqual(len(rows), 1)
		row = rows[0]
		self.assertEqual(row["project_nature"], ProjectNature.NEW)
		self.assertEqual(row["projects"], 1)
		self.assertEqual(
			[row["declared_amount"], row["planned_amount"], row["approved_amount"], row["needing_approval"]],
			[150, 120, 100, 1],
		)
		summary = {item["label"]: item["value"] for item in result["report_summary"]}
		self.assertEqual(summary["年度预算（万元）"], 1000)
		self.assertEqual(summary["计划金额（万元）"], 120)
		self.assertEqual(summary["预算结余"], 880)
		self.assertTrue(result["chart"]["data"]["datasets"])

	def test_the_plan_summary_leaves_out_classified_projects_for_whom_may_not_see_them(self):
		frappe.db.set_value("IT Project", self.big, "secrecy_level", SecrecyLevel.CONFIDENTIAL)
		frappe.db.commit()
		try:

			def units(user: str) -> set[str]:
				result = run(ApiClient(user), SUMMARY, plan_year=YEAR)["result"]
				return {row.get("unit") for row in result if isinstance(row, dict)}

			self.assertNotIn(self.a.health, units(self.a.ndrc))
			self.assertIn(self.a.health, units(self.a.office))
			self.assertIn(self.a.health, units(self.a.secrecy))
		finally:
			frappe.db.set_value("IT Project", self.big, "secrecy_level", SecrecyLevel.UNCLASSIFIED)
			frappe.db.commit()

	def test_a_unit_user_may_not_open_the_plan_summary(self):
		response = ApiClient(self.a.health_user).call(
			"frappe.desk.query_report.run", report_name=SUMMARY, filters=json.dumps({"plan_year": YEAR})
		)
		self.assertEqual(response.status_code, 403, error_text(response))

	# ---- the IT Project form: timeline and connections -----------------------------------

	def timeline_as(self, user: str) -> list[dict]:
		response = ApiClient(user).call(
			"govit_app.govit.doctype.it_project.timeline.get_timeline", project=self.big
		)
		self.assertEqual(response.status_code, 200, error_text(response))
		return response.json["message"]

	def test_the_timeline_shows_the_whole_life_to_the_office(self):
		entries = self.timeline_as(self.a.office)
		kinds = [entry["doctype"] for entry in entries]
		for doctype in ("Project Declaration", "Expert Review", "Annual Plan", "Project Approval"):
			self.assertIn(doctype, kinds)
		self.assertEqual(kinds.count("Expert Review"), 3)  # a panel of three (Art 10)
		dates = [entry["date"] for entry in entries if entry["date"]]
		self.assertEqual(dates, sorted(dates))

	def test_the_timeline_shows_a_unit_only_what_it_may_read(self):
		kinds = {entry["doctype"] for entry in self.timeline_as(self.a.health_user)}
		self.assertIn("Project Declaration", kinds)
		self.assertIn("Project Approval", kinds)
		self.assertNotIn("Expert Review", kinds)
		self.assertNotIn("Annual Plan", kinds)

	def test_a_deadline_is_late_when_missed_and_counts_working_days_while_open(self):
		with patch.object(timeline, "today", return_value="2024-01-02"):
			# 2023-12-29 (Fri) to 2024-01-02 (Tue): New Year's Day off, one working day late.
			self.assertEqual(timeline.lateness(date(2023, 12, 29), None), {"overdue": True, "days_left": -1})
			self.assertEqual(timeline.lateness(date(2024, 1, 4), None), {"overdue": False, "days_left": 2})
		self.assertEqual(timeline.lateness(date(2024, 1, 4), date(2024, 1, 5))["overdue"], True)
		self.assertEqual(timeline.lateness(date(2024, 1, 4), date(2024, 1, 4))["overdue"], False)
		self.assertEqual(timeline.lateness(None, None)["overdue"], False)

	def test_the_connections_list_every_document_linking_the_project(self):
		dashboard = frappe.get_meta("IT Project").get_dashboard_data()
		listed = {doctype for group in dashboard.transactions for doctype in group["items"]}
		direct = {
			source.doctype
			for source in timeline.TIMELINE_SOURCES
			if not source.link_doctype or frappe.get_meta(source.link_doctype).istable
		}
		self.assertEqual(direct - listed, set(), "a timeline source missing from IT Project's links")
		response = ApiClient(self.a.office).call(
			"frappe.desk.notifications.get_open_count", doctype="IT Project", name=self.big
		)
		self.assertEqual(response.status_code, 200, error_text(response))
		counts = {
			row["doctype"]: row["count"] for row in response.json["message"]["count"]["external_links_found"]
		}
		self.assertEqual(counts["Project Declaration"], 1)
		self.assertEqual(counts["Annual Plan"], 1)
		self.assertEqual(counts["Project Approval"], 1)
