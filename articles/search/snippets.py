"""Snippets and titles with the matched words marked, escaped everywhere else.

Marks are found in the record's own text, so they fall on exactly the printed
characters: "147家" is marked in "集群 147 家" because the page's stray spaces
are allowed between the characters of a query word. Only the window a snippet
shows is converted to simplified characters for marking.
"""

import re

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from .terms import simplified

SNIPPET_LENGTH = 90


def pattern_for(highlights: list[str]) -> re.Pattern | None:
    alternatives = [r"\s*".join(re.escape(char) for char in word) for word in highlights if word]
    return re.compile("|".join(alternatives), re.IGNORECASE) if alternatives else None


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
    return searchable if len(searchable) == len(text) else text.lower()


def _first_match(text: str, pattern: re.Pattern | None) -> int | None:
    """Where the first match starts. Most pages are printed in simplified characters,
    so the lowercase text is tried before converting all of it."""
    if pattern is None:
        return None
    found = pattern.search(text.lower()) or pattern.search(_searchable(text))
    return found.start() if found else None
