"""BibTeX parsing, display decoding and export."""

from __future__ import annotations

import pytest

from inrsurvey import bib, bibstyle

ENTRY = r"""
@InProceedings{muller2021neural,
  Title = {Neural {NeRF} for {3D}: The {\TeX}book -- a test},
  author = {M{\"u}ller, Thomas and Nie{\ss}ner, Matthias and van Gool, Luc and Smith, Jr., John},
  booktitle = {Proceedings of X},
  year = 2021,
  pages = {1--10},
  eprint = {2101.00001}, archiveprefix = {arXiv}
}
"""


def parse_one(text: str) -> bib.BibEntry:
    entries, problems = bib.parse_entries(text, "x.bib")
    assert not problems, problems
    assert len(entries) == 1
    return entries[0]


@pytest.mark.parametrize(
    ("latex", "text"),
    [
        (r"M{\"u}ller", "Müller"),
        (r"Nie{\ss}ner", "Nießner"),
        (r"The {\TeX}book", "The TeXbook"),
        (r"{NeRF}: a--b", "NeRF: a–b"),
        (r"Jos\'e", "José"),
        (r"A \& B 50\%", "A & B 50%"),
        ("plain   words", "plain words"),
        (r"{R$^2$-Gaussian}: x", "R²-Gaussian: x"),
        (r"NeRF$--$", "NeRF\N{MINUS SIGN}\N{MINUS SIGN}"),
        (r"$x^{10}_0$", "x¹⁰₀"),
        (r"$\alpha^{ab}$", "α^ab"),
    ],
)
def test_decode_latex(latex: str, text: str) -> None:
    assert bib.decode_latex(latex) == text


def test_entry_is_parsed_with_raw_values_and_decoded_display() -> None:
    entry = parse_one(ENTRY)
    assert entry.key == "muller2021neural"
    assert entry.entry_type == "inproceedings"
    assert entry.get("title") == r"Neural {NeRF} for {3D}: The {\TeX}book -- a test"
    assert entry.text("title") == "Neural NeRF for 3D: The TeXbook – a test"
    assert [a.display for a in entry.authors] == [
        "Thomas Müller",
        "Matthias Nießner",
        "Luc van Gool",
        "John Smith, Jr.",
    ]
    assert entry.authors[2].family == "van Gool"
    assert entry.lines["author"] == 4


def test_export_keeps_latex_and_orders_fields() -> None:
    entry = parse_one(ENTRY)
    text = bib.format_entry(entry)
    assert text.splitlines()[0] == "@inproceedings{muller2021neural,"
    assert r"  author = {M{\"u}ller, Thomas" in text
    assert "  year = {2021}," in text
    keys = [line.split("=")[0].strip() for line in text.splitlines()[1:-1]]
    assert keys == ["author", "title", "booktitle", "pages", "year", "eprint", "eprinttype"]
    assert bib.reparse_fields(text)["muller2021neural"] == dict(bib.export_fields(entry))


def test_export_is_deterministic_and_reparses() -> None:
    first = parse_one(ENTRY)
    second = parse_one("@misc{smith2020x, author={Smith, A}, title={X}, year={2020}}")
    text = bib.format_entries([first, second])
    lines = ENTRY.strip().splitlines()
    shuffled = parse_one(
        "\n".join([lines[0], *reversed(lines[1:-1]), lines[-1]])
        .replace("a test}\n", "a test},\n")
        .replace("archiveprefix = {arXiv}\n", "archiveprefix = {arXiv},\n")
    )
    assert shuffled.fields != first.fields, "the fixture must list its fields in another order"
    assert text == bib.format_entries([shuffled, second])
    assert text.count("\n@") == 1 and "}\n\n@misc{smith2020x," in text
    assert list(bib.reparse_fields(text)) == ["muller2021neural", "smith2020x"]
    assert bib.format_entries([]) == ""


def test_expected_key_scheme() -> None:
    entry = parse_one(ENTRY)
    assert bibstyle.expected_key(entry) == "muller2021neural"
    hyphen = parse_one("@misc{k, author={Bemana, M.}, title={X-Fields: Implicit}, year={2020}}")
    assert bibstyle.expected_key(hyphen) == "bemana2020xfields"
    stop = parse_one("@misc{k, author={Rott Shaham, T.}, title={On the Spatially-Adaptive Nets}, year={2021}}")
    assert bibstyle.expected_key(stop) == "rottshaham2021spatiallyadaptive"


def test_keys_that_coincide_are_told_apart_by_the_next_title_words() -> None:
    entry = parse_one(
        "@inproceedings{k, author={Chibane, Julian}, year={2020},"
        " title={Implicit Functions in Feature Space for {3D} Shape Reconstruction}}"
    )
    keys = bibstyle.allowed_keys(entry)
    assert keys[:3] == ["chibane2020implicit", "chibane2020implicitfunctions", "chibane2020implicitfunctionsfeature"]
    assert "chibane2020functions" not in keys and "chibane2020implicitfeature" not in keys


def test_latin_letters_without_decomposition_are_spelled_in_ascii() -> None:
    entry = parse_one("@article{k, author={I{\\c{s}}{\\i}k, M.}, title={HumanRF}, year={2023}}")
    assert bibstyle.expected_key(entry) == "isik2023humanrf"


def test_unprotected_words() -> None:
    assert bibstyle.unprotected_words(r"{NeRF}: {3D} Scenes with {\"U}ber SIREN and 3D") == ["SIREN", "3D"]
    assert bibstyle.unprotected_words("Plain Title Case Words") == []


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("@article{a, title={x}, year={2020}", "bib-syntax"),
        ("@article{a, title={x} year={2020}}", "bib-syntax"),
        ('@string{cvpr = "CVPR"}\n@article{a, title={x}, journal=cvpr, year={2020}}', "bib-macro"),
        ("@weird{a, title={x}, year={2020}}", "bib-entry-type"),
        ("@article{a, title={x}}\n@article{a, title={y}}", "bib-duplicate-key"),
    ],
)
def test_parse_problems(text: str, code: str) -> None:
    _, problems = bib.parse_entries(text, "bad.bib")
    assert code in {p.code for p in problems}
    assert all(p.path == "bad.bib" and p.line for p in problems)


def test_unbalanced_author_braces_are_a_syntax_error() -> None:
    _, problems = bib.parse_entries('@misc{a, author={M{\\"u}ller, A and {B, C}, title={x}, year={2020}}', "b.bib")
    assert [p.code for p in problems] == ["bib-syntax"]


@pytest.mark.parametrize(
    ("authors", "says"),
    [
        ("Smith, A, Jones, B, Lee, C", "holds several names separated by commas"),
        ("Smith, A and and Jones, B", "an empty name near"),
        ("Smith, A and , B", "an empty name near"),
    ],
)
def test_author_lists_that_cannot_be_split(authors: str, says: str) -> None:
    entries, problems = bib.parse_entries(
        f"@misc{{a,\n  title={{x}},\n  author={{{authors}}},\n  year={{2020}}}}", "b.bib"
    )
    assert [(p.code, p.line) for p in problems] == [("bib-author", 3)]
    assert says in problems[0].message
    assert entries and entries[0].authors == ()
