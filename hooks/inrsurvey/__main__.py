"""The contributor command line: `python -m inrsurvey check`, `stage`, `new`.

Exit codes: 0 success; 1 problems found (check) or refused input (new);
2 usage error or unusable project layout.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from .catalog import load_catalog
from .identifiers import show
from .model import Problem
from .validate import check


def usage_error(message: str) -> SystemExit:
    """The exit for a command given something it cannot use: the message on stderr, status 2."""
    print(f"error: {message}", file=sys.stderr)
    return SystemExit(2)


def find_root(start: Path) -> Path:
    """The project root: the nearest folder at or above `start` holding mkdocs.yml and papers/."""
    for folder in (start, *start.parents):
        if (folder / "mkdocs.yml").is_file() and (folder / "papers").is_dir():
            return folder
    raise usage_error(f"no mkdocs.yml with a papers/ folder at or above {start}; pass --root")


def project_root(args: argparse.Namespace) -> Path:
    """The project folder from --root, else found from the current folder."""
    return Path(args.root).resolve() if args.root else find_root(Path.cwd())


def github_escape(text: str, *, property_value: bool = False) -> str:
    """Escape text for a GitHub workflow command: its message, or (with `property_value`) a property."""
    text = text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    return text.replace(":", "%3A").replace(",", "%2C") if property_value else text


def format_problem(problem: Problem, style: str) -> str:
    """One problem as a line of text, or as a GitHub Actions annotation."""
    if style == "github":
        line = f",line={problem.line}" if problem.line else ""
        path = github_escape(problem.path, property_value=True)
        title = github_escape(problem.code, property_value=True)
        return f"::error file={path}{line},title={title}::{github_escape(problem.message)}"
    return str(problem)


def _selected(root: Path, names: Sequence[str]) -> set[str]:
    """The papers/ paths a contributor named: files (`papers/nerf.md`), or slugs (`nerf`) for both files.

    A name that is no file or method of papers/ is a usage error (exit 2), not an empty "ok".
    """
    papers = root / "papers"
    chosen: set[str] = set()
    for name in names:
        path = Path(name)
        if path.suffix in (".md", ".bib"):
            candidates = [path] if path.is_absolute() else [Path.cwd() / path, root / path]
            found = [c for c in candidates if os.path.lexists(c) and c.parent.resolve() == papers.resolve()]
            if not found:
                raise usage_error(f"{name} is no file of {papers}")
            chosen.add(f"papers/{found[0].name}")
        elif Path(name).name != name or name in (".", "..") or not name.strip():
            raise usage_error(f"{show(name)} is no method slug nor a .md or .bib file of {papers}")
        else:
            files = {f"papers/{name}.md", f"papers/{name}.bib"}
            if not any(os.path.lexists(root / f) for f in files):
                raise usage_error(f"no method '{name}' in {papers} (neither {name}.md nor {name}.bib)")
            chosen |= files
    return chosen


def cmd_check(args: argparse.Namespace) -> int:
    """Run `inrsurvey check`: print the problems (of the named methods), exit 1 if any."""
    root = project_root(args)
    result = check(root / "papers")
    chosen = _selected(root, args.methods)
    shown = [p for p in result.problems if not chosen or p.path in chosen]
    for problem in shown:
        print(format_problem(problem, args.format))
    count = len(result.catalog) if result.catalog else 0
    scope = f"{', '.join(sorted(chosen))}" if chosen else "papers/"
    if shown:
        print(f"{len(shown)} problem(s) in {scope} ({count} methods loaded)", file=sys.stderr)
        return 1
    others = len(result.problems) - len(shown)
    note = f" ({others} problem(s) elsewhere in papers/)" if others else ""
    print(f"ok: {scope if chosen else f'{count} methods'}, no problems{note}", file=sys.stderr)
    return 0


def cmd_stage(args: argparse.Namespace) -> int:
    """Run `inrsurvey stage OUT`: write the staged site, exit 1 if papers/ has problems."""
    from .stage import StageError, stage

    root = project_root(args)
    try:
        count, problems = stage(root, args.out.resolve())
    except StageError as error:
        raise usage_error(f"refused: {error}") from None
    if problems:
        for problem in problems:
            print(format_problem(problem, "text"))
        print(f"nothing staged: {len(problems)} problem(s) in papers/", file=sys.stderr)
        return 1
    print(f"staged {count} files in {args.out}; build with: mkdocs build -f {args.out / 'mkdocs.yml'}", file=sys.stderr)
    return 0


def read_entry(source: str | None) -> str:
    """The BibTeX text `new` reads: a regular file, or standard input for `-` or nothing."""
    try:
        if source in (None, "-"):
            return sys.stdin.read()
        path = Path(source)
        if not path.is_file():
            raise usage_error(f"{source} is no regular file; give a .bib file or '-' for standard input")
        return path.read_text(encoding="utf-8")
    except UnicodeDecodeError as error:
        raise usage_error(
            f"{source or 'standard input'} is not UTF-8 text ({error.reason} at byte {error.start})"
        ) from None
    except OSError as error:
        raise usage_error(f"cannot read {source}: {error.strerror}") from None


def cmd_new(args: argparse.Namespace) -> int:
    """Run `inrsurvey new`: scaffold a method from one BibTeX entry, exit 1 if refused."""
    import datetime as dt

    from .scaffold import ScaffoldError, scaffold, write_draft

    root = project_root(args)
    text = read_entry(args.bibtex)
    result = load_catalog(root / "papers")
    if result.catalog is None:
        for problem in result.problems:
            print(format_problem(problem, "text"))
        return 2
    try:
        draft = scaffold(text, result.catalog, dt.date.today(), name=args.name or "")
        write_draft(root / "papers", draft)
    except ScaffoldError as error:
        print(f"refused: {error}", file=sys.stderr)
        return 1
    print(f"wrote papers/{draft.slug}.bib (key {draft.key}) and papers/{draft.slug}.md")
    print("now fill in: " + "; ".join(draft.prompts))
    print("then run: inrsurvey check")
    return 0


def cmd_links(args: argparse.Namespace) -> int:
    """Run `inrsurvey links`: request every external link, exit 1 if any is dead."""
    from .linkcheck import check_links, collect_links

    root = project_root(args)
    result = load_catalog(root / "papers")
    if result.catalog is None:
        return 2
    links = collect_links(result.catalog)
    results = check_links(links, timeout=args.timeout, max_requests=args.max, workers=args.workers)
    dead = [r for r in results if r.dead]
    for item in dead:
        reason = f"HTTP {item.status}" if item.status else f"no answer ({item.error})"
        print(f"{item.link.source}: dead-link: {item.link.url}: {reason}")
    print(f"checked {len(results)} of {len(links)} links: {len(dead)} dead", file=sys.stderr)
    return 1 if dead else 0


def build_parser() -> argparse.ArgumentParser:
    """The command line's argument parser, one sub-command per tool."""
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
    check.add_argument(
        "methods",
        nargs="*",
        help="only report problems of these methods (slugs or papers/ files); "
        "the whole survey is still loaded, so links between methods are checked",
    )
    check.add_argument("--root", type=Path, help="project folder (default: found from the current folder)")
    check.add_argument(
        "--format", choices=("text", "github"), default="text", help="'github' prints GitHub Actions annotations"
    )
    check.set_defaults(func=cmd_check)
    stage = sub.add_parser(
        "stage",
        help="write the generated site sources to a folder",
        description="Write docs/ with every generated page and download, and an mkdocs.yml "
        "without the hook, so plain MkDocs builds the same site. Exit 1 if papers/ has problems.",
    )
    stage.add_argument("out", type=Path, help="output folder (its docs/ is replaced)")
    stage.add_argument("--root", type=Path, help="project folder (default: found from the current folder)")
    stage.set_defaults(func=cmd_stage)
    new = sub.add_parser(
        "new",
        help="scaffold a method from a BibTeX entry",
        description="Read one BibTeX entry (as copied from arXiv, DBLP or Google Scholar), normalise it "
        "to the survey's style and write papers/<slug>.bib and papers/<slug>.md with FILL IN prompts. "
        "Exit 1 if the paper is already in the survey (same arXiv ID, DOI or title) or the files exist.",
    )
    new.add_argument("bibtex", nargs="?", help="file with the entry ('-' or nothing: standard input)")
    new.add_argument("--name", help="the method's display name (default: the title before its colon)")
    new.add_argument("--root", type=Path, help="project folder (default: found from the current folder)")
    new.set_defaults(func=cmd_new)
    links = sub.add_parser(
        "links",
        help="check the external links of papers/ (needs the internet)",
        description="Request every paper, arXiv, code and project link of papers/ and report the dead ones "
        "(no answer or HTTP 4xx/5xx). Exit 1 if any is dead.",
    )
    links.add_argument("--timeout", type=float, default=10.0, help="seconds per request (default 10)")
    links.add_argument("--max", type=int, default=500, help="at most this many requests (default 500)")
    links.add_argument("--workers", type=int, default=4, help="requests at a time (default 4)")
    links.add_argument("--root", type=Path, help="project folder (default: found from the current folder)")
    links.set_defaults(func=cmd_links)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit code."""
    args = build_parser().parse_args(argv)
    return int(args.func(args))


if __name__ == "__main__":
    sys.exit(main())
