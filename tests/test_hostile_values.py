"""Generated hostile values through check: no traceback, no hang, a located problem or a clean pass.

Arbitrary URL strings (in every URL key, code links and the .bib's url), arbitrary LaTeX
command sequences in every BibTeX field, YAML tags on every front-matter key, and long
`builds_on` chains. Every message check prints stays on one line, so a value cannot
forge an "ok" or an extra problem line, also in GitHub's annotation format.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from helpers import ROOT, small_survey
from inrsurvey.__main__ import format_problem
from inrsurvey.bib import LatexError, decode_latex
from inrsurvey.model import Problem
from inrsurvey.schema import KEYS
from inrsurvey.texsafe import MATH_WORDS, TEXT_WORDS, UNSAFE_WORDS
from inrsurvey.urls import UrlError, parse_url
from inrsurvey.validate import ALLOWED_BIB_FIELDS, check

SETTINGS = settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])


def _survey(tmp: Path) -> Path:
    return small_survey(tmp / "papers")


def _assert_located(papers: Path) -> list[Problem]:
    problems = list(check(papers).problems)
    for problem in problems:
        assert problem.path.startswith("papers/") and problem.line is not None and problem.line >= 1, problem
        assert str(problem).isprintable(), problem
    return problems


URL_PIECES = st.sampled_from(
    [
        *"https:/[]@\\%#?&=.:-_~ \t\n\x00\x1b",
        "https://",
        "http://",
        "file://",
        "javascript:",
        "arxiv.org",
        "evil.example",
        ":443",
        "[::1]",
        "xn--80ak6aa92e.com",
        "\u0430",
        "\uff47",
        "\u202e",
        "\u200b",
        "\u2100",
        "%2",
        "%41",
        "/abs/2003.08934",
        "localhost",
        "127.0.0.1",
    ]
)
URLS = st.one_of(st.text(max_size=40), st.lists(URL_PIECES, max_size=12).map("".join))


@settings(max_examples=400, deadline=None)
@given(text=URLS)
def test_parse_url_accepts_only_plain_http_addresses(text: str) -> None:
    """One function, one error: any string either parses to a plain http(s) address or raises UrlError."""
    try:
        url = parse_url(text)
    except UrlError as error:
        assert str(error).isprintable()
        return
    assert url.scheme in ("http", "https") and url.host.isascii() and "@" not in url.host
    assert re.fullmatch(r"[a-z0-9.-]+", url.host) and "." in url.host and not url.host.startswith("xn--")
    assert text.isprintable() and "\\" not in text


@pytest.mark.parametrize(
    "text",
    [
        "https://[",
        "https://[::1]/",
        "https://arxiv.org:443@evil.example/",
        "https://\uff47ithub.com/x",
        "https://\u0430rxiv.org/abs/1",
        "https://xn--rxiv-3ve.org/",
        "https://example.org/x\\",
        "https://example.org/\u202ex",
        "https://example.org:99999/",
        "file:///etc/passwd",
        "/home/someone/paper.pdf",
        "https://127.0.0.1/",
    ],
)
def test_parse_url_refuses_each_unparseable_form(text: str) -> None:
    with pytest.raises(UrlError):
        parse_url(text)


@SETTINGS
@given(key=st.sampled_from(["project", "sources", "code", "bib-url"]), url=URLS)
def test_arbitrary_urls_through_check(tmp_path: Path, key: str, url: str) -> None:
    papers = _survey(tmp_path)
    if key == "bib-url":
        bib = (papers / "nerf.bib").read_text(encoding="utf-8")
        (papers / "nerf.bib").write_text(bib.replace("  year =", f"  url = {{{url}}},\n  year =", 1), "utf-8")
    else:
        md = (papers / "nerf.md").read_text(encoding="utf-8")
        value = {"project": json.dumps(url), "sources": json.dumps([url, "https://arxiv.org/abs/2003.08934"])}.get(
            key, json.dumps([{"url": url, "framework": "PyTorch", "official": True}])
        )
        md = re.sub(rf"(?m)^{key}:.*(\n  [ -].*)*$", lambda _: f"{key}: {value}", md, count=1)
        (papers / "nerf.md").write_text(md, encoding="utf-8")
    problems = _assert_located(papers)
    if not problems and url.strip():
        assert parse_url(url.strip())  # whatever passed check is a plain http(s) address


COMMANDS = st.sampled_from(
    sorted(TEXT_WORDS | MATH_WORDS | UNSAFE_WORDS | {"href", "title", "url", "verb", "begin", "end", "foo"})
)
LATEX = st.lists(
    st.one_of(
        COMMANDS.map(lambda c: "\\" + c),
        st.sampled_from(["{", "}", "{x}", "$", "^^", "^^5c", " ", "a", "\\\\", "\\{", "\\&", "%", "#", "@", "~"]),
    ),
    max_size=10,
).map("".join)
BIB_FIELDS = sorted(set().union(*ALLOWED_BIB_FIELDS.values()) - {"url"})


@SETTINGS
@given(field=st.sampled_from(BIB_FIELDS), value=LATEX)
def test_arbitrary_latex_in_every_bib_field(tmp_path: Path, field: str, value: str) -> None:
    papers = _survey(tmp_path)
    bib = (papers / "nerf.bib").read_text(encoding="utf-8")
    new = f"  {field} = {{{value}}},"
    bib = (
        re.sub(rf"(?m)^  {field} = .*$", lambda _: new, bib, count=1)
        if re.search(rf"(?m)^  {field} = ", bib)
        else bib.replace("  year =", new + "\n  year =", 1)
    )
    (papers / "nerf.bib").write_text(bib, encoding="utf-8")
    problems = _assert_located(papers)
    if any(f"\\{word}" in value for word in UNSAFE_WORDS) or "^^" in value:
        assert any(p.path == "papers/nerf.bib" for p in problems), problems


@pytest.mark.parametrize("value", ["\\href{a}{b}", "\\input", "\\title", "\\sqrt", "a \\href{b}"])
def test_decoder_failures_become_latex_errors(value: str) -> None:
    with pytest.raises(LatexError):
        decode_latex(value)


TAGS = st.sampled_from(
    ["!!timestamp", "!!str", "!!binary", "!!int", "!!float", "!!bool", "!!null", "!!seq", "!!map", "!!set", "!!omap"]
)


@SETTINGS
@given(key=st.sampled_from([k.name for k in KEYS]), tag=TAGS)
def test_yaml_tags_on_every_key(tmp_path: Path, key: str, tag: str) -> None:
    """Whatever a YAML tag says, values are typed by the schema: a located problem or a clean pass."""
    papers = _survey(tmp_path)
    md = (papers / "nerf.md").read_text(encoding="utf-8")
    match = re.search(rf"(?m)^{key}:(.*)$", md)
    if match and match.group(1).strip():
        md = md.replace(match.group(0), f"{key}: {tag} {match.group(1).strip()}", 1)
    elif match:
        md = md.replace(match.group(0), f"{key}: {tag}", 1)
    else:
        md = md.replace("\nadded:", f"\n{key}: {tag} 2020-03-19\nadded:", 1)
    (papers / "nerf.md").write_text(md, encoding="utf-8")
    _assert_located(papers)


def test_timestamp_tag_on_a_date_is_read_as_the_date(tmp_path: Path) -> None:
    papers = _survey(tmp_path)
    md = (papers / "nerf.md").read_text(encoding="utf-8")
    (papers / "nerf.md").write_text(md.replace("posted: 2020", "posted: !!timestamp 2020", 1), "utf-8")
    result = check(papers)
    assert result.problems == () and result.catalog is not None
    assert str(result.catalog.by_slug["nerf"].posted) == "2020-03-19"


def _chain(papers: Path, length: int, cycle: bool) -> None:
    """`length` methods, each building on the previous one (the first on the last, if `cycle`)."""
    template = (papers / "siren.md").read_text(encoding="utf-8")
    bib = (papers / "siren.bib").read_text(encoding="utf-8")
    for index in range(length):
        slug = f"chain-{index}"
        target = f"chain-{index - 1}" if index else (f"chain-{length - 1}" if cycle else "")
        md = re.sub(r"(?m)^name: .*$", f"name: Chain {index}", template, count=1)
        md = md.replace("\nadded:", f"\nbuilds_on: [{target}]\nadded:", 1) if target else md
        (papers / f"{slug}.md").write_text(md, encoding="utf-8")
        (papers / f"{slug}.bib").write_text(bib, encoding="utf-8")


@pytest.mark.parametrize("cycle", [False, True])
def test_long_builds_on_chains(tmp_path: Path, cycle: bool) -> None:
    """A chain of 1,500 links is walked without recursion; a cycle through all of them is reported once."""
    papers = _survey(tmp_path)
    _chain(papers, 1500, cycle)
    problems = _assert_located(papers)
    cycles = [p for p in problems if p.code == "builds-on-cycle"]
    assert len(cycles) == (1 if cycle else 0), cycles
    if cycle:
        assert cycles[0].path == "papers/chain-0.md" and len(cycles[0].message) < 800


FORGED = "NeRF\nok: 3 methods, no problems\x1b[2K\rpapers/siren.md:1: fake: \u202eevil"


def test_messages_cannot_forge_lines(tmp_path: Path) -> None:
    """A value with newlines, a terminal escape and a bidi override stays inside its own problem line."""
    papers = _survey(tmp_path)
    md = (papers / "nerf.md").read_text(encoding="utf-8")
    (papers / "nerf.md").write_text(md.replace("name: NeRF", f"name: {json.dumps(FORGED)}", 1), "utf-8")
    for style in ("text", "github"):
        result = subprocess.run(
            [sys.executable, "-m", "inrsurvey", "check", "--root", str(tmp_path), "--format", style],
            capture_output=True,
            text=True,
            cwd=ROOT / "hooks",
            timeout=60,
        )
        assert result.returncode == 1
        lines = result.stdout.splitlines()
        assert lines and all(line.startswith("papers/nerf.md:" if style == "text" else "::error ") for line in lines)
        assert all(line.isprintable() for line in lines), lines
        assert "ok:" not in result.stderr


def test_github_properties_are_escaped() -> None:
    line = format_problem(Problem("papers/a,b:c%.md", 3, "bib-value", "50% a\nb"), "github")
    assert line == "::error file=papers/a%2Cb%3Ac%25.md,line=3,title=bib-value::50%25 a\\u000ab"
