"""Frappe adapters: settings, the working-day calendar and findings, read from the site."""
