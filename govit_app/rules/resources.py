"""The government information resource catalogue and its sharing between units (Art 6).

A unit lists the resources of its projects with their share type; a conditionally shared
resource states its conditions and a resource not shared states the basis for it. Another
unit asks for a resource it needs; the owner answers, and a refusal gives its reason.
"""

from govit_app.rules.findings import Finding
from govit_app.rules.text import _
from govit_app.vocabulary import ResourceRequestStatus, Severity, ShareType


def check_resource(share_type: str | None, share_conditions: str | None) -> list[Finding]:
	if share_type in (ShareType.CONDITIONAL, ShareType.NOT_SHARED) and not (share_conditions or "").strip():
		return [
			Finding(
				6,
				Severity.BLOCKING,
				_("{label}: a {0} resource states its conditions, or the basis for not sharing it (Art 6)."),
				"share_conditions",
				(share_type,),
			)
		]
	return []


def check_request(
	requesting_unit: str | None, resource_unit: str | None, share_type: str | None, resource: str
) -> list[Finding]:
	if requesting_unit and requesting_unit == resource_unit:
		return [
			Finding(
				6,
				Severity.BLOCKING,
				_(
					"{label}: {0} is a resource of {1} itself; a unit asks other units for their resources (Art 6)."
				),
				"information_resource",
				(resource, requesting_unit),
			)
		]
	if share_type == ShareType.NOT_SHARED:
		return [
			Finding(
				6,
				Severity.BLOCKING,
				_("{label}: {0} is catalogued as {1}; it cannot be requested (Art 6)."),
				"information_resource",
				(resource, share_type),
			)
		]
	return []


def check_answer(status: str | None, decision: str | None, reason: str | None) -> list[Finding]:
	if status and status != ResourceRequestStatus.PENDING:
		return [
			Finding(
				6,
				Severity.BLOCKING,
				_("This request was already answered: {0} (Art 6)."),
				"status",
				(status,),
			)
		]
	if decision not in (ResourceRequestStatus.AGREED, ResourceRequestStatus.REFUSED):
		return [
			Finding(
				6,
				Severity.BLOCKING,
				_("The answer is {0} or {1} (Art 6)."),
				None,
				(ResourceRequestStatus.AGREED, ResourceRequestStatus.REFUSED),
			)
		]
	if decision == ResourceRequestStatus.REFUSED and not (reason or "").strip():
		return [Finding(6, Severity.BLOCKING, _("{label}: a refusal gives its reason (Art 6)."), "answer")]
	return []
