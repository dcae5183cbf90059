"""Defence in depth around Frappe's own channels (issue 8).

Frappe exposes more than `/api/resource`: list, report, card, chart, search, count, title,
file, comment and follow endpoints, some of which paste client text into SQL or skip the
permission hooks. `request_guard` looks at every request before Frappe runs it, `endpoints`
replaces the few whitelisted methods that answer without asking, `files` keeps private
files with the record they were first attached to, `social` keeps comments, assignments,
likes, follows and tags with those who work on a record, `body` turns malformed input into
a clear 4xx and `responses` keeps database texts and tracebacks from non-administrators.
"""
