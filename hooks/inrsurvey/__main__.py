"""The contributor command line: `python -m inrsurvey check`, `stage`, `new`.

Exit codes: 0 success; 1 problems found (check) or refused input (new);
2 usage error or unusable project layout.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from .catalog import load_catalog
from .model import Problem
from .validate import validate


def find_root(start: Path) -> Path:
    """The project root: the nearest folder at or above `start` holding mkdocs.yml and papers/."""
    for folder in (start, *start.parents):
        if (folder / "mkdocs.yml").is_file() and (folder / "papers").is_dir():
            return folder
    raise SystemExit(f"error: no mkdocs.yml with a papers/ folder at or above {start}; pass --root")


def format_problem(problem: Problem, style: str) -> str:
    """One problem as a line of text, or as a GitHub Actions annotation."""
    if style == "github":
        line = f",line={problem.line}" if problem.line else ""
        message = problem.message.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
        return f"::error file={problem.path}{line},title={problem.code}::{message}"
    return str(problem)


def collect_problems(root: Path) -> list[Problem]:
    """Load and validate `root/papers`, returning every problem, sorted."""
    result = load_catalog(root / "papers")
    problems = list(result.problems)
    if result.catalog is not None:
        problems += validate(result.catalog)
    return sorted(set(problems), key=lambda p: (p.path, p.line or 0, p.code, p.message))


def cmd_check(args: argparse.Namespace) -> int:
    root = args.root.resolve() if args.root else find_root(Path.cwd())
    problems = collect_problems(root)
    for problem in problems:
        print(format_problem(problem, args.format))
    result = load_catalog(root / "papers")
    count = len(result.catalog) if result.catalog else 0
    if problems:
        print(f"{len(problems)} problem(s) in papers/ ({count} methods loaded)", file=sys.stderr)
        return 1
    print(f"ok: {count} methods, no problems", file=sys.stderr)
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="inrsurvey",
        description="Tools for the INR survey's sources in papers/.",
        epilog="Exit codes: 0 ok, 1 problems found or input refused, 2 usage error.",
    )
    sub = parser.add_subparsers(dest="command", required=True)
    check = sub.add_parser(
        "check",
        help="validate papers/ without building the site",
        description="Validate every method in papers/: one line per problem "
        "(file:line: code: what to do). Exit 1 if there is any problem.",
    )
    check.add_argument("--root", type=Path, help="project folder (default: found from the current folder)")
    check.add_argument("--format", choices=("text", "github"), default="text",
                       help="'github' prints GitHub Actions annotations")
    check.set_defaults(func=cmd_check)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit code."""
    args = build_parser().parse_args(argv)
    return int(args.func(args))


if __name__ == "__main__":
    sys.exit(main())
