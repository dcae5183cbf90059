"""Art 9: the materials a declaration hands in, by project nature.

The lists are data (GovIT Settings → Material Requirements); this module turns them into
the rows of a declaration's materials table and names what is still missing.
"""

from dataclasses import dataclass

from govit_app.rules.findings import Finding
from govit_app.rules.settings import GovITSettings, MaterialRequirement
from govit_app.rules.text import _
from govit_app.vocabulary import Severity


@dataclass(frozen=True)
class MaterialRow:
	material_type: str
	is_required: bool = False
	alternative_group: str = ""
	attachment: str = ""


def requirements_for(project_nature: str | None, s: GovITSettings) -> list[MaterialRequirement]:
	"""The nature's own materials first, then those asked of every nature."""
	own = [r for r in s.material_requirements if r.project_nature and r.project_nature == project_nature]
	common = [r for r in s.material_requirements if not r.project_nature]
	return own + common


def material_rows(
	project_nature: str | None, s: GovITSettings, existing: list[MaterialRow]
) -> list[MaterialRow]:
	"""The table for `project_nature`: one row per listed material, keeping what was attached.

	Rows the unit added itself stay when they carry an attachment; empty rows of another
	nature's list go, so switching the nature does not leave stale requirements behind.
	"""
	attached: dict[str, str] = {}
	for row in existing:
		if row.attachment and row.material_type not in attached:
			attached[row.material_type] = row.attachment
	rows = [
		MaterialRow(r.material_type, r.is_required, r.alternative_group, attached.pop(r.material_type, ""))
		for r in requirements_for(project_nature, s)
	]
	listed = {r.material_type for r in rows}
	extras = [row for row in existing if row.material_type not in listed and row.attachment]
	return rows + [MaterialRow(row.material_type, attachment=row.attachment) for row in extras]


def missing_materials(project_nature: str | None, s: GovITSettings, provided: set[str]) -> list[Finding]:
	"""One blocking finding per required material (or group of alternatives) not attached."""
	findings: list[Finding] = []
	groups: dict[str, list[str]] = {}
	for r in requirements_for(project_nature, s):
		if not r.is_required:
			continue
		if r.alternative_group:
			groups.setdefault(r.alternative_group, []).append(r.material_type)
		elif r.material_type not in provided:
			findings.append(
				Finding(
					9,
					Severity.BLOCKING,
					_("{label}: 「{0}」 is required for a {1} project and is not attached (Art 9)."),
					"materials",
					(r.material_type, project_nature),
				)
			)
	for group, alternatives in groups.items():
		if not provided.intersection(alternatives):
			findings.append(
				Finding(
					9,
					Severity.BLOCKING,
					_("{label}: attach one of {0} ({1}) for a {2} project (Art 9)."),
					"materials",
					("、".join(f"「{a}」" for a in alternatives), group, project_nature),
				)
			)
	return findings
