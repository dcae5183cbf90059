"""Sites installed before the declaration issue get the Art 9 materials and nature rules."""

from govit_app.install import ensure_settings


def execute() -> None:
	ensure_settings()
