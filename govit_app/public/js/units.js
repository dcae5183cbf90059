// The units the session user acts for (their User Permissions on Gov Unit, units below included).
frappe.provide("govit");

govit.my_units = function () {
	return (frappe.defaults.get_user_permissions()["Gov Unit"] || []).map((permission) => permission.doc);
};
