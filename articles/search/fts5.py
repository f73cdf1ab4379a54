"""SQLite FTS5 expressions, written from a parsed query (query.py).

Every phrase is quoted: nothing the reader typed is read as FTS5 syntax.
"""

from .query import Condition, Phrase
from .terms import is_han, runs

GRAM_COLUMNS = "{title_grams body_grams}"
WORD_COLUMNS = "{title_words body_words}"
HEADLINE_COLUMNS = "{title_words title_grams}"
TERM_COLUMNS = "{title_words title_grams body_words body_grams}"


def _quoted(phrase: Phrase) -> str:
    return '"' + " ".join(phrase.grams) + '"' + (" *" if phrase.prefix else "")


def phrase(one: Phrase) -> str:
    quoted = _quoted(one)
    # Only the kind column holds anything but terms, and only Latin words ("news"): a
    # Han term needs no column filter there, and without one FTS5 counts its matches
    # without reading their positions (a third quicker for a common word).
    han = is_han(one.text)
    if one.grams == (one.text,) and not one.prefix:
        # "电动", "a330": the one gram is the whole word, the same token in both
        # streams, so one phrase over every column reads its matches once, not twice.
        return quoted if han else f"{TERM_COLUMNS} : {quoted}"
    clause = f"{GRAM_COLUMNS} : {quoted}"
    if runs(one.text) == [one.text] and not one.prefix:
        # A whole-word match scores too, in the columns jieba filled (a Han word of
        # three characters or more can be nowhere else: grams are one or two long).
        word = f'"{one.text}"'
        clause = f"({clause} OR {word if han else f'{WORD_COLUMNS} : {word}'})"
    return clause


def condition(groups: Condition, excluded: list[Phrase]) -> str:
    """Every group, each holding when any of its alternatives does."""
    return excluding(" AND ".join(_group(group) for group in groups), excluded)


def _group(alternatives: list[list[Phrase]]) -> str:
    written = [" AND ".join(map(phrase, phrases)) for phrases in alternatives]
    return written[0] if len(written) == 1 else "(" + " OR ".join(f"({one})" for one in written) + ")"


def near(phrases: list[Phrase], distance: int, excluded: list[Phrase]) -> str:
    """All phrases within distance terms of each other, in the same column."""
    quoted = " ".join(map(_quoted, phrases))
    return excluding(f"{GRAM_COLUMNS} : NEAR({quoted}, {distance})", excluded)


def in_headline(expression: str) -> str:
    """The expression matched within the headline columns alone: FTS5 intersects
    this column filter with those inside the expression."""
    return f"{HEADLINE_COLUMNS} : ({expression})"


def of_kind(expression: str, kind: str) -> str:
    """Only documents of one kind: the index holds each document's kind as a column."""
    return f'({expression}) AND kind : "{kind}"' if kind else expression


def excluding(expression: str, excluded: list[Phrase]) -> str:
    if not excluded:
        return expression
    return f"({expression}) NOT ({' OR '.join(map(phrase, excluded))})"


def without(expression: str, others: list[str]) -> str:
    return f"({expression}) NOT ({' OR '.join(others)})" if others else expression
