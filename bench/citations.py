"""How the survey's citations come out of the tools researchers use: pandoc citeproc and Zotero.

Run with the project's environment, from the repository root:

    .venv/bin/python bench/citations.py [--hooks DIR] [--papers DIR]

It writes the survey's .bib and CSL-JSON with the exporter found in `--hooks` (default: this
checkout's; point it at another checkout's hooks/ to measure that version), renders both with
pandoc citeproc in the APA, IEEE and Chicago (author-date) styles, imports the .bib with Zotero's
BibTeX translator, and prints one JSON object of counts:

- `venue_twice`: conference and workshop papers whose rendering names the conference twice;
- `title_differs`: entries whose title reads differently from the .bib and from the CSL-JSON;
- `words_differ`: entries whose whole rendering has other words (case aside) from the two files;
- `authors_or_year_differ`: entries whose first author's family name or year is missing from either rendering;
- `zotero_arxiv_kept`: entries with an arXiv id whose id Zotero keeps (of `with_arxiv`);
- `zotero_preprints_document`: preprints Zotero imports as the generic "Document" type.
"""

from __future__ import annotations

import argparse
import importlib
import json
import re
import sys
import tempfile
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from consumers import occurrences, render, rendered_title, zotero_import  # noqa: E402


def measure(hooks: Path, papers: Path) -> dict[str, Any]:
    """The counts described in the module docstring, for the exporter in `hooks`."""
    sys.path.insert(0, str(hooks))
    catalog_module = importlib.import_module("inrsurvey.catalog")
    export = importlib.import_module("inrsurvey.export")
    catalog = catalog_module.load_catalog(papers).catalog
    papers_by_key = {p.key: p for p in catalog.papers}
    ordered = sorted(catalog.papers, key=lambda p: p.key)
    result: dict[str, Any] = {"entries": len(ordered)}
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        bib, csl = folder / "all.bib", folder / "papers.csl.json"
        bib.write_text(export.bib_text(ordered), encoding="utf-8")
        csl.write_text(export.csl_json(catalog), encoding="utf-8")
        conferences = [p for p in ordered if p.joined.venue.kind in ("conference", "workshop")]
        result["conference_papers"] = len(conferences)
        for style in ("apa", "ieee", "chicago"):
            from_bib, from_csl = render(bib, style, folder), render(csl, style, folder)
            for source, entries in (("bib", from_bib), ("csl", from_csl)):
                twice = [p.key for p in conferences if occurrences(entries[p.key], p.joined.venue.name) >= 2]
                result[f"venue_twice_{style}_{source}"] = len(twice)
            result[f"title_differs_{style}"] = sum(
                rendered_title(from_bib[k], p.title) != rendered_title(from_csl[k], p.title)
                or rendered_title(from_bib[k], p.title) is None
                for k, p in papers_by_key.items()
            )
            result[f"words_differ_{style}"] = sum(
                re.findall(r"\w+", from_bib[k].casefold()) != re.findall(r"\w+", from_csl[k].casefold())
                for k in papers_by_key
            )
            result[f"authors_or_year_differ_{style}"] = sum(
                not all(
                    p.authors[0].last.split()[-1] in text and str(p.year) in text for text in (from_bib[k], from_csl[k])
                )
                for k, p in papers_by_key.items()
            )
        items = {i.key: i for i in zotero_import(bib.read_text(encoding="utf-8"), folder)}
        with_arxiv = [p for p in ordered if p.arxiv]
        result["with_arxiv"] = len(with_arxiv)
        result["zotero_arxiv_kept"] = sum(items[p.key].arxiv == p.arxiv for p in with_arxiv)
        preprints = [p for p in ordered if p.joined.venue.kind == "preprint"]
        result["preprints"] = len(preprints)
        result["zotero_preprints_document"] = sum(items[p.key].item_type == "document" for p in preprints)
    return result


def main() -> None:
    """Parse the arguments and print the counts."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--hooks", type=Path, default=ROOT / "hooks")
    parser.add_argument("--papers", type=Path, default=ROOT / "papers")
    args = parser.parse_args()
    print(json.dumps(measure(args.hooks.resolve(), args.papers.resolve()), sort_keys=True, indent=1))


if __name__ == "__main__":
    main()
