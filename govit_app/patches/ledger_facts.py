"""项目台账's facts move onto the IT Project (section 台账信息): copy them there for the projects
that existed before, in one statement per source."""

from govit_app.govit.doctype.it_project.facts import refresh


def execute() -> None:
	refresh()
