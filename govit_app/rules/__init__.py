"""The regulation (泰兴市市级政务信息化项目建设管理制度) as pure functions.

Nothing here imports frappe: each module reads like the articles it implements and is
tested without a site. Controllers pass plain values in and turn findings into
translated messages (see `govit_app.utils.findings`).
"""
