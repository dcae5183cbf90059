"""Sites installed before the trust issue get the list of active-content file types refused on
every upload, as it was defined then."""

import frappe

REFUSED = "html, htm, xhtml, shtml, svg, svgz, xml, xsl, xslt, js, mjs, swf"


def execute() -> None:
	if not frappe.db.get_single_value("GovIT Settings", "refused_upload_extensions"):
		frappe.db.set_single_value("GovIT Settings", "refused_upload_extensions", REFUSED)
