"""Tables of the project's own declarations for the documentation pages.

The front-matter schema, the JSON export's fields, the problem codes: generated, so the
documentation cannot drift from the code.
"""

from __future__ import annotations

from ..export import JSON_FIELDS
from ..problems import CODES
from ..schema import KEYS


def schema_table() -> str:
    """The schema as a Markdown table for the contributing page."""
    rows = [
        "| key | type | required | meaning | example |",
        "|---|---|---|---|---|",
    ]
    for key in KEYS:
        example = key.example.replace("|", "\\|")
        rows.append(f"| `{key.name}` | {key.type} | {'yes' if key.required else 'no'} | {key.meaning} | `{example}` |")
    return "\n".join(rows) + "\n"


def json_schema_table() -> str:
    """The method record's fields as a Markdown table (for the Cite page)."""
    rows = ["| field | type | meaning |", "|---|---|---|"]
    rows += [f"| `{f.name}` | {f.type} | {f.meaning} |" for f in JSON_FIELDS]
    return "\n".join(rows) + "\n"


def codes_list() -> str:
    """Every problem code as a Markdown list (for the contributing page)."""
    return "\n".join(f"- `{code}`" for code in CODES) + "\n"
