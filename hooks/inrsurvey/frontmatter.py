"""Front-matter values read by the schema: one reader per kind, one loop over the keys.

`read_values` turns the YAML mapping of a method page into the keyword arguments of
`Paper` (checked types, stripped strings, dates, code links, provenance), reporting
each value it cannot read with the file and line. Which keys exist, which are required
and what kind each is: all from `schema.KEYS`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from typing import Any

from .model import BuildsOn, CodeLink, Problem, SurveyLabel
from .schema import CODE_KEYS, KEY_NAMES, KEYS, LINK_KEYS, SURVEY_KEYS, Kind

PROMPT = "FILL IN"
"""The placeholder `inrsurvey new` writes where a contributor must supply a value."""


class Unreadable(ValueError):
    """A value of the wrong shape: `code` is the problem code, the message says what is expected."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code


def _text(key: str, value: Any) -> str:
    if not isinstance(value, str):
        raise Unreadable("fm-type", f"'{key}' must be a string, not {type(value).__name__} {value!r}")
    return value.strip()


def _texts(key: str, value: Any) -> tuple[str, ...]:
    if isinstance(value, list) and all(isinstance(v, str) and v.strip() for v in value):
        return tuple(v.strip() for v in value)
    raise Unreadable("fm-type", f"'{key}' must be a list of non-empty strings, not {type(value).__name__} {value!r}")


def _date(key: str, value: Any) -> dt.date:
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str) and len(value) == 10:
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            pass
    if isinstance(value, str) and PROMPT in value:
        raise Unreadable(
            "fm-unfilled", f"'{key}' still holds the {PROMPT} prompt from 'inrsurvey new'; write the date, YYYY-MM-DD"
        )
    raise Unreadable("fm-date", f"'{key}' must be a date written YYYY-MM-DD, not {value!r}")


def _code(key: str, value: Any) -> tuple[CodeLink, ...]:
    if not isinstance(value, list):
        raise Unreadable(
            "fm-type",
            f"'{key}' must be a list of mappings with url, framework, official, not {type(value).__name__} {value!r}",
        )
    links = []
    for item in value:
        if (
            not isinstance(item, dict)
            or set(item) - CODE_KEYS
            or not isinstance(item.get("url"), str)
            or not isinstance(item.get("framework", ""), str)
            or not isinstance(item.get("official", True), bool)
        ):
            raise Unreadable(
                "fm-type",
                f"each '{key}' item needs url (string), framework (string), official (true/false); got {item!r}",
            )
        links.append(CodeLink(item["url"].strip(), item.get("framework", "").strip(), item.get("official", True)))
    return tuple(links)


def _links(key: str, value: Any) -> tuple[BuildsOn, ...]:
    """`builds_on` mappings; a bare slug loads with an empty `where`, which validation reports."""
    expected = f"each '{key}' item is a mapping with method (a slug) and where (text)"
    if not isinstance(value, list):
        raise Unreadable("fm-type", f"{expected}; not {type(value).__name__} {value!r}")
    links = []
    for item in value:
        if isinstance(item, str) and item.strip():
            links.append(BuildsOn(item.strip()))
            continue
        if (
            not isinstance(item, dict)
            or set(item) - set(LINK_KEYS)
            or not isinstance(item.get("method"), str)
            or not item["method"].strip()
            or not isinstance(item.get("where", ""), str)
        ):
            raise Unreadable("fm-type", f"{expected}; got {item!r}")
        links.append(BuildsOn(item["method"].strip(), (item.get("where") or "").strip()))
    return tuple(links)


def _survey(key: str, value: Any) -> SurveyLabel:
    if (
        not isinstance(value, dict)
        or set(value) != set(SURVEY_KEYS)
        or not all(isinstance(value[k], str) and value[k].strip() for k in SURVEY_KEYS)
    ):
        raise Unreadable(
            "fm-type",
            f"'{key}' must be a mapping with the strings label, field and task, not {type(value).__name__} {value!r}",
        )
    return SurveyLabel(*(value[k].strip() for k in SURVEY_KEYS))


READERS: Mapping[Kind, Callable[[str, Any], object]] = {
    "text": _text,
    "texts": _texts,
    "url": _text,
    "urls": _texts,
    "date": _date,
    "code": _code,
    "links": _links,
    "survey": _survey,
}
"""The reader of each kind of value (URLs are read as text; validation checks them)."""


def read_values(
    meta: Mapping[str, Any], lines: Mapping[str, int], path: str
) -> tuple[dict[str, object] | None, list[Problem]]:
    """The `Paper` keyword arguments held by a front-matter mapping, or None if any value is unreadable.

    Unknown keys are reported but do not stop loading; a missing required key or an
    unreadable value does. A key written as null counts as absent.
    """
    problems = [
        Problem(
            path,
            lines.get(key),
            "fm-unknown-key",
            f"unknown key '{key}'; see the front-matter table on the contributing page",
        )
        for key in sorted(set(meta) - KEY_NAMES)
    ]
    values: dict[str, object] = {}
    complete = True
    for key in KEYS:
        value = meta.get(key.name)
        if key.required and value in (None, "", []):
            problems.append(
                Problem(
                    path, lines.get(key.name, 1), "fm-missing-key", f"required key '{key.name}' is missing or empty"
                )
            )
            complete = False
        elif value is not None:
            try:
                values[key.name] = READERS[key.kind](key.name, value)
            except Unreadable as error:
                problems.append(Problem(path, lines.get(key.name), error.code, str(error)))
                complete = False
    return (values if complete else None), problems
