"""Tables of the project's own declarations for the documentation pages.

The front-matter schema, the JSON export's fields, the problem codes: generated, so the
documentation cannot drift from the code.
"""

from __future__ import annotations

from ..export import JSON_FIELDS
from ..problems import CODES, CONTENT_CODES, LEFT_OUT_CODES, SURVEY_CODES
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
    """Every problem code as a Markdown list, grouped by what a preview does (for the contributing page)."""

    def codes(group: frozenset[str]) -> str:
        return ", ".join(f"`{code}`" for code in sorted(CODES) if code in group)

    return (
        f"- **shown in the preview**, with the problems at the top of the method's page: {codes(CONTENT_CODES)}\n"
        + "".join(f"- **left out of the preview**: {why}: {codes(group)}\n" for why, group in LEFT_OUT_CODES.items())
        + "- **problems of taxonomy.yml and benchmarks.yml**: a term or benchmark they make unusable is left out "
        + "of the survey, and each method naming it gets a problem of its own (an unknown venue, field, task or "
        + f"benchmark); a taxonomy.yml that does not load leaves every method out: {codes(SURVEY_CODES)}\n"
    )
