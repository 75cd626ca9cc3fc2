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


def test_pdflatex_and_bibtex(bibfile: tuple[Path, list[str]]) -> None:
    require_tool(all(shutil.which(t) for t in ("pdflatex", "bibtex")), "pdflatex and bibtex (texlive-latex-base)")
    folder, keys = bibfile
    body = "\n".join(f"\\cite{{{k}}}" for k in keys)
    (folder / "doc.tex").write_text(
        "\\documentclass{article}\n\\usepackage[T1]{fontenc}\n\\usepackage[utf8]{inputenc}\n\\usepackage{url}\n"
        f"\\begin{{document}}\n{body}\n\\bibliographystyle{{plain}}\n\\bibliography{{refs}}\n\\end{{document}}\n",
        encoding="utf-8",
    )
    first = run(["pdflatex", "-interaction=nonstopmode", "-halt-on-error", "doc.tex"], folder)
    assert first.returncode == 0, first.stdout[-3000:]
    bibtex = run(["bibtex", "doc"], folder)
    blg = (folder / "doc.blg").read_text(encoding="utf-8", errors="replace")
    assert bibtex.returncode == 0, blg
    assert not re.search(r"^Warning--|error message", blg, re.MULTILINE), blg
    for _ in range(2):
        result = run(["pdflatex", "-interaction=nonstopmode", "-halt-on-error", "doc.tex"], folder)
        assert result.returncode == 0, result.stdout[-3000:]
    log = (folder / "doc.log").read_text(encoding="utf-8", errors="replace")
    assert "undefined" not in log.lower() or "Citation" not in log, log[-3000:]
    bbl = (folder / "doc.bbl").read_text(encoding="utf-8", errors="replace")
    assert bbl.count("\\bibitem") == len(keys)


def test_biblatex_and_biber(bibfile: tuple[Path, list[str]]) -> None:
    require_tool(all(shutil.which(t) for t in ("pdflatex", "biber")), "pdflatex and biber (texlive-bibtex-extra, biber)")
    folder, keys = bibfile
    body = "\n".join(f"\\cite{{{k}}}" for k in keys)
    (folder / "doc.tex").write_text(
        "\\documentclass{article}\n\\usepackage[T1]{fontenc}\n\\usepackage[utf8]{inputenc}\n"
        "\\usepackage[backend=biber,style=numeric]{biblatex}\n\\addbibresource{refs.bib}\n"
        f"\\begin{{document}}\n{body}\n\\printbibliography\n\\end{{document}}\n",
        encoding="utf-8",
    )
    first = run(["pdflatex", "-interaction=nonstopmode", "-halt-on-error", "doc.tex"], folder)
    assert first.returncode == 0, first.stdout[-3000:]
    biber = run(["biber", "doc"], folder)
    blg = (folder / "doc.blg").read_text(encoding="utf-8", errors="replace")
    assert biber.returncode == 0, biber.stdout[-3000:]
    assert not re.search(r"\] (WARN|ERROR) -", blg), "\n".join(line for line in blg.splitlines() if "WARN" in line or "ERROR" in line)
    result = run(["pdflatex", "-interaction=nonstopmode", "-halt-on-error", "doc.tex"], folder)
    assert result.returncode == 0, result.stdout[-3000:]
    log = (folder / "doc.log").read_text(encoding="utf-8", errors="replace")
    assert not re.search(r"Citation .* undefined", log), log[-3000:]
