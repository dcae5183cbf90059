"""Sites installed before the plan issue get the countersigning (Art 4) and consulted (Art 13)
departments, as they were defined then."""

from govit_app.patches.settings_tables import fill_empty_tables


def execute() -> None:
	fill_empty_tables(
		{
			"plan_countersign_departments": [
				{"department_function": d}
				for d in ("市保密局", "市公安局", "市发展改革委", "市工业和信息化局", "市财政局")
			],
			"supplementary_consult_departments": [
				{"department_function": d}
				for d in ("市政府办公室", "市保密局", "市发展改革委", "市工业和信息化局", "市财政局")
			],
		}
	)
