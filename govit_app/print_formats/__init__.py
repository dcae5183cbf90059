"""PDFs of the GovIT print formats: WeasyPrint (Frappe's pin), GB/T 9704 print CSS, local CJK fonts.

- `render.render_pdf(html, stylesheets=(), base_url=None) -> bytes`: any HTML to PDF.
- `documents.get_pdf(doc, print_format) -> bytes`: a document printed with one of our formats,
  with Frappe's permission and draft rules.
- `download.download_pdf`: replaces Frappe's PDF download (print view button, REST) for our
  formats (hooks.override_whitelisted_methods); other formats stay with Frappe.

A print format is ours when it is a Jinja print format of the module GovIT: ship it as
`govit/print_format/<name>/<name>.json` (standard "Yes", custom_format 1) with `<name>.html`
beside it, or create it in the desk for one of our DocTypes. Its HTML uses the classes of
`css/gbt9704.css` (h1 title, p body, .signature) and `css/form.css` (table.form), the macro
`{% from "govit_app/print_formats/templates/gbt9704.html" import red_header %}` and the
filter `amount_in_capitals`; its CSS field is applied after ours.
"""
