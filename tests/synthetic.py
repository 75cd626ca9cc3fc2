"""A deterministic generator of valid synthetic methods, for scale tests and benchmarks.

`write_synthetic(papers_dir, n, seed)` writes `n` methods in the real source format
(taxonomy terms, venues, dates, tags, code links, ~200-word summaries, a few
`builds_on` links to methods posted earlier) next to the project's `taxonomy.yml`.
With `results=True` it also writes the project's benchmark declarations and gives about a
third of the methods benchmark results (values within each metric's printed precision,
some variants, protocol notes and speeds), drawn from a generator of their own so the
methods themselves are the same with or without results.
Test data: it lives beside the tests and benchmarks, not in the package.
"""

from __future__ import annotations

import datetime as dt
import random
import shutil
from pathlib import Path
from typing import Any

import yaml

from helpers import ROOT
from inrsurvey.benchmarks import BENCHMARKS_FILE
from inrsurvey.bib import format_source_entry
from inrsurvey.bibstyle import ascii_word
from inrsurvey.catalog import TAXONOMY_FILE, load_taxonomy
from inrsurvey.labelcheck import EXPLICIT_REPRESENTATIONS, GRID_REPRESENTATIONS
from inrsurvey.model import BibEntry, Taxonomy, slugify
from inrsurvey.schema import BUILDS_ON_NONE_FROM

_FAMILIES = (
    "Müller",
    "Nießner",
    "García",
    "Okafor",
    "Tanaka",
    "Kowalski",
    "Dubois",
    "Singh",
    "Chen",
    "Rossi",
    "Andersson",
    "Novák",
    "Haddad",
    "O'Brien",
    "Silva",
    "Kim",
    "Ivanova",
    "Nguyen",
    "Schmidt",
    "Moreau",
)
_GIVEN = ("Anna", "Ben", "Chloé", "Daniel", "Elif", "Farid", "Grace", "Hiro", "Ines", "Jonas", "Kai", "Lena")
_LATEX = {"ü": r"{\"u}", "ß": r"{\ss}", "í": r"{\'i}", "é": r"{\'e}", "á": r"{\'a}", "ć": r"{\'c}"}
_WORDS = (
    "radiance field network coordinate signal scene geometry appearance sampling ray density colour "
    "surface distance latent code prior optimisation rendering training views camera pose dynamic "
    "image resolution feature grid encoding frequency detail memory speed quality reconstruction "
    "supervision loss depth light reflectance shape point cloud mesh voxel hash level continuous"
).split()
_FRAMEWORKS = ("PyTorch", "TensorFlow", "JAX")


def _latex(text: str) -> str:
    return "".join(_LATEX.get(c, c) for c in text)


def _entry(
    key: str, kind: str, venue_bibtex: str, authors: list[tuple[str, str]], title: str, year: int, eprint: str
) -> str:
    """The .bib text, written by the project's own BibTeX writer."""
    author = " and ".join(f"{_latex(f)}, {g}" for f, g in authors)
    venue_field = {"preprint": ("howpublished", f"arXiv preprint arXiv:{eprint}"), "journal": ("journal", venue_bibtex)}
    entry_type = {"preprint": "misc", "journal": "article"}.get(kind, "inproceedings")
    fields = (
        ("author", author),
        ("title", title),
        venue_field.get(kind, ("booktitle", venue_bibtex)),
        ("year", str(year)),
        ("eprint", eprint),
        ("archiveprefix", "arXiv"),
        ("primaryclass", "cs.CV"),
    )
    return format_source_entry(BibEntry(key, entry_type, fields, {}, ()))


_VALUE_SPANS = {"psnr": (18.0, 42.0), "ssim": (0.55, 0.99), "lpips-vgg": (0.01, 0.5), "lpips-alex": (0.01, 0.4)}
"""Plausible values per metric id; other metrics take values from the lowest 1 to 5 % of their declared range."""


def _value(rng: random.Random, metric: dict[str, Any]) -> str:
    """A value of `metric` (a benchmarks.yml metric mapping) as a paper would print it."""
    low, high = metric["range"]
    span = _VALUE_SPANS.get(metric["id"], (low + (high - low) * 0.01, low + (high - low) * 0.05))
    decimals = rng.randint(min(2, metric["decimals"]), metric["decimals"])
    return f"{rng.uniform(*span):.{decimals}f}"


def synthetic_results(rng: random.Random, declared: dict[str, list[dict[str, Any]]]) -> list[dict[str, Any]]:
    """Zero to three results on random benchmarks of `declared` (a parsed benchmarks.yml)."""
    if rng.random() > 0.35:
        return []
    metrics = {m["id"]: m for m in declared["metrics"]}
    results: list[dict[str, Any]] = []
    for number in range(rng.randint(1, 3)):
        bench = rng.choice(declared["benchmarks"])
        chosen = [bench["main"], *(m for m in bench["metrics"] if m != bench["main"] and rng.random() < 0.6)]
        result: dict[str, Any] = {
            "benchmark": bench["id"],
            "where": f"Table {rng.randint(1, 6)}",
            "variant": f"variant {number + 1}" if number or rng.random() < 0.2 else None,
            "values": {m: _value(rng, metrics[m]) for m in chosen},
        }
        if rng.random() < 0.1:
            result["protocol"] = "evaluated at half resolution"
        if rng.random() < 0.3:
            result["speed"] = {
                "train": f"{rng.randint(1, 90)} min",
                "render": f"{rng.randint(1, 300)} FPS",
                "hardware": "one GPU",
            }
        results.append(result)
    return results


def synthetic_benchmarks(source: Path, dataset_method: str) -> dict[str, list[dict[str, Any]]]:
    """The declarations of `source`, each dataset that is a survey method pointed at `dataset_method`."""
    declared: dict[str, list[dict[str, Any]]] = yaml.safe_load(source.read_text(encoding="utf-8"))
    for bench in declared["benchmarks"]:
        if "method" in bench["dataset"]:
            bench["dataset"] = {"method": dataset_method}
    return declared


def synthetic_method(
    index: int,
    rng: random.Random,
    taxonomy: Taxonomy,
    earlier: list[tuple[str, dt.date]],
    results: list[dict[str, Any]] | None = None,
) -> tuple[str, dt.date, str, str]:
    """One method: returns (slug, first posting, .md text, .bib text); it builds on methods of
    `earlier` (slug, first posting) posted no later than itself, and reports `results` when given."""
    name = f"Synth{index:05d}"
    slug = slugify(name)
    field = rng.choice(taxonomy.fields)
    tasks = rng.sample(taxonomy.tasks, k=rng.choice((1, 1, 2, 3)))
    reps = sorted({r.id for r in rng.sample(taxonomy.representations, k=rng.choice((1, 1, 2)))})
    venue = rng.choice(taxonomy.venues)
    posted = dt.date(2018, 1, 1) + dt.timedelta(days=rng.randrange(0, 8 * 365))
    year = posted.year + (0 if venue.kind == "preprint" else rng.choice((0, 1)))
    eprint = f"{posted.year % 100:02d}{posted.month:02d}.{10000 + index:05d}"
    authors = [(rng.choice(_FAMILIES), rng.choice(_GIVEN)) for _ in range(rng.randint(1, 6))]
    family = authors[0][0]
    key = f"{ascii_word(family)}{year}{slug}"
    title = f"{{{name}}}: " + " ".join(rng.choice(_WORDS).capitalize() for _ in range(5))
    tags = {t.id for t in rng.sample(taxonomy.tags, k=min(3, len(taxonomy.tags)))}
    # The tags whose rules the representation meets (see labelcheck.TAG_RULES).
    tags |= {"grid-encoding"} if GRID_REPRESENTATIONS & set(reps) else set()
    tags |= {"hybrid-representation"} if "mlp" in reps and EXPLICIT_REPRESENTATIONS & set(reps) else set()
    before = [slug for slug, day in earlier if day <= posted]
    builds_on = sorted(set(rng.sample(before, k=min(len(before), rng.choice((0, 0, 1, 2))))))
    idea = " ".join(rng.choice(_WORDS) for _ in range(rng.randint(6, 20))).capitalize() + "."
    words = [rng.choice(_WORDS) for _ in range(200)]
    body = "\n".join(" ".join(words[i : i + 20]).capitalize() + "." for i in range(0, 200, 20))
    meta = {
        "name": name,
        "aliases": [f"S{index}"],
        "field": field.name,
        "tasks": [t.name for t in tasks],
        "representation": reps,
        "key_idea": idea,
        "tags": sorted(tags),
        "venue": venue.id,
        "inputs": ["3D position", "viewing direction"],
        "outputs": ["density", "RGB colour"],
        "posted": posted,
        "code": [
            {"url": f"https://github.com/example-lab/{slug}", "framework": rng.choice(_FRAMEWORKS), "official": True}
        ],
        "builds_on": [{"method": b, "where": f"Sec. {rng.randint(1, 5)} (we extend {b})"} for b in builds_on],
        **(
            {
                "builds_on_none": "Its paper (Sec. 2-3) presents its model as new and extends none of the survey's methods."
            }
            if not builds_on and posted.year >= BUILDS_ON_NONE_FROM
            else {}
        ),
        "sources": [f"https://arxiv.org/abs/{eprint}", f"https://github.com/example-lab/{slug}"],
        "added": dt.date(2026, 1, 1) + dt.timedelta(days=index % 300),
        **({"results": results} if results else {}),
    }
    md = "---\n" + yaml.safe_dump(meta, allow_unicode=True, sort_keys=False) + "---\n\n" + body + "\n"
    return slug, posted, md, _entry(key, venue.kind, venue.bibtex, authors, title, year, eprint)


def write_synthetic(
    papers_dir: Path, n: int, seed: int = 0, taxonomy_file: Path | None = None, results: bool = False
) -> list[str]:
    """Write `n` valid synthetic methods and a taxonomy into `papers_dir`; returns their slugs.

    With `results`, also the project's benchmarks.yml (datasets pointed at the first method)
    and results for about a third of the methods.
    """
    source = taxonomy_file or ROOT / "papers" / TAXONOMY_FILE
    papers_dir.mkdir(parents=True, exist_ok=True)
    shutil.copy(source, papers_dir / TAXONOMY_FILE)
    taxonomy, problems = load_taxonomy(papers_dir / TAXONOMY_FILE, TAXONOMY_FILE)
    if taxonomy is None or problems:
        raise ValueError(f"the taxonomy at {source} has problems: {problems}")
    rng = random.Random(seed)
    results_rng = random.Random(f"results-{seed}")
    declared = synthetic_benchmarks(source.parent / BENCHMARKS_FILE, slugify("Synth00000")) if results else None
    if declared is not None:
        (papers_dir / BENCHMARKS_FILE).write_text(
            yaml.safe_dump(declared, allow_unicode=True, sort_keys=False), "utf-8"
        )
    made: list[tuple[str, dt.date]] = []
    for index in range(n):
        reported = synthetic_results(results_rng, declared) if declared is not None else None
        slug, posted, md, entry = synthetic_method(index, rng, taxonomy, made[-50:], reported)
        (papers_dir / f"{slug}.md").write_text(md, encoding="utf-8")
        (papers_dir / f"{slug}.bib").write_text(entry, encoding="utf-8")
        made.append((slug, posted))
    return [slug for slug, _ in made]
