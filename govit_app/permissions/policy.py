"""Who reads a unit's records: unit scoping and the secrecy rule (Art 25), without Frappe.

The permission hooks apply these rules themselves, so they hold even where Frappe skips its
User Permission filter (a search with `ignore_user_permissions`, a Link field that ignores
them): a user acting for units reads their records and what was shared with them, a user
acting for a city department reads every unit's, and classified records stay with their
unit, the Office and the Secrecy Bureau.
"""

from collections.abc import Collection

from govit_app import roles as R
from govit_app.vocabulary import SecrecyLevel

# Besides the record's own unit (and its competent department, which declares for it under
# Art 8), only these see classified records.
CLASSIFIED_READER_ROLES = frozenset({R.OFFICE, R.SECRECY, "System Manager"})

# Roles acting for a unit (User Permission on Gov Unit) or for what is shared with them (an
# expert's declarations); every other GovIT role acts for a city department across units.
SCOPED_ROLES = frozenset({R.UNIT_USER, R.COMPETENT_DEPT, R.EXPERT})
CITY_ROLES = (frozenset(R.ALL_ROLES) - SCOPED_ROLES) | {"System Manager"}


def is_classified(secrecy_level: str | None) -> bool:
	return (secrecy_level or SecrecyLevel.UNCLASSIFIED) != SecrecyLevel.UNCLASSIFIED


def sees_all_classified(roles: Collection[str]) -> bool:
	return not CLASSIFIED_READER_ROLES.isdisjoint(roles)


def reads_every_unit(roles: Collection[str]) -> bool:
	"""A city department reads the records of every unit (classified ones aside)."""
	return not CITY_ROLES.isdisjoint(roles)


def may_see(
	roles: Collection[str],
	user_units: Collection[str],
	unit: str | None,
	secrecy_level: str | None,
	shared: bool = False,
) -> bool:
	"""Whether a user may see a record of `unit` at `secrecy_level` (`shared`: shared with them).

	Roles grant the read; this only takes it away: from a unit user, another unit's records
	that nobody shared with them; from everyone but the record's unit, the Office and the
	Secrecy Bureau, a classified record (a share never opens one).
	"""
	own = bool(unit) and unit in user_units
	if is_classified(secrecy_level):
		return own or sees_all_classified(roles)
	return own or shared or reads_every_unit(roles)


# Roles that act for every unit: they see every unit's records and change them where their
# DocType permission lets them.
ALL_UNITS_ROLES = frozenset({R.OFFICE, "System Manager"})


def acts_for(roles: Collection[str], user_units: Collection[str], unit: str | None) -> bool:
	"""Whether a user changes records of `unit`: its own users (and its competent department's,
	whose permission covers the units below it), or the Office."""
	return not ALL_UNITS_ROLES.isdisjoint(roles) or (bool(unit) and unit in user_units)
