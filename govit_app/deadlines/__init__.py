"""Deadlines that keep themselves (Art 16, 19): the registry of due dates (`sources`), the daily
job that reminds and alerts (`job`) and the reading both the job and the report 时限预警 share
(`reading`)."""
