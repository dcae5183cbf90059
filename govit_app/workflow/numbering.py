"""Official numbers (申报编号, and the numbers of later filings): given once, never issued again.

A filing's number is given when it is handed in, in a field of its own; the record's `name` is
a provisional identifier that is never an official number. The counter is Frappe's Series row
of the number's prefix (SB-2027- for SB-2027-00001), which Frappe moves back only when deleting
a document *named* from that series: no DocType is, so deleting a draft, numbered or not, never
makes its number (or its history, which follows the name) appear again. A hand-in that fails
rolls back with its transaction: that number was never issued. The field is unique, so even a
counter set back by hand in Document Naming Settings cannot issue a number twice.
"""

from dataclasses import dataclass

from frappe.model.document import Document
from frappe.model.naming import make_autoname


@dataclass(frozen=True)
class OfficialNumber:
	fieldname: str
	# A Frappe naming series: fields of the document between dots, "#" for the counter's digits.
	series: str


def issue(doc: Document, number: OfficialNumber) -> None:
	"""Give `doc` its official number, unless it has one (handed in again after a return)."""
	if not doc.get(number.fieldname):
		doc.set(number.fieldname, make_autoname(number.series, doc=doc))
