"""PostgreSQL tsquery text, written from a parsed query (query.py).

Terms hold only letters and digits (terms.py), so each is a quoted lexeme and
nothing the reader typed is read as tsquery syntax.
"""

from .query import Condition, Phrase

# The gram streams' weights (vectors.py): the headline's and the body's.
GRAM_WEIGHTS = "AC"


def phrase(one: Phrase, weights: str = "") -> str:
    """The phrase's grams in a row; with weights, only among the terms of those weights."""
    if one.prefix:
        return f"'{one.grams[0]}':*{weights}"
    marked = f":{weights}" if weights else ""
    return "(" + " <-> ".join(f"'{gram}'{marked}" for gram in one.grams) + ")"


def condition(groups: Condition, excluded: list[Phrase]) -> str:
    """Every group, each holding when any of its alternatives does."""
    return excluding("(" + " & ".join(_group(group) for group in groups) + ")", excluded)


def excluding(expression: str, excluded: list[Phrase]) -> str:
    for one in excluded:
        expression += f" & !{phrase(one)}"
    return expression


def near(phrases: list[Phrase], distance: int, excluded: list[Phrase]) -> str:
    """Every two phrases within distance terms of each other, either way round: FTS5's
    NEAR(…, distance) counts the terms between the end of one phrase and the start of
    the next, and "a <N> b" asks for b to start N terms after a ends, so N runs from 1
    (adjacent) to distance + 1. Only the gram streams count, as FTS5's NEAR reads
    only the gram columns. (For three phrases or more FTS5 asks for one window
    holding them all; here every two must be within the distance.)"""
    pairs = []
    for i, first in enumerate(phrases):
        for second in phrases[i + 1 :]:
            apart = [
                f"{phrase(one, GRAM_WEIGHTS)} <{gap}> {phrase(other, GRAM_WEIGHTS)}"
                for gap in range(1, distance + 2)
                for one, other in ((first, second), (second, first))
            ]
            pairs.append("(" + " | ".join(apart) + ")")
    return excluding("(" + " & ".join(pairs) + ")", excluded)


def _group(alternatives: list[list[Phrase]]) -> str:
    return "(" + " | ".join("(" + " & ".join(map(phrase, phrases)) + ")" for phrases in alternatives) + ")"
