"""Integration tests that span DocTypes; helpers in utils.py."""
