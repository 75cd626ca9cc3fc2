"""The exported BibTeX is exactly the checked entry, for bibtexparser, pybtex, biber and BibTeX.

Hostile values (quotes, unbalanced and escaped braces, @ and % signs, TeX commands) are
written into a method's .bib, braced or quoted. `check` either refuses the value with the
file, line and field, or accepts it; every accepted entry is exported and read back by all
four readers, which must find the same entries with the same fields, and nothing else.
"""

from __future__ import annotations

import dataclasses
import re
import shutil
from pathlib import Path

import pytest
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

from bibreaders import read_biber, read_bibtex, read_bibtexparser, read_pybtex, squash
from helpers import require_tool, small_survey
from inrsurvey.bib import export_form, format_entries
from inrsurvey.model import BibEntry
from inrsurvey.validate import check

FIELDS = ("title", "author", "booktitle", "pages", "publisher", "note", "editor", "series", "doi", "url")
"""Fields the hostile values go into: displayed ones and the ones check used to skip."""

Value = tuple[str, str, bool]
"""A field, the text written between its delimiters, and whether the delimiters are quotes."""

CORPUS: tuple[Value, ...] = (
    ("title", '{NeRF}: {\\"U}ber $\\alpha$-Blending 50\\% \\& \\emph{More} $--$ \\textbf{Fast}', False),
    ("title", "{NeRF} and M{\\\"u}ller's {\\ss} {\\o}resund \\textit{via} $\\times$ 2", True),
    ("note", "Extended version; see \\url{x}", False),
    ("note", "50\\% faster \\# 1 \\_ \\$ \\textbackslash{} \\textbraceleft{}x\\textbraceright{}", False),
    ("series", "Lecture Notes in Computer Science", True),
    ("editor", "Vedaldi, Andrea and Bischof, Horst", False),
    ("publisher", "Springer {International} Publishing", True),
    ("pages", "405--421", True),
    ("pages", "", False),
    ("pages", "c,", False),
    ("url", "https://example.org/a%20b?x=1&y=2#frag_1~", False),
    ("doi", "10.1007/978-3-030-58452-8_24", True),
    ("title", '{NeRF: Representing Scenes", note = "x', True),
    ("title", "{NeRF} \\{ Representing", False),
    ("title", "{NeRF} \\} Representing", False),
    ("title", "{NeRF}}, note = {injected", False),
    ("title", "{NeRF} @misc{evil, title = {x}}", False),
    ("title", '{NeRF} @preamble{"\\input{/etc/passwd}"}', False),
    ("publisher", "Springer @ Heidelberg", False),
    ("publisher", "Springer 100% Heidelberg", False),
    ("title", '{NeRF} M\\"uller', True),
    ("note", "\\input{/etc/passwd}", False),
    ("note", "\\immediate\\write18{rm -rf ~}", False),
    ("editor", "\\catcode`\\^=7 Doe, Jane", False),
    ("series", "\\def\\x{y}\\x", False),
    ("series", "\\csname input\\endcsname{x}", False),
    ("pages", "1--2^^5cinput{x}", False),
    ("doi", "10.1007/x\\input{y}", False),
    ("url", "https://arxiv.org:443@evil.example/", False),
    ("title", "\\href{https://x.example}{NeRF}", False),
    ("author", "\\title, Ben", False),
    ("publisher", "$\\sqrt$", False),
)
"""Fixed hostile and benign values; the test asserts that both kinds occur."""

PIECES = st.sampled_from(
    [
        *'{}"@%#&_$^~\\,= \nabcXYZ019.-',
        "\\{",
        "\\}",
        "\\%",
        "\\&",
        '\\"u',
        "{\\ss}",
        "\\emph{",
        "\\textbf{x}",
        "$\\alpha$",
        "$--$",
        "--",
        "\\input",
        "\\write18",
        "\\catcode",
        "\\def",
        "\\let",
        "\\csname",
        "^^5c",
        "@misc{x,",
        "@preamble{",
        "}, note = {",
        '", note = "',
        "{NeRF}",
        "Doe, Jane and ",
        "10.1000/x",
        "https://example.org/",
    ]
)
VALUES = st.tuples(st.sampled_from(FIELDS), st.lists(PIECES, max_size=16).map("".join), st.booleans())


def _survey(tmp: Path) -> Path:
    return small_survey(tmp / "papers")


def _with_value(bib: str, value: Value) -> str:
    field, text, quoted = value
    new = f'  {field} = "{text}",' if quoted else f"  {field} = {{{text}}},"
    if re.search(rf"(?m)^  {field} = ", bib):
        return re.sub(rf"(?m)^  {field} = .*$", lambda _: new, bib, count=1)
    return bib.replace("  year =", new + "\n  year =", 1)


def _checked(tmp: Path, value: Value) -> BibEntry | None:
    """The entry check accepted with `value` in it, or None when check refused it with a located problem."""
    papers = _survey(tmp)
    (papers / "nerf.bib").write_text(_with_value((papers / "nerf.bib").read_text(encoding="utf-8"), value), "utf-8")
    result = check(papers)
    mine = [p for p in result.problems if p.path == "papers/nerf.bib"]
    for problem in result.problems:
        assert problem.path.startswith("papers/") and problem.line is not None and problem.line >= 1, problem
        assert "\n" not in problem.message, problem
    if mine:
        return None
    assert result.catalog is not None
    return result.catalog.by_slug["nerf"].entry


def _round_trip(entries: list[BibEntry], folder: Path) -> None:
    """Every reader reads exactly `entries` back from their export."""
    text = format_entries(entries)
    # The exporter writes each entry's export form (eprinttype for archiveprefix, arXiv-only
    # preprints as technical reports): every reader must read exactly that back.
    forms = {e.key: export_form(e) for e in entries}
    expected = {key: (kind, {name: squash(value) for name, value in fields}) for key, (kind, fields) in forms.items()}
    folder.mkdir(parents=True, exist_ok=True)
    for reader in (read_bibtexparser, read_pybtex):
        assert reader(text) == (expected, []), (reader.__name__, text)
    assert read_biber(text, folder) == (expected, []), ("biber", text)
    assert read_bibtex(text, folder) == (expected, []), ("bibtex", text)


def _exported(tmp: Path, values: list[Value]) -> tuple[list[BibEntry], int]:
    """The accepted entries (each under a key of its own) and how many values check refused."""
    accepted = []
    refused = 0
    for index, value in enumerate(values):
        entry = _checked(tmp, value)
        if entry is None:
            refused += 1
        else:
            accepted.append(dataclasses.replace(entry, key=f"{entry.key}{index}"))
    return accepted, refused


def _require_readers() -> None:
    require_tool(bool(shutil.which("biber")), "biber")
    require_tool(bool(shutil.which("bibtex")), "bibtex (texlive-latex-base)")


def test_fixed_corpus_round_trips_or_is_refused(tmp_path: Path) -> None:
    _require_readers()
    accepted, refused = _exported(tmp_path, list(CORPUS))
    assert len(accepted) >= 8 and refused >= 15, (len(accepted), refused)
    _round_trip(accepted, tmp_path / "readers")


@pytest.mark.parametrize(
    ("value", "code", "line"),
    [
        (("title", "{NeRF} \\{ x", False), "bib-value", 3),
        (("title", "{NeRF x", True), "bib-value", 3),
        (("publisher", "Springer @ Heidelberg", False), "bib-value", 7),
        (("publisher", "Springer 100% Heidelberg", False), "bib-latex", 7),
        (("note", "\\input{/etc/passwd}", False), "bib-tex-unsafe", 6),
        (("editor", "\\immediate\\write18{x}", False), "bib-tex-unsafe", 6),
        (("series", "^^5cinput{x}", False), "bib-tex-unsafe", 6),
        (("doi", "10.1007/x y", False), "bib-doi", 8),
    ],
)
def test_refusals_name_file_line_and_field(tmp_path: Path, value: Value, code: str, line: int) -> None:
    papers = _survey(tmp_path)
    (papers / "nerf.bib").write_text(_with_value((papers / "nerf.bib").read_text(encoding="utf-8"), value), "utf-8")
    found = [p for p in check(papers).problems if p.code == code]
    assert found, check(papers).problems
    assert found[0].path == "papers/nerf.bib" and found[0].line == line
    assert found[0].message.startswith(value[0]), found[0]


@settings(
    max_examples=12,
    deadline=None,
    phases=(Phase.explicit, Phase.reuse, Phase.generate, Phase.shrink),
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(values=st.lists(VALUES, min_size=10, max_size=10))
def test_generated_values_round_trip_or_are_refused(tmp_path: Path, values: list[Value]) -> None:
    _require_readers()
    accepted, _ = _exported(tmp_path, values)
    _round_trip(accepted, tmp_path / "readers")
