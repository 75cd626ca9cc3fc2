"""Where Markdown shows text literally.

Shared by the renderer (which escapes HTML outside code) and validation (which reports
raw HTML outside code), so both agree.
"""

from __future__ import annotations

import re

CODE = re.compile(r"(```.*?```|~~~.*?~~~|`[^`\n]*`)", re.DOTALL)
"""Code spans and fenced blocks, where Markdown shows HTML as text."""
