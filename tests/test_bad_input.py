"""The bad-input corpus: every case fails `check` and the strict build with a precise message.

Each directory of tests/bad_input/ holds files that replace or join a small valid
survey (taxonomy + NeRF, SIREN, LIIF), and expected.yml: the problem code, the file
and, where the parser knows it, the line.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from helpers import ROOT, build, copy_site, write_benchmarks_for
from inrsurvey.catalog import load_catalog

CASES = sorted(p for p in (ROOT / "tests" / "bad_input").iterdir() if p.is_dir())
BASE = ("taxonomy.yml", "nerf.md", "nerf.bib", "siren.md", "siren.bib", "liif.md", "liif.bib")


def write_base(dest: Path) -> None:
    """The valid base: three methods, the taxonomy, and the benchmarks whose dataset paper it holds."""
    for name in BASE:
        shutil.copy(ROOT / "papers" / name, dest / name)
    write_benchmarks_for(dest, {Path(name).stem for name in BASE if name.endswith(".md")})


def make_papers(case: Path, dest: Path) -> dict[str, object]:
    """The valid base with the case's files laid over it; returns the expectation."""
    dest.mkdir(parents=True)
    write_base(dest)
    overlay = case / "papers"
    for file in sorted(overlay.iterdir()) if overlay.is_dir() else ():
        shutil.copy(file, dest / file.name)
    expected = yaml.safe_load((case / "expected.yml").read_text())
    for name in expected.get("remove", []):
        (dest / name).unlink()
    # File-system shapes git cannot hold (or should not): made here.
    for name in expected.get("mkdir", []):
        (dest / name).mkdir()
    for source, target in expected.get("move", {}).items():
        (dest / source).rename(dest / target)
    for name, target in expected.get("symlink", {}).items():
        (dest / name).symlink_to(target)
    for name in expected.get("mkfifo", []):
        os.mkfifo(dest / name)
    return expected


def test_corpus_is_large_enough() -> None:
    assert len(CASES) >= 80


def test_every_code_is_produced_by_a_case_and_documented() -> None:
    """Each problem code of problems.CODES has a corpus case and appears on the contributing page."""
    from inrsurvey.problems import CODES

    produced = {yaml.safe_load((case / "expected.yml").read_text())["code"] for case in CASES}
    assert set(CODES) - produced == set(), sorted(set(CODES) - produced)
    assert produced <= set(CODES), sorted(produced - set(CODES))
    contributing = (ROOT / "docs" / "contributing.md").read_text(encoding="utf-8")
    assert "<!-- inrsurvey:codes -->" in contributing


def test_base_is_valid(tmp_path: Path) -> None:
    papers = tmp_path / "papers"
    papers.mkdir()
    write_base(papers)
    result = subprocess.run(
        [sys.executable, "-m", "inrsurvey", "check", "--root", str(tmp_path)],
        capture_output=True,
        text=True,
        cwd=ROOT / "hooks",
    )
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_check_reports_the_case(case: Path, tmp_path: Path) -> None:
    expected = make_papers(case, tmp_path / "papers")
    result = subprocess.run(
        [sys.executable, "-m", "inrsurvey", "check", "--root", str(tmp_path)],
        capture_output=True,
        text=True,
        cwd=ROOT / "hooks",
        timeout=60,
    )
    assert result.returncode == 1, result.stdout + result.stderr
    assert "Traceback" not in result.stderr
    where = f"{expected['path']}:{expected['line']}:" if expected.get("line") else f"{expected['path']}"
    lines = [line for line in result.stdout.splitlines() if f": {expected['code']}: " in line]
    assert lines, result.stdout
    assert any(line.startswith(where) for line in lines), (where, lines)
    # Valid input next to the bad case still loads.
    touched = {Path(name).stem for name in (*expected.get("remove", []), *expected.get("move", {}))}
    touched |= {file.stem for file in (case / "papers").iterdir()} if (case / "papers").is_dir() else set()
    loaded = load_catalog(tmp_path / "papers").catalog
    if "taxonomy" not in touched:
        assert loaded is not None
        assert {"nerf", "siren", "liif"} - touched <= set(loaded.by_slug)


@pytest.mark.build
@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_strict_build_fails_on_the_case(case: Path, tmp_path: Path) -> None:
    site = tmp_path / "site-src"
    empty = tmp_path / "empty"
    empty.mkdir()
    copy_site(site, empty)
    shutil.rmtree(site / "papers")
    expected = make_papers(case, site / "papers")
    result = build(site / "mkdocs.yml", tmp_path / "out")
    assert not result.ok
    assert f"{expected['path']}" in result.log and f": {expected['code']}: " in result.log
    assert "Traceback" not in result.log
