"""Four independent readers of BibTeX, each returning what it read: `{key: (type, {field: value})}`.

bibtexparser and pybtex read in-process; biber reads in tool mode and writes the entries
back out; BibTeX itself reads through a style file that prints every field it holds. Each
reader also reports anything besides entries that it found (an `@preamble`, an `@string`,
a block it could not parse), so a test can assert that a .bib holds those entries and
nothing else. Values are compared with whitespace runs collapsed, as BibTeX reads them.
"""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

Read = dict[str, tuple[str, dict[str, str]]]

FIELDS = (
    "address author booktitle chapter doi edition editor eid eprint archiveprefix eprinttype options primaryclass howpublished "
    "institution issn journal month note number organization pages publisher school series title type url "
    "volume year crossref key"
).split()
"""Every field the BibTeX style prints, so that an injected one shows up too (`crossref` is built in)."""

ENTRY_TYPES = "article book inproceedings incollection misc techreport phdthesis unpublished manual".split()


def squash(value: str) -> str:
    """A value with whitespace runs collapsed to one space and the ends stripped."""
    return " ".join(value.split())


def read_bibtexparser(text: str) -> tuple[Read, list[str]]:
    """Entries as bibtexparser v2 reads them (enclosing braces or quotes removed)."""
    from bibtexparser.entrypoint import parse_string
    from bibtexparser.middlewares import RemoveEnclosingMiddleware

    library = parse_string(text, parse_stack=[RemoveEnclosingMiddleware(allow_inplace_modification=True)])
    extra = [type(b).__name__ for b in library.blocks if type(b).__name__ not in ("Entry", "ImplicitComment")]
    read = {
        e.key: (e.entry_type.lower(), {f.key.lower(): squash(str(f.value)) for f in e.fields}) for e in library.entries
    }
    return read, extra


def read_pybtex(text: str) -> tuple[Read, list[str]]:
    """Entries as pybtex reads them (names kept as written, not split into persons)."""
    from pybtex.database.input.bibtex import Parser
    from pybtex.scanner import PybtexSyntaxError

    try:
        data = Parser(person_fields=()).parse_string(text)
    except PybtexSyntaxError as error:
        return {}, [str(error)]
    extra = ["preamble"] if data.preamble else []
    read = {
        key: (entry.type.lower(), {name.lower(): squash(value) for name, value in entry.fields.items()})
        for key, entry in data.entries.items()
    }
    return read, extra


_BIBER_RENAMED = "eprintclass:primaryclass,journaltitle:journal,location:address"


def read_biber(text: str, folder: Path) -> tuple[Read, list[str]]:
    """Entries as biber reads them: its tool mode writes them back out, one field per line."""
    source = folder / "in.bib"
    source.write_text(text, encoding="utf-8")
    out = folder / "biber-out.bib"
    result = subprocess.run(
        [
            "biber",
            "--tool",
            "--quiet",
            "--decodecharsset=null",
            "--output-legacy-dates",
            "--output-fieldcase=lower",
            f"--output-field-replace={_BIBER_RENAMED}",
            "--output-format=bibtex",
            f"--output-file={out}",
            str(source),
        ],
        capture_output=True,
        text=True,
        cwd=folder,
        timeout=120,
    )
    extra = [line for line in result.stdout.splitlines() + result.stderr.splitlines() if "ERROR" in line]
    read: Read = {}
    current: dict[str, str] = {}
    for line in out.read_text(encoding="utf-8").splitlines() if out.exists() else []:
        head = re.match(r"^@(\w+)\{(.*),$", line)
        field = re.match(r"^  (\w+) = \{(.*)\},$", line)
        if head:
            current = {}
            read[head[2]] = (head[1].lower(), current)
        elif field:
            current[field[1].lower()] = squash(field[2])
        elif line.strip() not in ("", "}"):
            extra.append(line)
    return read, extra


def _style() -> str:
    """A BibTeX style that prints each entry's type, key and every field it holds."""
    fields = "\n".join(
        f'  {name} missing$ \'skip$ {{ "\\f{{{name}}}{{" {name} * "}}" * write$ newline$ }} if$' for name in FIELDS
    )
    types = "\n".join(f"FUNCTION {{{name}}} {{ dump }}" for name in ENTRY_TYPES)
    return (
        f"ENTRY {{ {' '.join(f for f in FIELDS if f != 'crossref')} }} {{}} {{}}\n"
        'FUNCTION {dump} {\n  "\\entry{" type$ * "}{" * cite$ * "}" * write$ newline$\n' + fields + "\n}\n"
        "FUNCTION {default.type} { dump }\n" + types + "\n"
        'FUNCTION {pre} { preamble$ empty$ \'skip$ { "\\preamble{" preamble$ * "}" * write$ newline$ } if$ }\n'
        "READ\nEXECUTE {pre}\nITERATE {dump}\n"
    )


def _groups(text: str) -> list[tuple[str, list[str]]]:
    r"""The `\name{arg}{arg}...` commands of a .bbl written by `_style`, braces matched as BibTeX counts them."""
    found: list[tuple[str, list[str]]] = []
    index = 0
    while (start := text.find("\\", index)) >= 0:
        name = re.match(r"\\(entry|f|preamble)\{", text[start:])
        if not name:
            index = start + 1
            continue
        args: list[str] = []
        index = start + len(name[1]) + 1
        while index < len(text) and text[index] == "{":
            depth, end = 0, index
            for end in range(index, len(text)):
                depth += (text[end] == "{") - (text[end] == "}")
                if depth == 0:
                    break
            args.append(text[index + 1 : end])
            index = end + 1
        found.append((name[1], args))
    return found


def read_bibtex(text: str, folder: Path) -> tuple[Read, list[str]]:
    """Entries as BibTeX itself reads them, through a style that prints every field."""
    (folder / "refs.bib").write_text(text, encoding="utf-8")
    (folder / "dump.bst").write_text(_style(), encoding="utf-8")
    (folder / "doc.aux").write_text("\\citation{*}\n\\bibdata{refs}\n\\bibstyle{dump}\n", encoding="utf-8")
    result = subprocess.run(["bibtex", "-terse", "doc"], capture_output=True, text=True, cwd=folder, timeout=120)
    log = result.stdout + (folder / "doc.blg").read_text(encoding="utf-8", errors="replace")
    extra = [line for line in log.splitlines() if "error message" in line or line.startswith("I was expecting")]
    bbl = (folder / "doc.bbl").read_text(encoding="utf-8") if (folder / "doc.bbl").exists() else ""
    read: Read = {}
    current: dict[str, str] = {}
    for name, args in _groups(" ".join(bbl.splitlines())):
        if name == "entry" and len(args) == 2:
            current = {}
            read[args[1]] = (args[0].lower(), current)
        elif name == "f" and len(args) == 2:
            current[args[0]] = squash(args[1])
        else:
            extra.append(f"\\{name}")
    return read, extra
