"""PDF rendering time of a one-page Chinese form, against the baseline a site would otherwise have.

	cd ~/frappe-bench/sites
	../env/bin/python ../apps/govit_app/benchmarks/pdf_render.py --site pdf.localhost [--renders 20]

Seeds 25 IT Projects in 25 units (inside a transaction it rolls back: the site keeps nothing)
and prints them as an annual-plan-like form, 25 bordered rows of Chinese text, with our
renderer: the first (cold) render of the process, then the median and p90 per page. The
baseline is Frappe's own `frappe.utils.pdf.get_pdf` where wkhtmltopdf is installed; without it
(as on these machines) it is WeasyPrint with the same HTML and CSS but without the derived
faces, i.e. with the full Noto CJK fonts. Also times the IT Project Card print format end to
end (Jinja, permission checks, PDF).
"""

import io
import shutil
import statistics
import time

import frappe
from bench_site import connect, timed
from pypdf import PdfReader
from weasyprint import CSS, HTML

from govit_app.print_formats.documents import PAGE, get_pdf
from govit_app.print_formats.font_sources import describe
from govit_app.print_formats.render import PRINT_CSS, render_pdf

ROWS = 25
UNITS = ("市数据局", "市公安局", "市教育局", "市卫生健康委", "市交通运输局", "市自然资源和规划局", "市人社局")
SYSTEMS = (
	"一网通办平台",
	"城市运行管理平台",
	"智慧校园平台",
	"健康档案共享平台",
	"综合执法平台",
	"不动产登记系统",
)
PHASES = ("建设项目", "二期工程", "升级改造", "运维服务")
NATURES = ("新建", "续建", "改建", "运维", "购买服务")

TEMPLATE = """
<h1>{{ year }}年度市级政务信息化项目建设计划</h1>
<p class="form-meta">填报单位：市政府办公室<span class="right">金额单位：万元</span></p>
<table class="form">
	<colgroup><col style="width: 7%"><col style="width: 38%"><col style="width: 24%">
	<col style="width: 12%"><col style="width: 10%"><col style="width: 9%"></colgroup>
	<thead><tr><th>序号</th><th>项目名称</th><th>建设单位</th><th>性质</th><th>金额</th><th>阶段</th></tr></thead>
	{%- for p in projects %}
	<tr><td class="label">{{ loop.index }}</td><td>{{ p.project_name }}</td><td>{{ p.unit }}</td>
	<td class="label">{{ p.nature }}</td><td class="number">{{ "%.2f" | format(p.approved_amount) }}</td>
	<td class="label">{{ p.stage }}</td></tr>
	{%- endfor %}
	<tr><td colspan="2" class="label">合计（大写）</td><td colspan="4">{{ total | amount_in_capitals }}</td></tr>
</table>
<p class="signature">泰兴市人民政府办公室</p>
"""
# A form of this density sets rows in 五号 (10.5 pt), as a print format's own CSS would.
FORM_CSS = "table.form { font-size: 10.5pt; line-height: 1.4; } table.form th, table.form td { padding: 0.6mm 1.2mm; }"


def seed_projects() -> list[dict]:
	projects = []
	for i in range(ROWS):
		unit = UNITS[i % len(UNITS)]
		if not frappe.db.exists("Gov Unit", unit):
			frappe.get_doc({"doctype": "Gov Unit", "unit_name": unit, "unit_type": "市级部门"}).insert()
		name = f"泰兴市{SYSTEMS[i % len(SYSTEMS)]}{PHASES[i // len(SYSTEMS) % len(PHASES)]}"
		doc = frappe.get_doc(
			{
				"doctype": "IT Project",
				"project_name": name,
				"unit": unit,
				"project_category": "业务应用",
				"approved_amount": 18.5 + 7.25 * i,
			}
		).insert()
		projects.append({**doc.as_dict(), "nature": NATURES[i % len(NATURES)]})
	return projects


def pages(pdf: bytes) -> int:
	return len(PdfReader(io.BytesIO(pdf)).pages)


def report(label: str, samples: list[float], page_count: int) -> float:
	per_page = [s / page_count for s in samples]
	p90 = statistics.quantiles(per_page, n=10)[-1] if len(per_page) > 1 else per_page[0]
	median = statistics.median(per_page)
	print(f"{label:<52} median {median:6.2f} s/page   p90 {p90:6.2f} s/page   ({len(samples)} renders)")
	return median


def baseline(html: str):
	"""Frappe's own PDF where it can make one; else WeasyPrint with the full system CJK faces."""
	if shutil.which("wkhtmltopdf"):
		from frappe.utils.pdf import get_pdf as frappe_get_pdf

		styles = "".join(f"<style>{path.read_text()}</style>" for path in PRINT_CSS)
		return "Frappe get_pdf (wkhtmltopdf)", lambda: frappe_get_pdf(
			html.replace("<head>", f"<head>{styles}")
		)
	print("wkhtmltopdf is not installed: Frappe's get_pdf cannot run here; the baseline is WeasyPrint")
	print("with the same HTML and CSS and the full Noto CJK faces (what printing costs without ours).")
	sheets = [CSS(filename=str(path)) for path in PRINT_CSS] + [CSS(string=FORM_CSS)]
	return "baseline: WeasyPrint + full Noto CJK faces", lambda: HTML(string=html).write_pdf(
		stylesheets=sheets
	)


def main() -> None:
	args = connect(__doc__, renders=20, baseline_renders=3)
	print(describe(), end="\n\n")
	try:
		projects = seed_projects()
		total = sum(p["approved_amount"] for p in projects)
		body = frappe.render_template(TEMPLATE, {"projects": projects, "total": total, "year": 2027})
		html = PAGE.format(title="年度建设计划", body=body)

		start = time.perf_counter()
		pdf = render_pdf(html, stylesheets=[FORM_CSS])
		cold = time.perf_counter() - start
		page_count = pages(pdf)
		print(f"form: {ROWS} rows, {page_count} page(s), {len(pdf) / 1024:.0f} KB")
		print(f"{'first render in this process (fontconfig, faces)':<52} {cold:6.2f} s")
		ours = report(
			"GovIT renderer (derived glyf faces)",
			timed(lambda: render_pdf(html, [FORM_CSS]), args.renders),
			page_count,
		)

		label, render_baseline = baseline(html)
		base_pdf = render_baseline()
		theirs = report(label, timed(render_baseline, args.baseline_renders), pages(base_pdf))
		print(f"{'ratio baseline / ours (median per page)':<52} {theirs / ours:6.1f} ×")

		card = frappe.get_doc("IT Project", projects[0]["name"])
		card_pdf = get_pdf(card, "IT Project Card")
		report(
			"IT Project Card print format, end to end",
			timed(lambda: get_pdf(card, "IT Project Card"), args.renders),
			pages(card_pdf),
		)
	finally:
		frappe.db.rollback()
		frappe.destroy()


# Guarded: deriving missing print faces starts worker processes that import this file anew.
if __name__ == "__main__":
	main()
