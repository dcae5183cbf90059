"""Sites installed before the plan issue get the countersigning and consulted departments (Art 4, 13)."""

from govit_app.install import ensure_settings


def execute() -> None:
	ensure_settings()
