"""Issue 8, classes 4 and 9 (uploads): private files stay with the record they were first
attached to, and no active content is uploaded (docs/permissions.md rule 8)."""

import json
from io import BytesIO

import frappe
from frappe.utils import now

from govit_app.tests.plan_fixtures import DECLARATION, PDF
from govit_app.tests.trust_fixtures import TrustTestCase
from govit_app.tests.utils import ApiClient


class TestPrivateFiles(TrustTestCase):
	def test_the_unit_and_the_office_download_the_file_others_do_not(self):
		self.assertEqual(ApiClient(self.health_user).request("GET", self.health_file).status_code, 200)
		self.assertEqual(ApiClient(self.office_user).request("GET", self.health_file).status_code, 200)
		self.assertEqual(ApiClient(self.school_user).request("GET", self.health_file).status_code, 403)

	def test_a_file_row_cannot_adopt_another_records_file(self):
		school = ApiClient(self.school_user)
		attempts = {
			"unattached": {"file_url": self.health_file, "is_private": 1},
			"attached to its own draft": {
				"file_url": self.health_file,
				"is_private": 1,
				"attached_to_doctype": DECLARATION,
				"attached_to_name": self.d_school,
			},
		}
		for title, values in attempts.items():
			with self.subTest(title):
				self.refused(school.insert("File", values), (403, 417))
		self.refused(
			school.call("upload_file", doctype=DECLARATION, docname=self.d_school, file_url=self.health_file),
			(403, 417),
		)
		self.assertEqual(frappe.db.count("File", {"file_url": self.health_file}), 1)
		self.assertEqual(school.request("GET", self.health_file).status_code, 403)

	def test_a_row_made_behind_the_checks_does_not_open_the_file(self):
		# Defence in depth: a second row that exists (made before this fix) serves nothing.
		row = frappe.get_doc(
			{
				"doctype": "File",
				"file_url": self.health_file,
				"file_name": "_Test 信任 x.pdf",
				"is_private": 1,
			}
		)
		row.name, row.owner, row.creation, row.modified = (
			frappe.generate_hash(length=10),
			self.school_user,
			now(),
			now(),
		)
		row.db_insert()
		frappe.db.commit()
		try:
			self.assertEqual(ApiClient(self.school_user).request("GET", self.health_file).status_code, 403)
		finally:
			frappe.db.delete("File", {"name": row.name})
			frappe.db.commit()

	def test_an_attach_field_names_only_files_of_readable_records(self):
		school = ApiClient(self.school_user)
		doc = school.get_doc(DECLARATION, self.d_school).json["data"]
		rows = doc["materials"]
		rows[0]["attachment"] = self.health_file
		response = school.update(DECLARATION, self.d_school, {"materials": rows})
		self.refused(response, 417)
		self.assertNotIn(
			self.health_file,
			frappe.get_all("Declaration Material", filters={"parent": self.d_school}, pluck="attachment"),
		)

	def test_the_same_bytes_uploaded_elsewhere_become_a_file_of_their_own(self):
		school = ApiClient(self.school_user)
		content = frappe.get_doc("File", {"file_url": self.health_file}).get_content()
		content = content.encode() if isinstance(content, str) else content
		response = school.upload(DECLARATION, self.d_school, "建设方案.pdf", content)
		self.assertEqual(response.status_code, 200, response.text[:300])
		url = response.json["message"]["file_url"]
		self.assertNotEqual(url, self.health_file)
		self.assertEqual(school.request("GET", url).status_code, 200)
		self.assertEqual(school.request("GET", self.health_file).status_code, 403)

	def test_file_lists_show_only_files_of_readable_records(self):
		for user, sees in ((self.school_user, False), (self.health_user, True), (self.office_user, True)):
			with self.subTest(user=user):
				response = ApiClient(user).get_list("File", fields=["name", "file_url"])
				self.assertEqual(response.status_code, 200, response.text[:300])
				urls = {row["file_url"] for row in response.json["data"]}
				self.assertEqual(self.health_file in urls, sees)

	def test_finding_a_files_first_record_reads_an_index_not_the_whole_file_table(self):
		plan = frappe.db.sql(
			"explain select `name` from `tabFile` where `file_url` = %s and `is_folder` = 0",
			("/private/files/any.pdf",),
			as_dict=True,
		)
		self.assertEqual(plan[0].key, "govit_file_url")


class TestActiveContent(TrustTestCase):
	def upload(self, api: ApiClient, filename: str, content: bytes, **form) -> object:
		data = {"is_private": "0", "file": (BytesIO(content), filename), **form}
		return api.request("POST", "/api/method/upload_file", data=data)

	def test_html_svg_js_and_xml_are_refused_wherever_they_go(self):
		school = ApiClient(self.school_user)
		for filename in ("page.html", "logo.svg", "app.js", "feed.xml", "PAGE.HTM"):
			with self.subTest(filename):
				text = self.refused(self.upload(school, filename, b"<script>alert(1)</script>"), 417)
				self.assertIn("活动内容", text)
				self.assertFalse(frappe.db.exists("File", {"file_name": filename}))
		todo = frappe.get_doc(
			{"doctype": "ToDo", "description": "_Test 信任 待办", "allocated_to": self.school_user}
		)
		todo.insert(ignore_permissions=True)
		frappe.db.commit()
		self.refused(self.upload(school, "x.html", b"<script>", doctype="ToDo", docname=todo.name), 417)

	def test_a_pdf_is_still_uploaded(self):
		response = self.upload(ApiClient(self.school_user), "_Test 信任 说明.pdf", PDF + b"trust")
		self.assertEqual(response.status_code, 200, response.text[:300])

	def test_the_settings_cannot_accept_active_content(self):
		response = ApiClient(self.office_user).call(
			"frappe.client.set_value",
			doctype="GovIT Settings",
			name="GovIT Settings",
			fieldname=json.dumps({"attachment_extensions": "pdf, html"}),
		)
		self.assertIn("html", self.refused(response, 417))
