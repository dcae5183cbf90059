"""Standalone tests import the app's pure modules straight from the checkout."""

import os
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "tests"))

# The browser journey needs a served site and Chromium: tests/run runs it when it has both.
collect_ignore = [] if os.environ.get("GOVIT_BROWSER_URL") else ["browser"]
