"""A deterministic generator of valid synthetic methods, for scale tests and benchmarks.

`write_synthetic(papers_dir, n, seed)` writes `n` methods in the real source format
(taxonomy terms, venues, dates, tags, code links, ~200-word summaries, a few
`builds_on` links to methods posted earlier) next to the project's `taxonomy.yml`.
Test data: it lives beside the tests and benchmarks, not in the package.
"""

from __future__ import annotations

import datetime as dt
import random
import shutil
import unicodedata
from pathlib import Path

import yaml

from helpers import ROOT
from inrsurvey.bib import format_entry
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
    return format_entry(BibEntry(key, entry_type, fields, {}, ()))


def synthetic_method(
    index: int, rng: random.Random, taxonomy: Taxonomy, earlier: list[tuple[str, dt.date]]
) -> tuple[str, dt.date, str, str]:
    """One method: returns (slug, first posting, .md text, .bib text); it builds on methods of
    `earlier` (slug, first posting) posted no later than itself."""
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
    ascii_family = "".join(c for c in unicodedata.normalize("NFKD", family.lower()) if c.isalnum() and c.isascii())
    key = f"{ascii_family}{year}{slug}"
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
    }
    md = "---\n" + yaml.safe_dump(meta, allow_unicode=True, sort_keys=False) + "---\n\n" + body + "\n"
    return slug, posted, md, _entry(key, venue.kind, venue.bibtex, authors, title, year, eprint)


def write_synthetic(papers_dir: Path, n: int, seed: int = 0, taxonomy_file: Path | None = None) -> list[str]:
    """Write `n` valid synthetic methods and a taxonomy into `papers_dir`; returns their slugs."""
    source = taxonomy_file or ROOT / "papers" / TAXONOMY_FILE
    papers_dir.mkdir(parents=True, exist_ok=True)
    shutil.copy(source, papers_dir / TAXONOMY_FILE)
    taxonomy, problems = load_taxonomy(papers_dir / TAXONOMY_FILE, TAXONOMY_FILE)
    if taxonomy is None or problems:
        raise ValueError(f"the taxonomy at {source} has problems: {problems}")
    rng = random.Random(seed)
    made: list[tuple[str, dt.date]] = []
    for index in range(n):
        slug, posted, md, entry = synthetic_method(index, rng, taxonomy, made[-50:])
        (papers_dir / f"{slug}.md").write_text(md, encoding="utf-8")
        (papers_dir / f"{slug}.bib").write_text(entry, encoding="utf-8")
        made.append((slug, posted))
    return [slug for slug, _ in made]
