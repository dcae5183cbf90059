"""One journey through the desk in Chromium, as the city's staff would click it:

a school's user declares a new project and attaches its materials, the competent department
(教育局) finds it in 待我处理 and signs its opinion, the Office finds it in 待我处理 and accepts it
(受理), then opens the workspace and 项目台账, where the project now stands. The test fails on
any uncaught page error or console error, and saves a screenshot of each screen.

Run by `tests/run` against a site it serves on 127.0.0.1 with the demo's units and users
(`govit_app.demo.foundation`) and an open declaration round; by hand:

    GOVIT_BROWSER_URL=http://127.0.0.1:8000 GOVIT_BROWSER_SITE=govit.localhost \\
        .venv/bin/pytest tests/browser
"""

import os
import re
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, BrowserContext, ConsoleMessage, Error, Page, sync_playwright

URL = os.environ.get("GOVIT_BROWSER_URL", "")
SITE = os.environ.get("GOVIT_BROWSER_SITE", "")
CHROMIUM = os.environ.get("GOVIT_CHROMIUM", "/usr/bin/chromium")
SCREENSHOTS = Path(os.environ.get("GOVIT_SCREENSHOTS", "/tmp/govit-browser-screenshots"))
# The demo's users (govit_app/demo/foundation.py): a school below the education bureau.
PASSWORD = os.environ.get("GOVIT_BROWSER_PASSWORD", "Govit@2026")
SCHOOL, BUREAU, OFFICE = "school@govit.demo", "edu@govit.demo", "office@govit.demo"
ROUND = os.environ.get("GOVIT_BROWSER_ROUND", "2027")
FLAGS = [
	"--headless",
	"--no-sandbox",
	"--disable-gpu",
	"--disable-background-networking",
	"--disable-component-update",
	"--no-first-run",
]
PROJECT = f"浏览器测试智慧食堂系统{time.strftime('%m%d%H%M%S')}"
# A minimal PDF: the materials are checked for their type, not their content.
PDF = "%PDF-1.4\n% govit browser journey\n"


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
	with sync_playwright() as playwright:
		browser = playwright.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
		yield browser
		browser.close()


def is_missing_realtime_server(message: ConsoleMessage) -> bool:
	"""The one error this setup causes on purpose: the site is served by gunicorn alone, without
	Frappe's Node realtime server, so the desk's /socket.io polls answer 404 (Frappe's own
	`disable_async` switch breaks the form instead). Nothing else is forgiven."""
	return "/socket.io/" in (message.location or {}).get("url", "") and "404" in message.text


def is_chart_redraw_race(error: Error) -> bool:
	"""A bug of the chart library Frappe v15 bundles (frappe-charts 2.0.0-rc22): a chart that Frappe
	drew again keeps a ResizeObserver whose redraw removes an SVG the new drawing already replaced.
	Recognised by its exact shape: a removeChild failure inside the library's resize handler."""
	return "removeChild" in error.message and "boundDrawFn" in (error.stack or "")


class Desk:
	"""One user's session in the desk, recording every page error."""

	def __init__(self, browser: Browser, user: str):
		self.user = user
		self.errors: list[str] = []
		# The site is chosen by this header, whatever the host name (Frappe reads it first).
		self.context: BrowserContext = browser.new_context(
			base_url=URL,
			extra_http_headers={"X-Frappe-Site-Name": SITE},
			locale="zh-CN",
			viewport={"width": 1440, "height": 1100},
		)
		self.context.set_default_timeout(90_000)
		self.page: Page = self.context.new_page()
		self.page.on("pageerror", self.on_page_error)
		self.page.on("console", self.on_console)
		self.login()

	def on_page_error(self, error: Error) -> None:
		if not is_chart_redraw_race(error):
			self.errors.append(f"{self.user} page error at {self.page.url}: {error.stack or error}")

	def on_console(self, message: ConsoleMessage) -> None:
		if message.type == "error" and not is_missing_realtime_server(message):
			self.errors.append(f"{self.user} console error at {self.page.url}: {message.text}")

	def login(self) -> None:
		self.page.goto("/login")
		self.page.fill("#login_email", self.user)
		self.page.fill("#login_password", PASSWORD)
		self.page.click(".btn-login")
		self.page.wait_for_url(re.compile(r"/app"))
		self.page.wait_for_function("() => window.frappe && frappe.boot && frappe.boot.govit")

	def open_form(self, path: str, doctype: str) -> None:
		self.page.goto(path)
		self.page.wait_for_function(
			"(doctype) => window.cur_frm && cur_frm.doctype === doctype && cur_frm.layout", arg=doctype
		)

	def save(self) -> str:
		self.page.keyboard.press("Control+s")
		self.until("() => !cur_frm.is_new() && !cur_frm.is_dirty()", what="saving")
		return self.page.evaluate("() => cur_frm.doc.name")

	def take_action(self, action: str, state: str) -> None:
		"""The workflow's Actions menu, as a user clicks it."""
		menu = self.page.locator(".page-actions .actions-btn-group:visible")
		menu.locator("> button").click()
		menu.locator(".dropdown-menu a", has_text=action).click()
		self.until(f"() => cur_frm.doc.workflow_state === {state!r}", what=action)

	def until(self, condition: str, what: str) -> None:
		"""Waits for `condition`; a message the desk showed instead makes the failure say why."""
		try:
			self.page.wait_for_function(condition)
		except Exception as error:
			self.screenshot(f"failed-{self.user.split('@')[0]}")
			shown = self.page.evaluate("() => $('.modal.show .modal-body').text().trim()")
			raise AssertionError(
				f"{self.user} {what}: {shown or error}\n" + "\n".join(self.errors)
			) from error

	def open_from_waiting_list(self, title: str) -> None:
		"""待我处理: the report lists the declaration; its link opens the form."""
		self.page.goto("/app/query-report/Waiting For Me")
		row = self.page.locator(".dt-row", has_text=title).first
		row.wait_for()
		row.locator("a[href*='/app/project-declaration/']").first.click()
		self.page.wait_for_function(
			"(title) => window.cur_frm && cur_frm.doc.project_name === title", arg=title
		)

	def screenshot(self, name: str) -> None:
		SCREENSHOTS.mkdir(parents=True, exist_ok=True)
		# The viewport only: a full-page shot resizes the page, and a chart caught drawing then
		# fails inside Frappe's chart library.
		self.page.screenshot(path=str(SCREENSHOTS / f"{name}.png"))

	def leave(self, screenshot: str) -> list[str]:
		"""The last screenshot, then the browser context closed; returns the page errors seen."""
		self.screenshot(screenshot)
		self.context.close()
		return self.errors


def test_a_declaration_from_the_unit_to_the_ledger(browser: Browser):
	errors: list[str] = []

	# 1. The school declares (Art 5-9): the form, its funding and its materials.
	school = Desk(browser, SCHOOL)
	school.open_form("/app/project-declaration/new", "Project Declaration")
	school.page.fill("[data-fieldname='project_name'] input", PROJECT)
	school.page.evaluate(
		"""async ([round, year]) => {
			const V = frappe.boot.govit.vocabulary;
			// The unit the user acts for (its User Permission), as the user picks it.
			const unit = frappe.defaults.get_user_permissions()["Gov Unit"][0].doc;
			await cur_frm.set_value({
				unit: unit,
				declaration_round: round,
				declaration_date: frappe.datetime.get_today(),
				project_nature: V.ProjectNature.NEW,
				project_category: V.ProjectCategory.BUSINESS_APPLICATION,
				project_leader: "王建国",
				project_leader_phone: "13805260001",
				contact_person: "刘洋",
				contact_phone: "0523-87500101",
				purpose_and_content: "建设食堂订餐、食材溯源和营养分析系统，数据接入市教育数据中心。",
				start_date: `${year}-03-01`,
				end_date: `${year}-12-31`,
				estimate_amount: 32,
				mlps_level: V.MlpsLevel.LEVEL_2,
				has_crypto_plan: V.YesNo.YES,
				deploy_on_gov_cloud: 1,
				connect_big_data_platform: 1,
			});
			// The form opens with an empty funding row (the table is required): fill it in.
			const row = (cur_frm.doc.funding || [])[0] || cur_frm.add_child("funding");
			await frappe.model.set_value(row.doctype, row.name, { source: V.FundingSource.FISCAL, amount: 32 });
			cur_frm.refresh_field("funding");
		}""",
		[ROUND, ROUND],
	)
	name = school.save()  # the materials the nature needs are listed on save (Art 9)
	school.page.wait_for_function("() => (cur_frm.doc.materials || []).some((m) => m.is_required)")
	# Each required material uploaded as the desk's attach control uploads it, then set on its row.
	school.page.evaluate(
		"""async ([pdf]) => {
			for (const row of cur_frm.doc.materials.filter((m) => m.is_required)) {
				const form = new FormData();
				form.append("file", new Blob([pdf], { type: "application/pdf" }), `${row.material_type}.pdf`);
				form.append("is_private", "1");
				form.append("doctype", cur_frm.doctype);
				form.append("docname", cur_frm.docname);
				const response = await fetch("/api/method/upload_file", {
					method: "POST",
					body: form,
					headers: { "X-Frappe-CSRF-Token": frappe.csrf_token, Accept: "application/json" },
				});
				const file = (await response.json()).message;
				await frappe.model.set_value(row.doctype, row.name, "attachment", file.file_url);
			}
		}""",
		[PDF],
	)
	school.save()
	school.take_action("提交申报", "待主管部门审核")
	errors += school.leave("1-school-handed-in")

	# 2. The education bureau signs its opinion (Art 8), found in its 待我处理.
	bureau = Desk(browser, BUREAU)
	bureau.open_from_waiting_list(PROJECT)
	bureau.page.fill(
		"[data-fieldname='competent_opinion'] textarea", "经审核，项目符合教育信息化规划，同意申报。"
	)
	bureau.save()
	bureau.take_action("审核同意", "待受理")
	errors += bureau.leave("2-bureau-agreed")

	# 3. The Office accepts it (受理, Art 10), then looks at the workspace and the ledger.
	office = Desk(browser, OFFICE)
	office.page.goto("/app/e-government-it-projects")
	waiting = office.page.locator(".widget.number-widget-box", has_text="待我处理").locator(".number")
	waiting.first.wait_for()
	assert int(waiting.first.inner_text()) >= 1, "the Office's 待我处理 card counts nothing"
	office.until(
		"() => ![...document.querySelectorAll('.widget')].some((w) => w.innerText.includes(__('Loading...')))",
		what="loading every card and chart of the workspace",
	)
	office.page.wait_for_timeout(1000)  # the charts' drawing animation, for the screenshot
	office.screenshot("3-office-workspace")
	office.open_from_waiting_list(PROJECT)
	office.take_action("受理", "评审中")
	project = office.page.evaluate("() => cur_frm.doc.it_project")
	assert project, f"accepting {name} opened no IT Project"
	office.screenshot("4-office-accepted")
	office.page.goto("/app/query-report/Project Ledger")
	office.page.locator(".dt-row", has_text=PROJECT).first.wait_for()
	assert office.page.locator(".report-summary").first.is_visible()
	office.page.wait_for_load_state("networkidle")
	errors += office.leave("5-office-ledger")

	assert not errors, "\n".join(errors)
