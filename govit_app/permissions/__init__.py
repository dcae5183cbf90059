"""Who sees what (DESIGN §1, Art 25).

Roles grant, User Permissions on Gov Unit scope a unit's users to their unit (and a
competent department to the units below it, the Gov Unit tree's descendants), and the
hooks here only ever deny: classified records stay with their unit, the Office and
the Secrecy Bureau. `policy` is the pure rule; `hooks` wires it into Frappe.
"""
