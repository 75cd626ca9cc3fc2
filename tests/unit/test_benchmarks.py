"""Benchmarks and results: loading, validation codes, the leaderboard and the exports."""

from __future__ import annotations

import csv
import io
import json
import re
import shutil
from pathlib import Path

import pytest

from helpers import ROOT
from inrsurvey.export import results_csv, results_json
from inrsurvey.render.leaderboard import benchmark_page, results_section
from inrsurvey.validate import check

BENCHMARKS = """\
metrics:
  - {id: psnr, name: PSNR, unit: dB, direction: higher, decimals: 2, range: [0, 100]}
  - {id: lpips-vgg, name: LPIPS (VGG), unit: "", direction: lower, decimals: 3, range: [0, 1]}
benchmarks:
  - id: scenes-4
    name: Four scenes
    dataset: {method: NERF}
    tasks: [View Synthesis]
    scenes: [a, b, c, d]
    protocol: "All views at full resolution."
    metrics: [psnr, lpips-vgg]
    main: psnr
  - id: scenes-2
    name: Two scenes
    dataset:
      bibtex: |
        @inproceedings{doe2019data,
          author = {Doe, Jane},
          title = {A Data Set},
          booktitle = {Proceedings of the IEEE/CVF Conference on Computer Vision and Pattern Recognition (CVPR)},
          year = {2019}
        }
    scenes: [a, b]
    protocol: "The two public scenes."
    metrics: [psnr]
    main: psnr
"""


def _survey(tmp_path: Path, results: dict[str, str]) -> Path:
    """A copy of the golden fixture survey with benchmarks.yml and `results` blocks added."""
    papers = tmp_path / "papers"
    shutil.copytree(ROOT / "tests" / "fixtures" / "golden" / "papers", papers)
    slugs = sorted(p.stem for p in papers.glob("*.md"))
    (papers / "benchmarks.yml").write_text(BENCHMARKS.replace("NERF", slugs[0]), encoding="utf-8")
    for slug, block in results.items():
        path = papers / f"{slug}.md"
        text = path.read_text(encoding="utf-8")
        path.write_text(text.replace("\n---\n", "\n" + block.rstrip() + "\n---\n", 1), encoding="utf-8")
    return papers


def _slugs() -> list[str]:
    return sorted(p.stem for p in (ROOT / "tests" / "fixtures" / "golden" / "papers").glob("*.md"))


GOOD = """\
results:
  - benchmark: scenes-4
    where: Table 1
    values: {psnr: "31.10", lpips-vgg: "0.050"}
"""


def _codes(papers: Path) -> list[tuple[str, str]]:
    return [(p.code, p.message) for p in check(papers).problems]


def test_valid_results_load_and_keep_printed_decimals(tmp_path: Path) -> None:
    first, second = _slugs()[:2]
    papers = _survey(tmp_path, {first: GOOD, second: "results: []\n"})
    result = check(papers)
    assert result.problems == ()
    assert result.catalog is not None
    paper = result.catalog.by_slug[first]
    assert paper.results is not None and paper.results[0].value("psnr") == "31.10"
    assert result.catalog.by_slug[second].results == ()
    assert result.catalog.benchmarks.by_id["scenes-2"].dataset_entry is not None


@pytest.mark.parametrize(
    ("block", "code", "fragment"),
    [
        (GOOD.replace("scenes-4", "scenes-9"), "result-invalid", "unknown benchmark 'scenes-9'"),
        (GOOD.replace("lpips-vgg", "lpips-alex"), "result-invalid", "'lpips-alex' is none of them"),
        (GOOD.replace('"0.050"', '"1.500"'), "result-invalid", "outside LPIPS (VGG)'s range"),
        (GOOD.replace('"31.10"', '"31.105"'), "result-invalid", "has 3 decimals"),
        (GOOD.replace('"31.10"', '"31,1"'), "result-invalid", "is not a number as printed"),
        (GOOD.replace("    where: Table 1\n", ""), "result-invalid", "say 'where'"),
        (GOOD.replace('"31.10"', "31.10"), "result-unquoted", 'quoted exactly as printed ("31.1")'),
        (GOOD + GOOD.removeprefix("results:\n"), "result-duplicate", "scenes-4 psnr is given twice"),
        (GOOD.replace("Table 1", "Table 1\n    scenes: [a, b]"), "result-invalid", "enter it under benchmark scenes-2"),
        (GOOD.replace("Table 1", "Table 1\n    scenes: [a, c]"), "result-invalid", "declare the subset"),
        (GOOD.replace("Table 1", "Table 1\n    scenes: [a, e]"), "result-invalid", "scene 'e' is not one of"),
        (GOOD.replace("Table 1", "Table 1\n    colour: red"), "fm-type", "unknown key 'colour'"),
        (GOOD.replace("Table 1", "'Table\u202e 1'"), "result-invalid", "invisible or control characters"),
    ],
)
def test_each_bad_result_is_a_located_problem(tmp_path: Path, block: str, code: str, fragment: str) -> None:
    slug = _slugs()[0]
    papers = _survey(tmp_path, {slug: block})
    problems = check(papers).problems
    matching = [p for p in problems if p.code == code and fragment in p.message]
    assert matching, [str(p) for p in problems]
    assert matching[0].path == f"papers/{slug}.md"
    assert matching[0].line is not None and matching[0].line > 1


def test_variants_may_repeat_a_metric(tmp_path: Path) -> None:
    slug = _slugs()[0]
    twice = GOOD + GOOD.removeprefix("results:\n").replace("Table 1", "Table 1\n    variant: big")
    assert check(_survey(tmp_path, {slug: twice})).problems == ()


@pytest.mark.parametrize(
    ("yaml_text", "fragment"),
    [
        (BENCHMARKS.replace("direction: higher", "direction: up"), "needs id (lowercase, hyphens), name, direction"),
        (BENCHMARKS.replace("main: psnr\n  - id", "main: ssim\n  - id"), "'main' must be one of them"),
        (BENCHMARKS.replace("metrics: [psnr, lpips-vgg]", "metrics: [psnr, ssim]"), "('ssim' is not)"),
        (BENCHMARKS.replace("{method: NERF}", "{method: no-such-method}"), "is no method slug in papers/"),
        (BENCHMARKS.replace("tasks: [View Synthesis]", "tasks: [Nothing]"), "'Nothing' is no task name"),
    ],
)
def test_bad_declarations_name_the_file_and_line(tmp_path: Path, yaml_text: str, fragment: str) -> None:
    papers = _survey(tmp_path, {})
    (papers / "benchmarks.yml").write_text(yaml_text.replace("NERF", _slugs()[0]), encoding="utf-8")
    problems = check(papers).problems
    matching = [p for p in problems if fragment in p.message]
    assert matching, [str(p) for p in problems]
    assert matching[0].path == "papers/benchmarks.yml"
    assert matching[0].line is not None


def _catalog_with_results(tmp_path: Path):
    first, second, third = _slugs()[:3]
    deviating = GOOD.replace('"31.10"', '"35.00"').replace("Table 1", "Table 4\n    protocol: half resolution")
    papers = _survey(
        tmp_path,
        {
            first: GOOD,
            second: GOOD.replace('"31.10"', '"30.00"').replace('"0.050"', '"0.040"'),
            third: deviating.replace("    values", '    variant: "=HYPERLINK(x)"\n    values'),
        },
    )
    result = check(papers)
    assert result.problems == (), [str(p) for p in result.problems]
    assert result.catalog is not None
    return result.catalog, (first, second, third)


def test_board_marks_the_best_protocol_following_values(tmp_path: Path) -> None:
    catalog, (first, second, _third) = _catalog_with_results(tmp_path)
    page = benchmark_page(catalog, catalog.benchmarks.by_id["scenes-4"])
    best = re.findall(r'<strong class="inr-best"[^>]*>([^<]+)</strong>', page)
    # 35.00 is higher but measured at half resolution: the best PSNR is 31.10, the best LPIPS 0.040.
    assert sorted(best) == ["0.040", "31.10"]
    assert "half resolution" in page and "35.00" in page
    assert "not re-run" in page or "were not re-run" in page
    assert page.count("<circle") == 2  # the deviating number is not plotted
    assert f"../methods/{first}/" in page and f"../methods/{second}/" in page


def test_method_section_says_when_a_paper_reports_none(tmp_path: Path) -> None:
    catalog, (first, *_) = _catalog_with_results(tmp_path)
    paper = catalog.by_slug[first]
    assert "Table 1" in results_section(catalog, paper, "methods/x.md")
    from dataclasses import replace

    assert "reports on none of the survey's" in results_section(catalog, replace(paper, results=()), "methods/x.md")
    assert results_section(catalog, replace(paper, results=None), "methods/x.md") == ""


def test_exports_reparse_with_every_number(tmp_path: Path) -> None:
    catalog, (first, _second, third) = _catalog_with_results(tmp_path)
    data = json.loads(results_json(catalog))
    assert [b["id"] for b in data["benchmarks"]] == ["scenes-4", "scenes-2"]
    assert data["benchmarks"][1]["dataset_bibtex"].startswith("@inproceedings{doe2019data,")
    records = data["results"]
    assert len(records) == 6
    mine = next(r for r in records if r["method"] == first and r["metric"] == "psnr")
    assert mine == mine | {"value": 31.1, "printed": "31.10", "source": "Table 1", "benchmark": "scenes-4"}
    rows = list(csv.DictReader(io.StringIO(results_csv(catalog))))
    assert len(rows) == 6
    assert {r["value"] for r in rows if r["metric"] == "psnr"} == {"31.10", "30.00", "35.00"}
    # A free-text cell that a spreadsheet would run as a formula is kept as text.
    assert {r["variant"] for r in rows if r["method"] == third} == {"'=HYPERLINK(x)"}
