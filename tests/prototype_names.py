"""A small valid survey whose identifiers and names are JavaScript's own property names.

Methods named Constructor, __proto__ and toString (slugs `constructor`, `proto`,
`tostring`), a field, a task, tags and a venue with such names, and taxonomy names
holding quotes, `<`, `&`, `]]>` and comment terminators. Every one of them is valid,
so every one must be listed, escaped and usable on the built site.
"""

from __future__ import annotations

import random
import re
import shutil
from pathlib import Path

import yaml

from helpers import ROOT, write_benchmarks_for
from inrsurvey.catalog import TAXONOMY_FILE, load_taxonomy
from synthetic import synthetic_method

BASE = ("taxonomy.yml", "nerf.md", "nerf.bib", "siren.md", "siren.bib", "liif.md", "liif.bib")

METHODS = {"constructor": "Constructor", "proto": "__proto__", "tostring": "toString", "valueof": "valueOf"}
"""Slug -> display name of the methods added to the base survey."""

TAGS = {"constructor": "constructor", "tostring": "toString", "hasownproperty": 'Tag "-->" <--!> & ]]>'}
"""Tag id -> name of the tags added to the taxonomy."""

FIELD = "Constructor"
TASK = 'toString "quoted" <b> & ]]> --> --!>'
VENUE = "toString"
BIBTEX = "Workshop on toString (toString)"


def _taxonomy(papers: Path) -> None:
    data = yaml.safe_load((papers / TAXONOMY_FILE).read_text(encoding="utf-8"))
    data["fields"].append({"name": FIELD, "definition": "A field named like a prototype property."})
    data["tasks"].append({"name": TASK, "definition": "A task whose name needs escaping everywhere."})
    data["tags"] += [{"id": i, "name": n, "definition": f"The tag {i}."} for i, n in TAGS.items()]
    data["venues"].append({"id": VENUE, "name": "toString Workshop", "bibtex": BIBTEX, "kind": "workshop"})
    (papers / TAXONOMY_FILE).write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")


def write_prototype_survey(papers: Path) -> list[str]:
    """The base survey plus the methods of METHODS in `papers`; returns every method's slug."""
    papers.mkdir(parents=True, exist_ok=True)
    for name in BASE:
        shutil.copy(ROOT / "papers" / name, papers / name)
    write_benchmarks_for(papers, {"nerf", "siren", "liif"})
    _taxonomy(papers)
    taxonomy, problems = load_taxonomy(papers / TAXONOMY_FILE, TAXONOMY_FILE)
    assert taxonomy is not None and not problems, problems
    rng = random.Random(7)
    for index, (slug, name) in enumerate(METHODS.items()):
        _, _, md, bib = synthetic_method(index, rng, taxonomy, [])
        synth = f"Synth{index:05d}"
        _, head, body = md.split("---\n", 2)
        meta = yaml.safe_load(head)
        meta.update(name=name, field=FIELD, tasks=[TASK], venue=VENUE, tags=sorted(TAGS), representation=["mlp"])
        meta.update(inputs=["3D position"], outputs=["colour"])
        meta["code"][0]["url"] = meta["sources"][1] = f"https://github.com/example-lab/{slug}"
        front = yaml.safe_dump(meta, allow_unicode=True, sort_keys=False, width=1000)
        (papers / f"{slug}.md").write_text(f"---\n{front}---\n{body}", encoding="utf-8")
        bib = re.sub(r"(?m)^@\w+\{(\w+?)" + synth.lower(), lambda m, s=slug: f"@inproceedings{{{m.group(1)}{s}", bib)
        bib = re.sub(r"(?m)^  (booktitle|journal|howpublished) = \{.*\},$", f"  booktitle = {{{BIBTEX}}},", bib)
        (papers / f"{slug}.bib").write_text(bib.replace(synth, name.replace("_", r"\_")), encoding="utf-8")
    return sorted(["nerf", "siren", "liif", *METHODS])
