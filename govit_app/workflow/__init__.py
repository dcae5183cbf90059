"""What Frappe's workflow engine lacks: countersigning (会签), gates between steps, deadlines."""
