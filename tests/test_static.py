"""Static checks: ruff over the code and mypy (strict) over the package."""

from __future__ import annotations

import subprocess
import sys

from helpers import ROOT


def test_ruff() -> None:
    result = subprocess.run([sys.executable, "-m", "ruff", "check", *(d for d in ("hooks", "tests", "bench") if (ROOT / d).is_dir())], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def test_mypy() -> None:
    result = subprocess.run([sys.executable, "-m", "mypy"], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
