"""PostgreSQL tsquery text, written from a parsed query (query.py).

Terms hold only letters and digits (terms.py), so each is a quoted lexeme and
nothing the reader typed is read as tsquery syntax.
"""

from .query import Condition, Phrase


def phrase(phrase: Phrase) -> str:
    if phrase.prefix:
        return f"'{phrase.grams[0]}':*"
    return "(" + " <-> ".join(f"'{gram}'" for gram in phrase.grams) + ")"


def condition(groups: Condition, excluded: list[Phrase]) -> str:
    """Every group, each holding when any of its alternatives does."""
    expression = "(" + " & ".join(_group(group) for group in groups) + ")"
    for one in excluded:
        expression += f" & !{phrase(one)}"
    return expression


def _group(alternatives: list[list[Phrase]]) -> str:
    return "(" + " | ".join("(" + " & ".join(map(phrase, phrases)) + ")" for phrases in alternatives) + ")"
