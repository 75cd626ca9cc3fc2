"""Static checks: ruff's lint rules and layout over the code, mypy (strict) over the package."""

from __future__ import annotations

import subprocess
import sys

from helpers import ROOT

CODE = [d for d in ("hooks", "tests", "bench") if (ROOT / d).is_dir()]


def run(*command: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", *command], cwd=ROOT, capture_output=True, text=True)


def test_ruff() -> None:
    result = run("ruff", "check", *CODE)
    assert result.returncode == 0, result.stdout + result.stderr


def test_ruff_format() -> None:
    """The code is laid out as `ruff format` writes it."""
    result = run("ruff", "format", "--check", *CODE)
    assert result.returncode == 0, result.stdout + result.stderr


def test_mypy() -> None:
    result = run("mypy")
    assert result.returncode == 0, result.stdout + result.stderr
