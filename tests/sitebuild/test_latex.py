"""The exported BibTeX compiles with real LaTeX: pdflatex + bibtex, and biblatex + biber."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

from helpers import require_tool
from inrsurvey.bib import reparse_fields

pytestmark = [pytest.mark.build, pytest.mark.latex]


def run(cmd: list[str], cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(cmd, cwd=cwd, capture_output=True, text=True, timeout=300, stdin=subprocess.DEVNULL)


@pytest.fixture()
def bibfile(site_dir: Path, tmp_path: Path) -> tuple[Path, list[str]]:
    text = (site_dir / "bib" / "all.bib").read_text(encoding="utf-8")
    (tmp_path / "refs.bib").write_text(text, encoding="utf-8")
    return tmp_path, list(reparse_fields(text))


PREAMBLE = "\\documentclass{article}\n\\usepackage[T1]{fontenc}\n\\usepackage[utf8]{inputenc}\n"


def compile_with(folder: Path, keys: list[str], preamble: str, bibliography: str, backend: list[str]) -> str:
    """Write a document citing `keys`, run pdflatex, the bibliography backend, pdflatex twice.

    Asserts every step succeeds; returns the backend's .blg log.
    """
    cites = "\n".join(f"\\cite{{{k}}}" for k in keys)
    document = f"{PREAMBLE}{preamble}\\begin{{document}}\n{cites}\n{bibliography}\\end{{document}}\n"
    (folder / "doc.tex").write_text(document, encoding="utf-8")
    pdflatex = ["pdflatex", "-interaction=nonstopmode", "-halt-on-error", "doc.tex"]
    first = run(pdflatex, folder)
    assert first.returncode == 0, first.stdout[-3000:]
    result = run([*backend, "doc"], folder)
    blg = read(folder, "blg")
    assert result.returncode == 0, blg + result.stdout[-3000:]
    for _ in range(2):
        again = run(pdflatex, folder)
        assert again.returncode == 0, again.stdout[-3000:]
    log = read(folder, "log")
    assert not re.search(r"Citation .* undefined", log), log[-3000:]
    return blg


def read(folder: Path, extension: str) -> str:
    return (folder / f"doc.{extension}").read_text(encoding="utf-8", errors="replace")


def test_pdflatex_and_bibtex(bibfile: tuple[Path, list[str]]) -> None:
    require_tool(all(shutil.which(t) for t in ("pdflatex", "bibtex")), "pdflatex and bibtex (texlive-latex-base)")
    folder, keys = bibfile
    blg = compile_with(folder, keys, "\\usepackage{url}\n", "\\bibliographystyle{plain}\n\\bibliography{refs}\n", ["bibtex"])
    assert not re.search(r"^Warning--|error message", blg, re.MULTILINE), blg
    assert read(folder, "bbl").count("\\bibitem") == len(keys)


def test_biblatex_and_biber(bibfile: tuple[Path, list[str]]) -> None:
    require_tool(all(shutil.which(t) for t in ("pdflatex", "biber")), "pdflatex and biber (texlive-bibtex-extra, biber)")
    folder, keys = bibfile
    blg = compile_with(
        folder, keys, "\\usepackage[backend=biber,style=numeric]{biblatex}\n\\addbibresource{refs.bib}\n", "\\printbibliography\n", ["biber"]
    )
    assert not re.search(r"\] (WARN|ERROR) -", blg), "\n".join(line for line in blg.splitlines() if "WARN" in line or "ERROR" in line)
