"""The survey's BibTeX house rules: the citation-key scheme and the title-case check.

Policy only: parsing and writing entries is bib.py's concern.
"""

from __future__ import annotations

import re
import unicodedata

from .model import BibEntry

KEY_STOPWORDS = frozenset(
    ["a", "an", "the", "on", "of", "in", "for", "with", "to", "and", "via", "from", "by", "at", "towards"]
)
"""Title words skipped when deriving a citation key."""


_LATIN = str.maketrans(
    {
        "ı": "i",
        "ł": "l",
        "Ł": "l",
        "ø": "o",
        "Ø": "o",
        "đ": "d",
        "Đ": "d",
        "ß": "ss",
        "æ": "ae",
        "Æ": "ae",
        "œ": "oe",
        "Œ": "oe",
        "þ": "th",
    }
)
"""Latin letters without a decomposition, spelled in ASCII (`Işık` gives `isik`, not `isk`)."""


def _ascii_word(text: str) -> str:
    text = unicodedata.normalize("NFKD", text.translate(_LATIN)).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]", "", text.lower())


def _significant_words(entry: BibEntry) -> list[str]:
    words = (_ascii_word(w) for w in re.split(r"[\s/:]+", entry.text("title")))
    return [w for w in words if w and w not in KEY_STOPWORDS]


def expected_key(entry: BibEntry) -> str:
    """The citation key the survey's key scheme gives this entry.

    First author's family name, year, first significant title word; lowercase
    ASCII letters and digits only (`mildenhall2020nerf`).
    """
    family = _ascii_word(entry.authors[0].last) if entry.authors else "anonymous"
    words = _significant_words(entry)
    return f"{family}{entry.get('year')}{words[0] if words else ''}"


def allowed_keys(entry: BibEntry) -> list[str]:
    """Every key the scheme accepts: the expected key, then with each further significant title word.

    Two papers whose keys would coincide (same first author, year and first word) are told apart
    by adding the next title words to one of them (`chibane2020implicitfunctions`).
    """
    keys = [expected_key(entry)]
    for word in _significant_words(entry)[1:]:
        keys.append(keys[-1] + word)
    return keys


_WORD = re.compile(r"[A-Za-z0-9]+")


def unprotected_words(title: str) -> list[str]:
    """Words of a raw title whose capitals a bibliography style would lowercase.

    A word needs braces when it has a capital after its first character (`NeRF`,
    `SIREN`, `GANs`) or mixes digits and capitals (`3D`), and no brace group
    already protects it.
    """
    found: list[str] = []
    depth = 0
    index = 0
    while index < len(title):
        char = title[index]
        if char == "\\" and index + 1 < len(title):
            match = re.match(r"\\([A-Za-z]+|.)", title[index:])
            index += len(match.group(0)) if match else 1
            continue
        if char == "{":
            depth += 1
        elif char == "}":
            depth = max(depth - 1, 0)
        elif depth == 0:
            match = _WORD.match(title, index)
            if match:
                word = match.group(0)
                caps_inside = any(c.isupper() for c in word[1:])
                digit_caps = any(c.isdigit() for c in word) and any(c.isupper() for c in word)
                if caps_inside or digit_caps:
                    found.append(word)
                index = match.end()
                continue
        index += 1
    return found
