def get_context(context):
	"""The message uses `doc` only."""
