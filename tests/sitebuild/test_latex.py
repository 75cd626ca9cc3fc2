"""The exported BibTeX compiles with real LaTeX: pdflatex + bibtex, and biblatex + biber."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

from helpers import require_tool
from inrsurvey.bib import reparse_fields
from inrsurvey.model import Catalog

pytestmark = [pytest.mark.build, pytest.mark.latex]


def run(cmd: list[str], cwd: Path) -> subprocess.CompletedProcess[str]:
    # TeX writes its terminal output in 8-bit encodings (an accented name may come out as Latin-1).
    return subprocess.run(
        cmd, cwd=cwd, capture_output=True, encoding="utf-8", errors="replace", timeout=300, stdin=subprocess.DEVNULL
    )


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
    blg = compile_with(
        folder, keys, "\\usepackage{url}\n", "\\bibliographystyle{plain}\n\\bibliography{refs}\n", ["bibtex"]
    )
    assert not re.search(r"^Warning--|error message", blg, re.MULTILINE), blg
    assert read(folder, "bbl").count("\\bibitem") == len(keys)


def test_biblatex_and_biber(bibfile: tuple[Path, list[str]]) -> None:
    require_tool(
        all(shutil.which(t) for t in ("pdflatex", "biber")), "pdflatex and biber (texlive-bibtex-extra, biber)"
    )
    folder, keys = bibfile
    blg = compile_with(
        folder,
        keys,
        "\\usepackage[backend=biber,style=numeric]{biblatex}\n\\addbibresource{refs.bib}\n",
        "\\printbibliography\n",
        ["biber"],
    )
    assert not re.search(r"\] (WARN|ERROR) -", blg), "\n".join(
        line for line in blg.splitlines() if "WARN" in line or "ERROR" in line
    )


def test_biber_datamodel_accepts_every_entry(bibfile: tuple[Path, list[str]]) -> None:
    """biblatex's data model (biber --validate-datamodel): no unknown field, none missing."""
    require_tool(bool(shutil.which("biber")), "biber")
    folder, keys = bibfile
    result = run(["biber", "--tool", "--validate-datamodel", "refs.bib"], folder)
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    warnings = [line for line in (result.stdout + result.stderr).splitlines() if re.search(r"\b(WARN|ERROR) -", line)]
    assert not warnings, "\n".join(warnings)
    assert len(reparse_fields((folder / "refs_bibertool.bib").read_text(encoding="utf-8"))) == len(keys)


ET_AL = """@inproceedings{doe2021long,
  author = {Doe, Jane and Roe, Richard and others},
  title = {A Paper with Many Authors},
  booktitle = {Proceedings of the Test Conference},
  year = {2021}
}
"""


def _et_al_bib(tmp_path: Path) -> Path:
    """The `and others` entry as the survey exports it (loaded, then written by the exporter)."""
    from inrsurvey.bib import format_entry, parse_entries

    entries, problems = parse_entries(ET_AL, "doe2021long.bib")
    assert entries and not problems and entries[0].et_al
    (tmp_path / "refs.bib").write_text(format_entry(entries[0]), encoding="utf-8")
    return tmp_path


def test_and_others_is_et_al_in_bibtex(tmp_path: Path) -> None:
    require_tool(all(shutil.which(t) for t in ("pdflatex", "bibtex")), "pdflatex and bibtex (texlive-latex-base)")
    folder = _et_al_bib(tmp_path)
    compile_with(folder, ["doe2021long"], "", "\\bibliographystyle{plain}\n\\bibliography{refs}\n", ["bibtex"])
    bbl = read(folder, "bbl")
    assert re.search(r"Jane Doe, Richard Roe, et~al\.", bbl), bbl
    assert "others" not in bbl


def test_and_others_is_more_authors_in_biber(tmp_path: Path) -> None:
    require_tool(
        all(shutil.which(t) for t in ("pdflatex", "biber")), "pdflatex and biber (texlive-bibtex-extra, biber)"
    )
    folder = _et_al_bib(tmp_path)
    compile_with(
        folder,
        ["doe2021long"],
        "\\usepackage[backend=biber]{biblatex}\n\\addbibresource{refs.bib}\n",
        "\\printbibliography\n",
        ["biber"],
    )
    bbl = read(folder, "bbl")
    assert "\\true{moreauthor}" in bbl and "\\name{author}{2}{}{%" in bbl, bbl
    assert "others" not in bbl.replace("moreauthor", "")


def pdf_text(folder: Path) -> str:
    """The compiled document's text, without whitespace (line breaks fall anywhere)."""
    from pypdf import PdfReader

    return re.sub(r"\s+", "", "".join(p.extract_text() for p in PdfReader(folder / "doc.pdf").pages))


PRINT_ONCE_STYLES = {
    "natbib": (
        "\\usepackage{natbib}\n\\usepackage{url}\n",
        "\\bibliographystyle{plainnat}\n\\bibliography{refs}\n",
        ["bibtex"],
    ),
    "bibtex": ("\\usepackage{url}\n", "\\bibliographystyle{plain}\n\\bibliography{refs}\n", ["bibtex"]),
    "biblatex": (
        "\\usepackage[backend=biber]{biblatex}\n\\addbibresource{refs.bib}\n",
        "\\printbibliography\n",
        ["biber"],
    ),
    "biblatex-apa": (
        "\\usepackage[backend=biber,style=apa]{biblatex}\n\\addbibresource{refs.bib}\n",
        "\\printbibliography\n",
        ["biber"],
    ),
}


@pytest.mark.parametrize("style", sorted(PRINT_ONCE_STYLES))
def test_preprints_print_their_arxiv_id_once(catalog: Catalog, site_dir: Path, tmp_path: Path, style: str) -> None:
    """Each arXiv-only preprint shows its identifier exactly once, in BibTeX, natbib, biblatex and biblatex-apa."""
    require_tool(all(shutil.which(t) for t in ("pdflatex", "bibtex", "biber")), "pdflatex, bibtex and biber")
    preprints = [p for p in catalog.papers if p.joined.venue.kind == "preprint"]
    assert preprints
    text = "".join((site_dir / "bib" / f"{p.key}.bib").read_text(encoding="utf-8") for p in preprints)
    (tmp_path / "refs.bib").write_text(text, encoding="utf-8")
    preamble, bibliography, backend = PRINT_ONCE_STYLES[style]
    compile_with(tmp_path, [p.key for p in preprints], preamble, bibliography, backend)
    printed = pdf_text(tmp_path)
    for paper in preprints:
        assert printed.count(paper.arxiv) == 1, (style, paper.key, printed)


def test_natbib_styles_with_the_url_package(bibfile: tuple[Path, list[str]]) -> None:
    """What the Cite page says a natbib document needs (the url package) is enough for every entry."""
    require_tool(all(shutil.which(t) for t in ("pdflatex", "bibtex")), "pdflatex and bibtex (texlive-latex-base)")
    folder, keys = bibfile
    blg = compile_with(
        folder,
        keys,
        "\\usepackage{natbib}\n\\usepackage{url}\n",
        "\\bibliographystyle{plainnat}\n\\bibliography{refs}\n",
        ["bibtex"],
    )
    assert not re.search(r"^Warning--|error message", blg, re.MULTILINE), blg


@pytest.mark.parametrize(
    ("preamble", "bibliography", "backend"),
    [
        ("\\usepackage{url}\n", "\\bibliographystyle{plain}\n\\bibliography{refs}\n", ["bibtex"]),
        ("\\usepackage[backend=biber]{biblatex}\n\\addbibresource{refs.bib}\n", "\\printbibliography\n", ["biber"]),
    ],
    ids=["bibtex", "biblatex"],
)
def test_the_survey_entry_on_the_cite_page_compiles(
    tmp_path: Path, preamble: str, bibliography: str, backend: list[str]
) -> None:
    require_tool(all(shutil.which(t) for t in ("pdflatex", "bibtex", "biber")), "pdflatex, bibtex and biber")
    from helpers import ROOT

    cite = (ROOT / "docs" / "cite.md").read_text(encoding="utf-8")
    entry = re.search(r"```bibtex\n(@misc\{inrsurvey\d+,.*?\n\})\n```", cite, re.DOTALL)
    assert entry, "the Cite page's own entry"
    (tmp_path / "refs.bib").write_text(entry.group(1) + "\n", encoding="utf-8")
    compile_with(tmp_path, [re.search(r"@misc\{(\w+),", entry.group(1)).group(1)], preamble, bibliography, backend)  # type: ignore[union-attr]
    assert "inr-survey.github.io" in pdf_text(tmp_path)
