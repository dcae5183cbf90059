"""The visibility rule for classified records (Art 25), without Frappe."""

from collections.abc import Collection

from govit_app import roles as R
from govit_app.vocabulary import SecrecyLevel

# Besides the record's own unit (and its competent department, which declares for it under
# Art 8), only these see classified records.
CLASSIFIED_READER_ROLES = frozenset({R.OFFICE, R.SECRECY, "System Manager"})


def is_classified(secrecy_level: str | None) -> bool:
	return (secrecy_level or SecrecyLevel.UNCLASSIFIED) != SecrecyLevel.UNCLASSIFIED


def sees_all_classified(roles: Collection[str]) -> bool:
	return not CLASSIFIED_READER_ROLES.isdisjoint(roles)


def may_see(
	roles: Collection[str], user_units: Collection[str], unit: str | None, secrecy_level: str | None
) -> bool:
	"""Whether the secrecy rule lets a user see a record of `unit` at `secrecy_level`.

	Ordinary unit scoping is Frappe's User Permission; this only removes classified
	records from everyone but their unit, the Office and the Secrecy Bureau.
	"""
	if not is_classified(secrecy_level) or sees_all_classified(roles):
		return True
	return bool(unit) and unit in user_units


# Roles that act for every unit: they see every unit's records and change them where their
# DocType permission lets them.
ALL_UNITS_ROLES = frozenset({R.OFFICE, "System Manager"})


def acts_for(roles: Collection[str], user_units: Collection[str], unit: str | None) -> bool:
	"""Whether a user changes records of `unit`: its own users (and its competent department's,
	whose permission covers the units below it), or the Office."""
	return not ALL_UNITS_ROLES.isdisjoint(roles) or (bool(unit) and unit in user_units)
