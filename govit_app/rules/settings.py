"""The numbers the regulation fixes, as one typed value, and their sanity checks.

GovIT Settings stores them so that an administrator (or another city) changes them
without code; everything else reads them through `GovITSettings`.
"""

from dataclasses import dataclass, field
from datetime import date

from govit_app.rules.findings import BLOCKING, Finding
from govit_app.rules.text import _

DEFAULT_CENTRALIZED_CATEGORIES = ("云计算", "云存储", "基础应用", "协同办公", "安全防护")


@dataclass(frozen=True)
class GovITSettings:
	approval_threshold: float = 50.0  # 万元, Art 12
	filing_deadline_working_days: int = 10  # Art 16, Art 19
	reminder_working_days: int = 3
	declaration_window_start: str = "07-01"  # MM-DD of year Y-1, Art 8
	declaration_window_end: str = "09-30"
	review_pass_score: float = 60.0  # Art 10
	grade_excellent_min: float = 90.0  # Art 23
	grade_good_min: float = 80.0
	grade_pass_min: float = 60.0  # below: 不合格, Art 24
	centralized_categories: tuple[str, ...] = field(default=DEFAULT_CENTRALIZED_CATEGORIES)  # Art 14


def parse_month_day(value: str | None, year: int) -> date | None:
	"""'07-01' in `year` -> date; None when the text is not a real MM-DD."""
	try:
		month, day = (int(part) for part in (value or "").strip().split("-"))
		return date(year, month, day)
	except ValueError:
		return None


def check_settings(s: GovITSettings) -> list[Finding]:
	findings: list[Finding] = []
	if s.approval_threshold is None or s.approval_threshold <= 0:
		findings.append(
			Finding(12, BLOCKING, _("{label} must be greater than 0 (Art 12)."), "approval_threshold")
		)
	if not s.filing_deadline_working_days or s.filing_deadline_working_days <= 0:
		findings.append(
			Finding(
				16,
				BLOCKING,
				_("{label} must be a whole number above 0 (Art 16, Art 19)."),
				"filing_deadline_working_days",
			)
		)
	if s.reminder_working_days is not None and s.reminder_working_days < 0:
		findings.append(Finding(None, BLOCKING, _("{label} must not be negative."), "reminder_working_days"))

	# A leap year so that 02-29 is accepted as a real day.
	start = parse_month_day(s.declaration_window_start, 2024)
	end = parse_month_day(s.declaration_window_end, 2024)
	for value, fieldname in ((start, "declaration_window_start"), (end, "declaration_window_end")):
		if value is None:
			findings.append(
				Finding(
					8, BLOCKING, _("{label} must be a date written as MM-DD, e.g. 07-01 (Art 8)."), fieldname
				)
			)
	if start and end and start > end:
		findings.append(
			Finding(
				8,
				BLOCKING,
				_("{label} must not be before the day the window opens (Art 8)."),
				"declaration_window_end",
			)
		)

	for fieldname in ("review_pass_score", "grade_pass_min", "grade_good_min", "grade_excellent_min"):
		value = getattr(s, fieldname)
		if value is None or not 0 < value <= 100:
			findings.append(
				Finding(None, BLOCKING, _("{label} must be a score above 0 and at most 100."), fieldname)
			)
	if not s.grade_pass_min <= s.grade_good_min <= s.grade_excellent_min:
		findings.append(
			Finding(
				23,
				BLOCKING,
				_("{label}: the grade thresholds must rise from 合格 to 良好 to 优秀 (Art 23)."),
				"grade_good_min",
			)
		)
	if len(set(s.centralized_categories)) != len(s.centralized_categories):
		findings.append(
			Finding(
				14,
				BLOCKING,
				_("{label}: each category may be listed once (Art 14)."),
				"centralized_categories",
			)
		)
	return findings
