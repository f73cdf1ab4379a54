"""您是不是要找: a query that found nothing, corrected from the words of the index.

"澜洲港" finds nothing; 澜洲 is a homophone of 澜州, a word of the index, and
"澜州港" finds records: that is suggested. Only a correction that finds something
is offered.
"""

from .functionwords import function_words
from .query import parse
from .vocabulary import resembling

# Corrections tried, at most, before giving up: each costs a search.
MAX_TRIED = 12


def correction(text: str) -> str | None:
    """The query with one word replaced by a word of the index it resembles, if that
    finds something; else None."""
    from . import search

    parsed = parse(text, function_words())
    tried = 0
    for term in parsed.terms:
        for word in term.needed or term.words:
            if search(word.text, per_page=1).count:
                continue
            for other in resembling(word.text):
                corrected = parsed.text.replace(word.text, other, 1)
                if corrected == parsed.text:
                    continue
                tried += 1
                results = search(corrected, per_page=1)
                if results.count and not results.partial:
                    return corrected
                if tried >= MAX_TRIED:
                    return None
    return None
