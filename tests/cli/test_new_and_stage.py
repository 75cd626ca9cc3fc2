"""The contributor command line: `new` from real-world entries to a passing `check`, `stage`."""

from __future__ import annotations

import datetime as dt
import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from helpers import ROOT, build, copy_site, write_benchmarks_for
from inrsurvey import bib
from inrsurvey.bib import reparse_fields
from inrsurvey.model import Catalog
from inrsurvey.validate import check

ARXIV_MISC = """@misc{mueller2022instant,
      title={Instant Neural Graphics Primitives with a Multiresolution Hash Encoding},
      author={Thomas Müller and Alex Evans and Christoph Schied and Alexander Keller},
      year={2022},
      eprint={2201.05989},
      archivePrefix={arXiv},
      primaryClass={cs.CV}
}"""

DBLP = r"""@inproceedings{DBLP:conf/iccv/BarronMTHMS21,
  author       = {Jonathan T. Barron and
                  Ben Mildenhall and
                  Matthew Tancik and
                  Peter Hedman and
                  Ricardo Martin{-}Brualla and
                  Pratul P. Srinivasan},
  title        = {Mip-NeRF: {A} Multiscale Representation for Anti-Aliasing Neural Radiance
                  Fields},
  booktitle    = {2021 {IEEE/CVF} International Conference on Computer Vision, {ICCV}
                  2021, Montreal, QC, Canada, October 10-17, 2021},
  pages        = {5835--5844},
  publisher    = {{IEEE}},
  year         = {2021},
  url          = {https://doi.org/10.1109/ICCV48922.2021.00580},
  doi          = {10.1109/ICCV48922.2021.00580},
  timestamp    = {Fri, 11 Mar 2022 10:01:59 +0100},
  biburl       = {https://dblp.org/rec/conf/iccv/BarronMTHMS21.bib},
  bibsource    = {dblp computer science bibliography, https://dblp.org}
}"""

SCHOLAR = """@inproceedings{fridovich2022plenoxels,
  title={Plenoxels: Radiance fields without neural networks},
  author={Fridovich-Keil, Sara and Yu, Alex and Tancik, Matthew and Chen, Qinhong and Recht, Benjamin and Kanazawa, Angjoo},
  booktitle={Proceedings of the IEEE/CVF Conference on Computer Vision and Pattern Recognition},
  pages={5501--5510},
  year={2022}
}"""

ACCENTS = r"""@article{muller2022instant,
  title={Instant neural graphics primitives with a multiresolution hash encoding},
  author={M{\"u}ller, Thomas and Evans, Alex and Schied, Christoph and Keller, Alexander},
  journal={ACM Transactions on Graphics (ToG)},
  volume={41},
  number={4},
  pages={1--15},
  year={2022},
  publisher={ACM New York, NY, USA}
}"""

DUPLICATE = """@article{mildenhall2020nerf,
  title={NeRF: Representing Scenes as Neural Radiance Fields for View Synthesis},
  author={Mildenhall, Ben and Srinivasan, Pratul P and Tancik, Matthew and Barron, Jonathan T and Ramamoorthi, Ravi and Ng, Ren},
  journal={arXiv preprint arXiv:2003.08934},
  year={2020}
}"""

SUMMARY = " ".join(
    ["This method represents a scene with a coordinate network and renders it by volume rendering."] * 12
)


@pytest.fixture()
def project(tmp_path: Path) -> Path:
    copy_site(tmp_path)
    papers = tmp_path / "papers"
    # The sample entries below add these methods again: take them out, then every method that
    # no longer checks without them (it builds on them, links them or reports on their benchmarks).
    removed = {"instant-ngp", "mip-nerf", "plenoxels"}
    while removed:
        for slug in removed:
            for suffix in (".md", ".bib"):
                (papers / f"{slug}{suffix}").unlink(missing_ok=True)
        write_benchmarks_for(papers, {md.stem for md in papers.glob("*.md")})
        removed = {Path(p.path).stem for p in check(papers).problems if p.path.endswith((".md", ".bib"))}
    return tmp_path


def cli(project: Path, *args: str, stdin: str = "") -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "inrsurvey", *args, "--root", str(project)],
        input=stdin,
        capture_output=True,
        text=True,
        cwd=ROOT / "hooks",
    )


def fill(md_path: Path, posted: str | None) -> None:
    """Answer the prompts the way a contributor would."""
    head, _, _ = md_path.read_text(encoding="utf-8").removeprefix("---\n").partition("\n---\n")
    meta = yaml.safe_load(head)
    meta.update(
        field="3D Vision",
        tasks=["View Synthesis"],
        representation=["mlp"],
        key_idea="A radiance field is fitted to posed photographs.",
        tags=["volume-rendering"],
        inputs=["3D position"],
        outputs=["density", "colour"],
    )
    meta["code"] = [{"url": "https://github.com/example/code", "framework": "PyTorch", "official": True}]
    del meta["builds_on"]
    meta["builds_on_none"] = "Its paper (Sec. 2) extends none of the survey's methods."
    meta["sources"] = [s for s in meta["sources"] if "FILL IN" not in s] + ["https://github.com/example/code"]
    if posted:
        meta["posted"] = dt.date.fromisoformat(posted)
    md_path.write_text(
        "---\n" + yaml.safe_dump(meta, sort_keys=False, allow_unicode=True) + "---\n\n" + SUMMARY + "\n",
        encoding="utf-8",
    )


@pytest.mark.parametrize(
    ("entry", "name", "slug", "key", "venue", "posted"),
    [
        (ARXIV_MISC, "Instant NGP", "instant-ngp", "muller2022instant", "arXiv", "2022-01-16"),
        (DBLP, None, "mip-nerf", "barron2021mipnerf", "ICCV", None),
        (SCHOLAR, None, "plenoxels", "fridovichkeil2022plenoxels", "CVPR", None),
        (ACCENTS, "Instant NGP", "instant-ngp", "muller2022instant", "TOG", None),
    ],
    ids=["arxiv-misc", "dblp", "google-scholar", "latex-accents"],
)
def test_new_then_check(
    project: Path, entry: str, name: str | None, slug: str, key: str, venue: str, posted: str | None
) -> None:
    args = ["new", "-"] + (["--name", name] if name else [])
    made = cli(project, *args, stdin=entry)
    assert made.returncode == 0, made.stderr
    bib_text = (project / "papers" / f"{slug}.bib").read_text(encoding="utf-8")
    fields = reparse_fields(bib_text)[key]
    assert not {"biburl", "bibsource", "timestamp"} & set(fields)
    md_path = project / "papers" / f"{slug}.md"
    meta = yaml.safe_load(md_path.read_text(encoding="utf-8").split("---")[1])
    assert meta["venue"] == venue and meta["name"] == (name or meta["name"])
    before = cli(project, "check")
    assert before.returncode == 1 and "fm-unfilled" in before.stdout and f"papers/{slug}.md" in before.stdout
    fill(md_path, posted)
    after = cli(project, "check")
    assert after.returncode == 0, after.stdout + after.stderr


def test_new_normalises_a_dblp_entry(project: Path) -> None:
    assert cli(project, "new", "-", stdin=DBLP).returncode == 0
    fields = reparse_fields((project / "papers" / "mip-nerf.bib").read_text(encoding="utf-8"))["barron2021mipnerf"]
    assert fields["booktitle"] == "Proceedings of the IEEE/CVF International Conference on Computer Vision (ICCV)"
    assert fields["author"].startswith("Barron, Jonathan T. and Mildenhall, Ben")
    assert "Martin{-}Brualla, Ricardo" in fields["author"]
    assert fields["title"].startswith(
        "Mip-{NeRF}: {A} Multiscale Representation for Anti-Aliasing Neural Radiance Fields"
    )
    assert fields["doi"] == "10.1109/ICCV48922.2021.00580" and "url" not in fields


def test_new_refuses_a_duplicate(project: Path) -> None:
    result = cli(project, "new", "-", stdin=DUPLICATE)
    assert result.returncode == 1
    assert "refused" in result.stderr and "papers/nerf.md" in result.stderr
    assert not (project / "papers" / "nerf-2.md").exists()


def test_new_refuses_garbage(project: Path) -> None:
    result = cli(project, "new", "-", stdin="@article{broken, title={x")
    assert result.returncode == 1 and "exactly one BibTeX entry" in result.stderr


def test_check_github_annotations(project: Path) -> None:
    (project / "papers" / "nerf.md").write_text(
        (project / "papers" / "nerf.md").read_text().replace("venue: ECCV", "venue: ECCV2020")
    )
    result = cli(project, "check", "--format", "github")
    assert result.returncode == 1
    assert any(
        line.startswith("::error file=papers/nerf.md,line=") and "title=unknown-venue::" in line
        for line in result.stdout.splitlines()
    )


def test_help_for_each_command() -> None:
    for command in ("check", "stage", "new"):
        result = subprocess.run(
            [sys.executable, "-m", "inrsurvey", command, "--help"], capture_output=True, text=True, cwd=ROOT / "hooks"
        )
        assert result.returncode == 0 and "usage:" in result.stdout


@pytest.mark.build
def test_stage_builds_with_plain_mkdocs(project: Path, tmp_path: Path) -> None:
    out = tmp_path / "staged"
    result = cli(project, "stage", str(out))
    assert result.returncode == 0, result.stdout + result.stderr
    config = yaml.safe_load((out / "mkdocs.yml").read_text(encoding="utf-8"))
    assert config["INHERIT"] == "base.yml" and config["hooks"] == []
    assert str(project) not in json.dumps(config) and str(out) not in json.dumps(config), "no absolute path"
    assert (out / "docs" / "methods" / "nerf.md").is_file() and (out / "docs" / "bib" / "all.bib").is_file()
    assert "inrsurvey:" not in (out / "docs" / "index.md").read_text(encoding="utf-8")
    moved = tmp_path / "elsewhere" / "copy"
    moved.parent.mkdir()
    shutil.move(out, moved)
    built = build(moved / "mkdocs.yml", tmp_path / "site")
    assert built.ok, built.error + built.log
    assert "inrsurvey" not in built.log, "the hook ran"
    html = (tmp_path / "site" / "methods" / "nerf" / "index.html").read_text(encoding="utf-8")
    assert "Representing Scenes as Neural Radiance Fields" in html
    assert '<script src="../../javascripts/inr.js" type="module">' in html and "javascripts/search.js" not in html
    assert (tmp_path / "site" / "search" / "search_index.json").is_file(), (
        "Material's search replaces the hook's Pagefind index"
    )
    assert not (tmp_path / "site" / "pagefind").exists()


@pytest.mark.parametrize(
    ("text", "venue"),
    [
        ("journal={ACM Trans. Graph.}", "TOG"),
        ("journal={ACM Transactions on Graphics (TOG)}", "TOG"),
        ("booktitle={SIGGRAPH Asia 2022 Conference Papers}", "SIGGRAPHAsia"),
        ("booktitle={Advances in Neural Information Processing Systems}", "NeurIPS"),
        (
            "booktitle={Advances in Neural Information Processing Systems 33: Annual Conference on Neural Information Processing Systems 2020}",
            "NeurIPS",
        ),
        ("booktitle={Proc. Int. Conf. Comput. Vis.}", None),
        ("booktitle={Photographic Techniques Symposium}", None),
    ],
)
def test_new_recognises_publishers_venue_names(catalog: Catalog, text: str, venue: str | None) -> None:
    from inrsurvey.scaffold import match_venue

    entry = "@article{x, title={X}, author={Doe, Jane}, year={2022}, " + text + "}"
    fields = dict(bib.parse_entries(entry, "x.bib")[0][0].fields)
    found = match_venue(catalog.taxonomy, fields)
    assert (found.id if found else None) == venue


ACM = r"""@article{doe2022field,
  author = {Doe, Jane and Roe, Richard},
  title = {Field: A Representation},
  journal = {ACM Trans. Graph.},
  volume = {41}, number = {4}, articleno = {102}, numpages = {15}, year = {2022},
  doi = {10.1145/3528223.3530127}, publisher = {Association for Computing Machinery}
}"""


def test_new_invents_nothing(project: Path) -> None:
    """No arXiv category, framework or checked source is made up: each is a prompt; ACM's article number is kept."""
    made = cli(project, "new", "-", stdin=ACM)
    assert made.returncode == 0, made.stderr
    assert "eprint and posted" in made.stdout
    fields = reparse_fields((project / "papers" / "field.bib").read_text(encoding="utf-8"))["doe2022field"]
    assert fields["journal"] == "ACM Transactions on Graphics" and fields["eid"] == "102"
    assert "primaryclass" not in fields and "publisher" not in fields and "articleno" not in fields
    meta = yaml.safe_load((project / "papers" / "field.md").read_text(encoding="utf-8").split("---")[1])
    assert (
        all("FILL IN" in s for s in meta["sources"]) and "https://doi.org/10.1145/3528223.3530127" in meta["sources"][0]
    )
    assert "FILL IN" in meta["code"][0]["framework"]
    checked = cli(project, "check", "field")
    assert checked.returncode == 1
    reported = {line.split(":")[0] for line in checked.stdout.splitlines()}
    assert reported == {"papers/field.md"}, checked.stdout
    assert "code" in checked.stdout and "sources" in checked.stdout


def test_check_one_method(project: Path) -> None:
    """`check SLUG` reports only that method's files, after loading the whole survey."""
    nerf = project / "papers" / "nerf.md"
    nerf.write_text(nerf.read_text(encoding="utf-8").replace("venue: ECCV", "venue: ECCV2020"), encoding="utf-8")
    assert cli(project, "check", "siren").returncode == 0
    only = cli(project, "check", "papers/nerf.md")
    assert only.returncode == 1 and "unknown-venue" in only.stdout
    assert {line.split(":")[0] for line in only.stdout.splitlines()} == {"papers/nerf.md"}


@pytest.mark.parametrize("name", ["nerf-2", "papers/zz.md", "../mkdocs.md", "/etc/passwd.md"])
def test_check_refuses_a_method_that_is_not_there(project: Path, name: str) -> None:
    """A misspelt slug or a file outside papers/ is a usage error, never an empty "ok"."""
    result = cli(project, "check", name)
    assert result.returncode == 2 and result.stderr.startswith("error: ") and "ok" not in result.stderr, result
