"""The GitHub Actions workflow is valid YAML with the expected jobs."""

from __future__ import annotations

import yaml

from helpers import ROOT


def test_site_workflow() -> None:
    workflow = yaml.safe_load((ROOT / ".github" / "workflows" / "site.yml").read_text(encoding="utf-8"))
    triggers = workflow[True]  # YAML 1.1 reads the key `on` as true
    assert "pull_request" in triggers and triggers["push"]["branches"] == ["main"]
    jobs = workflow["jobs"]
    assert set(jobs) == {"check", "test", "deploy"}
    assert any("inrsurvey check --format github" in step.get("run", "") for step in jobs["check"]["steps"])
    assert any(step.get("run") == "bash .ci/run" for step in jobs["test"]["steps"])
    deploy = jobs["deploy"]
    assert deploy["needs"] == ["check", "test"] and "refs/heads/main" in deploy["if"]
    assert deploy["permissions"] == {"pages": "write", "id-token": "write"}
    uses = [step.get("uses", "") for step in deploy["steps"]]
    assert any(u.startswith("actions/upload-pages-artifact") for u in uses) and any(u.startswith("actions/deploy-pages") for u in uses)
    assert any("mkdocs build --strict" in step.get("run", "") for step in deploy["steps"])


def test_ci_script_runs_the_readme_test_command() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    command = next(line for line in readme.splitlines() if "pytest" in line and line.startswith("python3 -m venv"))
    assert command in (ROOT / ".ci" / "run").read_text(encoding="utf-8")
