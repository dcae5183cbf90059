"""Helpers for integration tests: committed fixtures and a REST client per user.

Requests go through Frappe's real WSGI application (as frappe/tests/test_api.py does):
each in its own thread with its own database connection, so fixtures they must see are
committed, and named `_Test …` so that reruns on a developer's site find them again.
"""

import json
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from io import BytesIO
from threading import Barrier, Thread
from typing import Any

import frappe
from werkzeug.test import Client, TestResponse

from govit_app.permissions.membership import ensure_member
from govit_app.permissions.membership import ensure_unit as make_unit

TEST_PASSWORD = "Govit-Test-Pass-2026!"


def ensure_unit(
	name: str, unit_type: str = "市级部门", competent: str | None = None, function: str | None = None
) -> str:
	"""A committed Gov Unit, so that the REST requests of a test see it."""
	make_unit(name, unit_type, competent, function)
	frappe.db.commit()
	return name


def ensure_user(email: str, roles: list[str], units: tuple[str, ...] = ()) -> str:
	"""A desk user with exactly `roles`, tied to `units` by User Permission on Gov Unit."""
	ensure_member(email, email.split("@")[0], tuple(roles), tuple(units), TEST_PASSWORD)
	frappe.db.commit()
	frappe.clear_cache(user=email)
	return email


def insert_committed(doc: dict) -> "frappe.model.document.Document":
	created = frappe.get_doc(doc).insert(ignore_permissions=True)
	frappe.db.commit()
	return created


class ApiClient:
	"""One logged-in user speaking to the site over Frappe's REST API."""

	def __init__(self, user: str, password: str = TEST_PASSWORD):
		from frappe.app import application

		self.user = user
		self.site = frappe.local.site
		self.client = Client(application, use_cookies=True)
		response = self.request("POST", "/api/method/login", data={"usr": user, "pwd": password})
		if response.status_code != 200:
			raise AssertionError(f"login failed for {user}: {response.status_code} {response.text[:300]}")

	def open(self, method: str, path: str, **kwargs: Any) -> TestResponse:
		"""The request itself, in the calling thread (see `request` and `concurrently`)."""
		headers = {"X-Frappe-Site-Name": self.site, "Accept": "application/json", **kwargs.pop("headers", {})}
		return self.client.open(path, method=method, headers=headers, **kwargs)

	def request(self, method: str, path: str, **kwargs: Any) -> TestResponse:
		return concurrently(lambda: self.open(method, path, **kwargs))[0]

	# -- /api/resource
	def get_list(
		self, doctype: str, filters: Any = None, fields: list[str] | None = None, **params
	) -> TestResponse:
		query = {"limit_page_length": 0, **params}
		if filters is not None:
			query["filters"] = json.dumps(filters)
		if fields is not None:
			query["fields"] = json.dumps(fields)
		return self.request("GET", f"/api/resource/{doctype}", query_string=query)

	def list_names(self, doctype: str, filters: Any = None) -> set[str]:
		response = self.get_list(doctype, filters)
		if response.status_code != 200:
			raise AssertionError(
				f"{self.user} listing {doctype}: {response.status_code} {response.text[:300]}"
			)
		return {row["name"] for row in response.json["data"]}

	def get_doc(self, doctype: str, name: str) -> TestResponse:
		return self.request("GET", f"/api/resource/{doctype}/{name}")

	def insert(self, doctype: str, data: dict) -> TestResponse:
		return self.request("POST", f"/api/resource/{doctype}", json=data)

	def modified(self, doctype: str, name: str) -> str | None:
		"""The version of the document this user reads (None when they may not read it)."""
		response = self.get_doc(doctype, name)
		return response.json["data"]["modified"] if response.status_code == 200 else None

	def update(self, doctype: str, name: str, data: dict) -> TestResponse:
		"""PUT as a client that read the document first: the change states the version it read."""
		version = self.modified(doctype, name)
		data = {"modified": version, **data} if version else data
		return self.request("PUT", f"/api/resource/{doctype}/{name}", json=data)

	def delete(self, doctype: str, name: str) -> TestResponse:
		return self.request("DELETE", f"/api/resource/{doctype}/{name}")

	# -- /api/method
	def call(self, method: str, http_method: str = "POST", **data: Any) -> TestResponse:
		if http_method == "GET":
			return self.request("GET", f"/api/method/{method}", query_string=data)
		return self.request("POST", f"/api/method/{method}", json=data)

	def apply_workflow(self, doctype: str, name: str, action: str) -> TestResponse:
		"""The desk's workflow button: it sends the document it shows (its version), Frappe takes `action`."""
		doc = {"doctype": doctype, "name": name}
		if version := self.modified(doctype, name):
			doc["modified"] = version
		return self.call("frappe.model.workflow.apply_workflow", doc=doc, action=action)

	def take_step(self, doctype: str, name: str, action: str, reason: str | None = None) -> TestResponse:
		"""The desk's workflow button for a step that asks for a reason (退回修改, 终止…): the
		reason travels with the action."""
		return self.call(
			"govit_app.workflow.reasons.apply_workflow",
			doctype=doctype,
			name=name,
			action=action,
			reason=reason,
		)

	def upload(
		self, doctype: str, name: str, filename: str, content: bytes, fieldname: str | None = None
	) -> TestResponse:
		"""`upload_file` as the desk's attach button sends it (multipart, private)."""
		data = {"doctype": doctype, "docname": name, "is_private": "1", "file": (BytesIO(content), filename)}
		if fieldname:
			data["fieldname"] = fieldname
		return self.request("POST", "/api/method/upload_file", data=data)


def concurrently(*requests: Callable[[], TestResponse]) -> list[TestResponse]:
	"""Send requests at the same moment, each in its own thread with its own database connection.

	They see only what the test committed, and the test sees their effects only from a new
	transaction with a fresh request cache."""
	start = Barrier(len(requests))
	responses: list[TestResponse | None] = [None] * len(requests)

	def run(i: int) -> None:
		start.wait()
		responses[i] = requests[i]()

	frappe.db.commit()
	threads = [Thread(target=run, args=(i,)) for i in range(len(requests))]
	for thread in threads:
		thread.start()
	for thread in threads:
		thread.join()
	frappe.db.commit()
	frappe.local.cache = {}
	return responses


def run_queued_jobs(method: str) -> int:
	"""Run here the jobs this site's requests queued for `method`. No worker takes them first:
	tests/run gives the test site a bench_id of its own, so its queues are its own."""
	from frappe.utils.background_jobs import get_queue, get_queue_list

	ran = 0
	for queue in map(get_queue, get_queue_list()):
		for job in queue.get_jobs():
			job_args = job.kwargs or {}
			if job_args.get("site") == frappe.local.site and job_args.get("method") == method:
				job.delete()
				frappe.get_attr(method)(**job_args["kwargs"])
				ran += 1
	frappe.db.commit()
	return ran


def error_text(response: TestResponse) -> str:
	"""The user-visible message(s) of a failed request, for assertions on wording."""
	body = response.json or {}
	parts = [body.get("exception", "")]
	for message in json.loads(body.get("_server_messages") or "[]"):
		parts.append(json.loads(message).get("message", ""))
	return "\n".join(p for p in parts if p)


@contextmanager
def count_queries() -> Iterator[dict[str, Any]]:
	"""Counts the SQL statements this process runs inside the block (`counter["n"]`) and keeps
	their text (`counter["statements"]`)."""
	counter: dict[str, Any] = {"n": 0, "statements": []}
	original = frappe.db.sql

	def counting(query, *args, **kwargs):
		counter["n"] += 1
		counter["statements"].append(str(query))
		return original(query, *args, **kwargs)

	frappe.db.sql = counting
	try:
		yield counter
	finally:
		frappe.db.sql = original
