"""docs/permissions.md says what the DocTypes' role permissions grant, no more and no less."""

import re
from pathlib import Path

import pytest

from govit_app.permissions.doctypes import doctype_definitions
from govit_app.roles import ALL_ROLES

DOC = Path(__file__).resolve().parent.parent / "docs" / "permissions.md"
RIGHTS = (("read", "R"), ("write", "W"), ("create", "C"), ("delete", "D"), ("submit", "S"))


def documented() -> dict[str, dict[str, str]]:
	"""DocType -> role -> the letters of its cell in the matrix."""
	lines = [line for line in DOC.read_text(encoding="utf-8").splitlines() if line.startswith("| ")]
	header = [cell.strip() for cell in lines[0].strip("|").split("|")]
	assert header[0] == "DocType"
	roles = [f"GovIT {title}" for title in header[1:]]
	matrix: dict[str, dict[str, str]] = {}
	for line in lines[1:]:
		cells = [cell.strip() for cell in line.strip("|").split("|")]
		if len(cells) != len(header) or cells[0] in ("#",) or set(cells[0]) <= {"-"}:
			continue
		matrix[cells[0]] = {
			role: re.match(r"[RWCDS]*", cell).group(0) for role, cell in zip(roles, cells[1:], strict=True)
		}
	return matrix


def granted(definition: dict, role: str) -> str:
	letters = ""
	for perm in definition.get("permissions", []):
		if perm.get("role") == role and not perm.get("permlevel"):
			letters += "".join(c for key, c in RIGHTS if perm.get(key) and c not in letters)
	return "".join(c for _key, c in RIGHTS if c in letters)


MAIN_DOCTYPES = [d for d in doctype_definitions() if not d.get("istable")]


def test_the_matrix_names_every_role_and_every_doctype():
	matrix = documented()
	assert {d["name"] for d in MAIN_DOCTYPES} == set(matrix)
	assert all(set(row) == set(ALL_ROLES) for row in matrix.values())


@pytest.mark.parametrize("definition", MAIN_DOCTYPES, ids=lambda d: d["name"])
def test_each_cell_is_what_the_doctype_grants(definition):
	row = documented()[definition["name"]]
	assert {role: granted(definition, role) for role in ALL_ROLES} == row
