def get_context(context):
	"""The message uses `doc` only (the reason is in its table of reasons)."""
