"""The command line given hostile or mistaken input: `new` writes only new regular files in
papers/, `stage` never touches the project or what it did not write, `check` refuses paths
outside papers/; every refusal is a message and an exit status, never a traceback."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from helpers import ROOT, copy_site, small_survey

ENTRY = """@inproceedings{x2021plenoctrees,
  title={PlenOctrees: Real-time rendering of neural radiance fields},
  author={Yu, Alex and Li, Ruilong},
  booktitle={Proceedings of the IEEE/CVF International Conference on Computer Vision},
  year={2021}
}"""


@pytest.fixture()
def project(tmp_path: Path) -> Path:
    return copy_site(tmp_path / "project", small_survey(tmp_path / "base-papers"))


def cli(project: Path, *args: str, stdin: str = "", cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    result = subprocess.run(
        [sys.executable, "-m", "inrsurvey", *args, "--root", str(project)],
        input=stdin,
        capture_output=True,
        text=True,
        cwd=cwd or ROOT / "hooks",
        env={"PYTHONPATH": str(ROOT / "hooks"), "PATH": "/usr/bin:/bin"},
        timeout=120,
    )
    assert "Traceback" not in result.stderr + result.stdout, result.stderr
    return result


def snapshot(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.mark.parametrize("dangling", [True, False])
def test_new_never_writes_through_a_symlink(project: Path, tmp_path: Path, dangling: bool) -> None:
    outside = tmp_path / "outside.md"
    if not dangling:
        outside.write_text("keep me\n", encoding="utf-8")
    (project / "papers" / "plenoctrees.md").symlink_to(outside)
    result = cli(project, "new", "-", stdin=ENTRY)
    assert result.returncode == 1 and "papers/plenoctrees.md is a symlink" in result.stderr, result.stderr
    assert outside.exists() != dangling and (dangling or outside.read_text(encoding="utf-8") == "keep me\n")
    assert not (project / "papers" / "plenoctrees.bib").exists(), "nothing written when one file is refused"


def test_new_refuses_a_symlinked_papers_folder(project: Path, tmp_path: Path) -> None:
    elsewhere = tmp_path / "elsewhere"
    shutil.move(project / "papers", elsewhere)
    (project / "papers").symlink_to(elsewhere, target_is_directory=True)
    result = cli(project, "new", "-", stdin=ENTRY)
    assert result.returncode == 1 and "symlink" in result.stderr, result.stderr
    assert not (elsewhere / "plenoctrees.md").exists()


@pytest.mark.parametrize(
    ("name", "said"),
    [("!!!", "empty slug"), ("Index", "reserves"), ("Catalog", "reserves"), ("x" * 80, "characters long")],
)
def test_new_refuses_an_empty_or_reserved_slug(project: Path, name: str, said: str) -> None:
    before = snapshot(project / "papers")
    result = cli(project, "new", "-", "--name", name, stdin=ENTRY)
    assert result.returncode == 1 and said in result.stderr, result.stderr
    assert snapshot(project / "papers") == before


def test_new_reports_unreadable_input_without_a_traceback(project: Path, tmp_path: Path) -> None:
    latin = tmp_path / "latin1.bib"
    latin.write_bytes(ENTRY.replace("Yu, Alex", "M\xfcller, Alex").encode("latin-1"))
    cases = {
        str(tmp_path / "missing.bib"): "no regular file",
        str(tmp_path): "no regular file",
        str(latin): "not UTF-8",
    }
    for source, said in cases.items():
        result = cli(project, "new", source)
        assert result.returncode == 2 and said in result.stderr, (source, result.stderr)
    garbage = cli(project, "new", "-", stdin="@misc{")
    assert garbage.returncode == 1 and garbage.stderr.startswith("refused:"), garbage.stderr


@pytest.mark.parametrize("out", [".", "docs", "docs/sub", "papers", "hooks", "overrides", ".."])
def test_stage_refuses_the_project_s_own_folders(project: Path, out: str) -> None:
    before = snapshot(project)
    result = cli(project, "stage", out, cwd=project)
    assert result.returncode == 2 and "refused:" in result.stderr, result.stderr
    assert snapshot(project) == before


def test_stage_never_deletes_what_it_did_not_write(project: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    (out / "docs").mkdir(parents=True)
    (out / "docs" / "mine.md").write_text("mine\n", encoding="utf-8")
    result = cli(project, "stage", str(out))
    assert result.returncode == 2 and "not written by inrsurvey stage" in result.stderr, result.stderr
    assert (out / "docs" / "mine.md").read_text(encoding="utf-8") == "mine\n"
    linked = tmp_path / "linked"
    linked.mkdir()
    (linked / "hooks").symlink_to(project / "hooks", target_is_directory=True)
    assert cli(project, "stage", str(linked)).returncode == 2
    assert (project / "hooks" / "inrsurvey" / "stage.py").is_file()


def test_stage_replaces_its_own_earlier_output(project: Path, tmp_path: Path) -> None:
    out = tmp_path / "staged"
    (out / "notes").mkdir(parents=True)
    (out / "notes" / "keep.txt").write_text("keep\n", encoding="utf-8")
    assert cli(project, "stage", str(out)).returncode == 0
    (out / "docs" / "stale.md").write_text("stale\n", encoding="utf-8")
    assert cli(project, "stage", str(out)).returncode == 0
    assert not (out / "docs" / "stale.md").exists() and (out / "docs" / "methods" / "nerf.md").is_file()
    assert (out / "notes" / "keep.txt").read_text(encoding="utf-8") == "keep\n"


@pytest.mark.parametrize("name", ["../docs/index", "../mkdocs", "papers/../docs/index", "/etc/passwd", "nerf/x"])
def test_check_refuses_a_path_outside_papers(project: Path, name: str) -> None:
    result = cli(project, "check", name, cwd=project)
    assert result.returncode == 2 and result.stderr.startswith("error:"), result.stderr
    assert "ok" not in result.stderr.split(":", 1)[1].split()
