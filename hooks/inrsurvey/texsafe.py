r"""What TeX a .bib value may hold: an allow-list of text-mode markup.

Whoever compiles our .bib runs the TeX in it, and every reader of BibTeX (BibTeX itself,
biber, bibtexparser, pybtex, Zotero) must read a value as the same characters. So a
value may hold only: text, accents and special letters (`{\"u}`, `{\ss}`), the font
commands `\emph`, `\textit`, `\textbf` and their kin, escaped specials (`\&`, `\%`),
and math for symbols (`$--$`, `$\alpha$`). Everything else is refused, with the reason:
commands that read or write files, run programs or redefine TeX (`\input`, `\write18`,
`\catcode`, `\def`, `\csname`, `^^` notation), unknown commands, unescaped specials,
unbalanced braces or dollars, and the `@` that some readers take for a new entry.
"""

from __future__ import annotations

import re

from .urls import url_problem

ACCENTS = frozenset("\"'^`~=.")
"""Control symbols that put an accent on the next letter (`\"u`, `\'e`)."""

ESCAPES = frozenset("&%$#_ ,;:!-/")
r"""Control symbols that print a special character or a space (`\&`, `\ `, `\,`, `\-`)."""

TEXT_WORDS = frozenset(
    {
        # accents and special letters
        *"c v u H k r d b t".split(),
        *"ss SS o O ae AE oe OE aa AA l L i j dh DH th TH ng NG dj DJ".split(),
        # fonts and emphasis
        *"emph textit textbf textsc texttt textsf textrm textsl textup textmd textnormal".split(),
        *"em it bf sc tt sf rm sl up md normalfont textsuperscript textsubscript mbox".split(),
        # logos and symbols
        *"TeX LaTeX BibTeX LaTeXe".split(),
        *"textendash textemdash textquoteleft textquoteright textquotedblleft textquotedblright".split(),
        *"textbackslash textasciitilde textasciicircum textunderscore textbar textless textgreater".split(),
        *"textbraceleft textbraceright textregistered texttrademark textcopyright textdegree".split(),
        *"textperiodcentered textbullet textellipsis ldots dots S P dag ddag pounds copyright".split(),
        *"nobreakspace slash textmu".split(),
    }
)
"""Control words allowed outside math: accents, letters, fonts, logos and symbols."""

GREEK = (
    "alpha beta gamma delta epsilon varepsilon zeta eta theta vartheta iota kappa lambda mu nu xi "
    "pi varpi rho varrho sigma varsigma tau upsilon phi varphi chi psi omega "
    "Gamma Delta Theta Lambda Xi Pi Sigma Upsilon Phi Psi Omega"
)

MATH_WORDS = frozenset(
    {
        *GREEK.split(),
        *"times cdot pm mp infty partial nabla ell to rightarrow leftarrow leftrightarrow mapsto".split(),
        *"leq geq le ge neq approx sim simeq equiv propto in notin subset subseteq cup cap".split(),
        *"circ star ast prime sum prod int log exp sin cos min max ldots cdots".split(),
        *"mathbb mathcal mathbf mathrm mathit sqrt frac hat tilde bar vec dot".split(),
    }
)
"""Control words allowed inside `$...$`: Greek letters and common symbols."""

UNSAFE_WORDS = frozenset(
    {
        *"input include includeonly InputIfFileExists IfFileExists openin openout read readline".split(),
        *"write immediate closein closeout special pdfshellescape ShellEscape write18".split(),
        *"catcode lccode uccode mathcode sfcode delcode endlinechar escapechar newlinechar".split(),
        *"def edef gdef xdef let futurelet newcommand renewcommand providecommand DeclareRobustCommand".split(),
        *"newenvironment renewenvironment csname endcsname expandafter noexpand afterassignment".split(),
        *"aftergroup globaldefs global outer long protected scantokens detokenize unexpanded".split(),
        *"everypar everymath everyhbox everyjob everyeof jobname openout pdfprimitive primitive".split(),
        *"usepackage RequirePackage documentclass makeatletter makeatother directlua luaexec".split(),
        *"loop repeat end dump batchmode nonstopmode errorstopmode scrollmode".split(),
    }
)
"""Commands that read or write files, run programs or redefine TeX: refused with that reason."""

TAKES_ARGUMENT = frozenset(
    {
        *"c v u H k r d b t emph textit textbf textsc texttt textsf textrm textsl textup textmd".split(),
        *"textnormal textsuperscript textsubscript mbox mathbb mathcal mathbf mathrm mathit sqrt frac".split(),
        *"hat tilde bar vec dot".split(),
    }
)
"""Allowed commands that need an argument (without one, the display decoder prints garbage)."""

_ARGUMENT = re.compile(r"\s*[{A-Za-z0-9\\]")
_TOKEN = re.compile(r"\\([A-Za-z]+)|\\(.)|\\$|(\^\^)|([{}$&%#_@~^])", re.DOTALL)


UNSAFE = "bib-tex-unsafe"
LATEX = "bib-latex"
VALUE = "bib-value"


def _word_problem(name: str, math: bool, rest: str) -> tuple[str, str] | None:
    if name in UNSAFE_WORDS:
        return UNSAFE, (
            f"\\{name} reads or writes files, runs programs or redefines TeX; whoever compiles the .bib would "
            "run it: remove it"
        )
    if name in (MATH_WORDS if math else TEXT_WORDS):
        if name in TAKES_ARGUMENT and not _ARGUMENT.match(rest):
            return LATEX, f"\\{name} needs an argument ({chr(92)}{name}{{...}}); add it or remove the command"
        return None
    if not math and name in MATH_WORDS:
        return LATEX, f"\\{name} is a math command; write it inside $...$ (for example ${chr(92)}{name}$)"
    return LATEX, (
        f"\\{name} is not a text-mode command the survey accepts; write the character in UTF-8, or use an "
        'accent (\\"u), \\emph{...}/\\textbf{...}, an escaped special (\\&) or $...$ for a symbol'
    )


_SPECIAL_ADVICE = {
    "&": (LATEX, "unescaped &: write \\&"),
    "%": (LATEX, "unescaped %: write \\% (a bare % comments out the rest of the line in LaTeX)"),
    "#": (LATEX, "unescaped #: write \\#"),
    "_": (LATEX, "unescaped _: write \\_ (or put it inside $...$)"),
    "^": (LATEX, "^ outside math: write \\textasciicircum{} or put the formula in $...$"),
    "@": (VALUE, "an @ inside a value: BibTeX readers disagree on it (some start a new entry there); remove it"),
}


def _symbol_problem(char: str) -> tuple[str, str] | None:
    if char in ACCENTS or char in ESCAPES:
        return None
    if char in "{}":
        return VALUE, (
            f"\\{char} is an escaped brace, which BibTeX counts as a brace and LaTeX does not, so the two read "
            "the value differently; write \\textbraceleft{} or \\textbraceright{}"
        )
    if char == "@":
        return _SPECIAL_ADVICE["@"]
    if char == "\\":
        return LATEX, "\\\\ (a line break) has no place in a bibliography field; remove it"
    return LATEX, f"the control symbol \\{show_char(char)} is not accepted; remove it"


def show_char(char: str) -> str:
    """A character as it may be quoted in a message (control characters and spaces as U+XXXX)."""
    return char if char.isprintable() and char != " " else f"U+{ord(char):04X}"


def _token_problem(match: re.Match[str], math: bool) -> tuple[str, str] | None:
    word, symbol, hats, special = match.groups()
    if word is not None:
        return _word_problem(word, math, match.string[match.end() : match.end() + 64])
    if symbol is not None:
        return _symbol_problem(symbol)
    if hats is not None:
        return UNSAFE, "^^ notation writes any character, commands included, in disguise; remove it"
    if match.group(0) == "\\":
        return LATEX, "a backslash ends the value; remove it or write \\textbackslash{}"
    if math and special in "_^":
        return None
    return _SPECIAL_ADVICE.get(special)


def tex_problems(value: str) -> list[tuple[str, str]]:
    """Everything in `value` outside the text-mode allow-list, as (code, reason); empty when safe."""
    found: list[tuple[str, str]] = []
    depth = 0
    math = False
    for match in _TOKEN.finditer(value):
        special = match.group(4)
        problem = _token_problem(match, math)
        if special == "{":
            depth += 1
        elif special == "}":
            depth -= 1
            if depth < 0:
                problem, depth = (VALUE, "a closing brace has no opening brace; balance the braces"), 0
        elif special == "$":
            math = not math
        if problem and problem not in found:
            found.append(problem)
    if depth > 0:
        found.append((VALUE, f"{depth} opening brace(s) never closed; balance the braces"))
    if math:
        found.append((LATEX, "a $ opens math that is never closed; write \\$ for a dollar sign or close the math"))
    return found


DOI = re.compile(r"^10\.\d{4,9}/[-._;()/:A-Za-z0-9]+$")
"""The DOI syntax Crossref recommends matching (`10.<registrant>/<suffix>`)."""


def _quote_problem(value: str) -> tuple[str, str] | None:
    """Why a value written in double quotes reads differently in BibTeX (a `"` at brace depth 0)."""
    depth = 0
    for char in value:
        depth += (char == "{") - (char == "}")
        if char == '"' and depth == 0:
            return VALUE, (
                'a " inside a value written in double quotes ends the value for BibTeX but not for other readers; '
                'enclose the value in braces instead (and write an umlaut as {\\"u})'
            )
    return None


PAGES = re.compile(r"^([A-Za-z]{0,3}\d+(?:[.:]\d+)*)(--[A-Za-z]{0,3}\d+(?:[.:]\d+)*)?$")
"""One page, an article number or a range (`405--421`, `e1234`, `1:1--1:12`): what biber parses alike."""


def field_problems(name: str, value: str, quoted: bool = False) -> list[tuple[str, str]]:
    """What is wrong with one .bib field's value, as (code, message); empty when every reader agrees on it.

    Args:
        name: the field name, lowercase (`url` and `doi` follow their own syntax).
        value: the value without its enclosing braces or quotes.
        quoted: whether the source enclosed it in double quotes.
    """
    if not value.strip():
        return [(VALUE, f"{name} is empty, which biber drops and BibTeX keeps; write its value or remove the field")]
    found: list[tuple[str, str]] = []
    quote = _quote_problem(value) if quoted else None
    if quote:
        found.append(quote)
    if name == "url":
        reason = url_problem(value)
        return found + ([("url-scheme", f"url: {reason}; use the paper's http(s) address")] if reason else [])
    if name == "pages" and not PAGES.match(value):
        found.append((VALUE, "pages is not a page range; write it as 405--421, one page or an article number"))
    if name == "doi":
        if not DOI.match(value):
            found.append(("bib-doi", "doi is not a DOI (10.<digits>/<suffix>); write it without https://doi.org/"))
        return found
    return found + [(code, f"{name}: {reason}") for code, reason in tex_problems(value)]
