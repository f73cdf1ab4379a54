"""Snippets and titles with the matched words marked, escaped everywhere else.

Marks are found in the record's own text, so they fall on exactly the printed
characters: "147家" is marked in "集群 147 家" because the page's stray spaces
are allowed between the characters of a query word. Only the window a snippet
shows is converted to simplified characters for marking.
"""

import re

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from .terms import is_han, runs, simplified

SNIPPET_LENGTH = 90


# Between a Han run and a digit or Latin run of a query word the page may print
# punctuation or spaces that the index skips: "沧溟2" is printed "沧溟-2", "澜海6号"
# "澜海6”号". A few such characters are allowed there, as the index allows any.
_BETWEEN_RUNS = r"\W{0,3}"
# A number is marked whole: "12" in "12个" and "第12届", not in "112", "2012", "12.6"
# or "1.12"; a Latin word likewise ("gdp" not inside another word).
_NOT_AFTER = r"(?<![0-9a-z])(?<![0-9][.．])"
_NOT_BEFORE = r"(?![0-9a-z])(?![.．][0-9])"


def pattern_for(highlights: list[str]) -> re.Pattern | None:
    alternatives = [_word_pattern(word) for word in highlights if runs(word)]
    return re.compile("|".join(alternatives), re.IGNORECASE) if alternatives else None


def _word_pattern(word: str) -> str:
    pieces = [r"\s*".join(map(re.escape, run)) for run in runs(word)]
    pattern = _BETWEEN_RUNS.join(pieces)
    if not is_han(word[0]):
        pattern = _NOT_AFTER + pattern
    if not is_han(word[-1]):
        pattern += _NOT_BEFORE
    return pattern


def matches(text: str, pattern: re.Pattern | None) -> bool:
    """Whether the query marks anything in text."""
    return bool(pattern and pattern.search(_searchable(text)))


def marked(text: str, pattern: re.Pattern | None, length: int | None = None) -> SafeString:
    """text, or a window of it around the first match, as HTML with the matches in <mark>."""
    prefix = suffix = ""
    if length and len(text) > length:
        first = _first_match(text, pattern)
        start = max(0, (first if first is not None else 0) - length // 3)
        end = min(len(text), start + length)
        prefix, suffix = ("…" if start else ""), ("…" if end < len(text) else "")
        text = text[start:end]
    pieces, last = [], 0
    for match in pattern.finditer(_searchable(text)) if pattern else ():
        if match.end() > match.start():
            pieces += [escape(text[last : match.start()]), f"<mark>{escape(text[match.start() : match.end()])}</mark>"]
            last = match.end()
    pieces.append(escape(text[last:]))
    return mark_safe(prefix + "".join(pieces) + suffix)


def _searchable(text: str) -> str:
    """The text as queries are written, simplified and lowercase, where the conversion
    keeps every position (so that a traditional query marks simplified text too)."""
    searchable = simplified(text)
    if len(searchable) != len(text):
        searchable = text.lower()
    # Full-width letters and digits ("ＧＤＰ", "１２") as queries are normalised (NFKC),
    # one for one; a table in C, as a character-by-character pass cost more than the search.
    return searchable.translate(_NARROW).lower()


# NFKC maps the full-width forms U+FF01-U+FF5E onto ASCII, each to one character.
_NARROW = {code: code - 0xFEE0 for code in range(0xFF01, 0xFF5F)}


def _first_match(text: str, pattern: re.Pattern | None) -> int | None:
    """Where the first match starts. Most pages are printed in simplified characters,
    so the lowercase text is tried before converting all of it."""
    if pattern is None:
        return None
    found = pattern.search(text.lower()) or pattern.search(_searchable(text))
    return found.start() if found else None
