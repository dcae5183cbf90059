"""GovIT print formats become PDFs with real Chinese text, fast faces and no network (DESIGN §4)."""

import io
import re
from unittest.mock import patch

import frappe
from frappe.tests.utils import FrappeTestCase
from pypdf import PdfReader

from govit_app import roles as R
from govit_app.print_formats.documents import get_pdf
from govit_app.print_formats.fetcher import LocalFetcher, RefusedURL
from govit_app.print_formats.fonts import cache_dir, print_faces
from govit_app.print_formats.render import render_pdf
from govit_app.tests.utils import ApiClient, ensure_unit, ensure_user, insert_committed

CARD = "IT Project Card"
DOWNLOAD = "frappe.utils.print_format.download_pdf"
# A name outside GB2312 (珺 堃 喆) and two rare ideographs (㛃 in Extension A, 龘).
PROJECT_NAME = "_Test 智慧政务平台（王珺、李堃、张喆、㛃龘）"


def delete_committed(doc) -> None:
	frappe.db.rollback()  # what the test itself made goes, as FrappeTestCase would do
	frappe.delete_doc(doc.doctype, doc.name, force=True, ignore_permissions=True)
	frappe.db.commit()


def pdf_text(pdf: bytes) -> str:
	"""The PDF's text without white space, which extraction adds where fonts or lines change."""
	return compact("".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages))


def compact(text: str) -> str:
	return re.sub(r"\s+", "", text)


def font_names(pdf: bytes) -> set[str]:
	names = set()
	for page in PdfReader(io.BytesIO(pdf)).pages:
		for font in page["/Resources"]["/Font"].values():
			names.add(str(font.get_object()["/BaseFont"]))
	return names


class TestPrintFormatPdf(FrappeTestCase):
	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		cls.unit = ensure_unit("_Test 数据局")
		cls.project = insert_committed(
			{
				"doctype": "IT Project",
				"project_name": PROJECT_NAME,
				"unit": cls.unit,
				"project_category": "基础设施",
				"approved_amount": 50,
				"contract_amount": 12.3456,
			}
		)

	@classmethod
	def tearDownClass(cls):
		delete_committed(cls.project)
		super().tearDownClass()

	def test_card_has_the_chinese_name_and_amounts_in_capitals_as_text(self):
		text = pdf_text(get_pdf(self.project, CARD))
		self.assertIn(compact(PROJECT_NAME), text)
		self.assertIn("伍拾万元整", text)
		self.assertIn("壹拾贰万叁仟肆佰伍拾陆元整", text)

	def test_pdf_embeds_the_derived_faces_not_the_slow_system_font(self):
		names = font_names(get_pdf(self.project, CARD))
		self.assertIn("GovIT-Serif", " ".join(names))
		self.assertIn("GovIT-Extension", " ".join(names))  # 珺 堃 喆 㛃 龘
		self.assertFalse([name for name in names if "Noto" in name], names)

	def test_print_format_made_in_the_desk_renders_with_us_and_has_the_jinja_method(self):
		print_format = frappe.get_doc(
			{
				"doctype": "Print Format",
				"name": "_Test 项目批复金额",
				"doc_type": "IT Project",
				"custom_format": 1,
				"print_format_type": "Jinja",
				"html": "<h1>{{ doc.project_name }}</h1><p>{{ amount_in_capitals(doc.approved_amount) }}</p>",
			}
		).insert()
		self.assertEqual(print_format.module, "GovIT")
		text = pdf_text(get_pdf(self.project, print_format))
		self.assertIn(compact(PROJECT_NAME), text)
		self.assertIn("伍拾万元整", text)

	def test_red_header_prints_the_organ_in_red_above_a_red_rule(self):
		html = frappe.render_template(
			'{% from "govit_app/print_formats/templates/gbt9704.html" import red_header %}'
			'{{ red_header("泰兴市人民政府办公室文件", "泰政办发〔2026〕1号") }}<h1>关于开展项目申报的通知</h1>',
			{},
		)
		pdf = render_pdf(html)
		text = pdf_text(pdf)
		for part in ("泰兴市人民政府办公室文件", "泰政办发〔2026〕1号", "关于开展项目申报的通知"):
			self.assertIn(part, text)
		content = PdfReader(io.BytesIO(pdf)).pages[0].get_contents().get_data().decode("latin-1")
		colours = {tuple(map(float, m)) for m in re.findall(r"([\d.]+) ([\d.]+) ([\d.]+) (?:rg|RG)", content)}
		self.assertTrue([c for c in colours if c[0] > 0.8 and c[1] < 0.1 and c[2] < 0.2], colours)

	def test_renderer_never_touches_the_network_nor_attaches_server_files(self):
		html = (
			'<img src="https://example.org/logo.png"><img src="http://192.0.2.1/seal.png">'
			'<link rel="attachment" href="file:///etc/hostname"><a rel="attachment" href="file:///etc/passwd">附件</a>'
			"<p>正文</p>"
		)
		opened = []
		import weasyprint.urls

		real_urlopen = weasyprint.urls.urlopen

		def recording_urlopen(request, *args, **kwargs):
			opened.append(getattr(request, "full_url", request))
			return real_urlopen(request, *args, **kwargs)

		with patch.object(weasyprint.urls, "urlopen", recording_urlopen):
			pdf = render_pdf(html)
		self.assertIn("正文", pdf_text(pdf))
		self.assertFalse(
			[url for url in opened if not str(url).startswith("file:") or "/etc/" in str(url)], opened
		)
		self.assertNotIn(b"/EmbeddedFile", pdf)

	def test_fetcher_serves_print_fonts_and_refuses_everything_else(self):
		fetcher = LocalFetcher(folders=[cache_dir()], site_url="http://site.test", site_paths={})
		face = print_faces()[0].path
		served = fetcher(face.as_uri())
		served["file_obj"].close()
		for url in (
			"https://example.org/a.png",
			"http://site.test/private/files/x.pdf",
			"file:///etc/passwd",
		):
			with self.assertRaises(RefusedURL, msg=url):
				fetcher(url)
		with self.assertRaises(RefusedURL):
			fetcher((cache_dir() / ".." / ".." / "common_site_config.json").as_uri())


class TestPdfDownload(FrappeTestCase):
	"""The print view's PDF button and REST download_pdf: our PDF for our formats, as the user may."""

	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		cls.unit = ensure_unit("_Test 数据局")
		cls.other_unit = ensure_unit("_Test 交通局")
		cls.unit_user = ensure_user("govit-pdf-unit@test.local", [R.UNIT_USER], (cls.unit,))
		cls.other_unit_user = ensure_user("govit-pdf-other@test.local", [R.UNIT_USER], (cls.other_unit,))
		cls.no_role_user = ensure_user("govit-pdf-norole@test.local", [])
		cls.system_manager = ensure_user("govit-pdf-admin@test.local", ["System Manager"])
		cls.project = insert_committed(
			{
				"doctype": "IT Project",
				"project_name": PROJECT_NAME,
				"unit": cls.unit,
				"project_category": "业务应用",
				"approved_amount": 50,
			}
		)

	@classmethod
	def tearDownClass(cls):
		delete_committed(cls.project)
		super().tearDownClass()

	def download(self, user: str, doctype: str = "IT Project", name: str | None = None, **params):
		query = {"doctype": doctype, "name": name or self.project.name, "format": CARD, **params}
		return ApiClient(user).call(DOWNLOAD, http_method="GET", **query)

	def test_user_of_the_unit_gets_our_pdf_in_chinese(self):
		response = self.download(self.unit_user, language="zh")
		self.assertEqual(response.status_code, 200, response.data[:300])
		self.assertEqual(response.mimetype, "application/pdf")
		text = pdf_text(response.data)
		self.assertIn(compact(PROJECT_NAME), text)
		self.assertIn("伍拾万元整", text)
		self.assertIn("项目档案卡", text)

	def test_users_who_may_not_read_the_project_get_403_and_no_pdf(self):
		for user in (self.other_unit_user, self.no_role_user):
			response = self.download(user)
			self.assertEqual(response.status_code, 403, user)
			self.assertFalse(response.data.startswith(b"%PDF"), user)

	def test_other_print_formats_stay_with_frappe(self):
		todo = insert_committed({"doctype": "ToDo", "description": "_Test 打印"})
		self.addCleanup(delete_committed, todo)
		with patch("frappe.utils.pdf.get_pdf", return_value=b"%PDF-frappe") as frappe_pdf:
			response = self.download(self.system_manager, "ToDo", todo.name, format="Standard")
		self.assertEqual(response.data, b"%PDF-frappe")
		frappe_pdf.assert_called_once()
