"""Deleted drafts left their Workflow Actions' permitted roles behind (thousands after a busy season)."""

from govit_app.workflow.residue import purge_orphans


def execute() -> None:
	purge_orphans()
