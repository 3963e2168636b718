"""``python -m ipkpi.problems``: print docs/problems.md (the table of problem codes)."""

from __future__ import annotations

import sys

from . import CATALOG
from .catalog_doc import markdown

sys.stdout.write(markdown(CATALOG))
