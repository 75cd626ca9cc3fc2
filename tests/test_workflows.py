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
    run = next(step for step in jobs["test"]["steps"] if step.get("run") == "bash .ci/run")
    kept = next(
        step for step in jobs["test"]["steps"] if step.get("uses", "").startswith("actions/upload-pages-artifact")
    )
    assert run["env"]["INRSURVEY_TESTED_SITE"] == kept["with"]["path"], "the artifact is the site the tests built"
    deploy = jobs["deploy"]
    assert deploy["needs"] == ["check", "test"] and "refs/heads/main" in deploy["if"]
    assert deploy["permissions"] == {"pages": "write", "id-token": "write"}
    assert [step.get("uses", "").split("@")[0] for step in deploy["steps"]] == ["actions/deploy-pages"], (
        "deploy publishes, never rebuilds"
    )


def test_ci_script_runs_the_readme_test_command() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    command = next(line for line in readme.splitlines() if "pytest" in line and line.startswith("python3 -m venv"))
    assert command in (ROOT / ".ci" / "run").read_text(encoding="utf-8")
