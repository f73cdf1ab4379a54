"""A reader's query, understood once and written out for either database.

    电动化 新能源      both words, nearest together first
    "全面电动化"       the exact phrase
    高新区 -昆山       records with 高新区 but not 昆山

Whatever the reader types, only letters, digits and Han characters reach the
database, each inside a quoted phrase: FTS5 and tsquery syntax in a query
("NEAR", "*", "&", "!") is read as plain text, never as an operator.
"""

import re
import unicodedata
from dataclasses import dataclass, field

import jieba

from ..wordlist import keep_current
from .terms import is_han, normalize, run_grams, runs

MAX_QUERY_LENGTH = 100
_PARTS = re.compile(r'(-?)(?:"([^"]*)"?|“([^”]*)”?|(\S+))')


@dataclass(frozen=True)
class Phrase:
    """Consecutive grams; a lone Han character matches any gram it begins."""

    grams: tuple[str, ...]
    text: str  # as normalised, for highlighting

    @property
    def prefix(self) -> bool:
        return len(self.grams) == 1 and len(self.grams[0]) == 1 and is_han(self.grams[0])


@dataclass
class Query:
    text: str  # what the reader typed, capped
    terms: list[Phrase] = field(default_factory=list)  # each term the reader typed, whole
    words: list[Phrase] = field(default_factory=list)  # the words of the terms, all required
    excluded: list[Phrase] = field(default_factory=list)

    def __bool__(self) -> bool:
        return bool(self.words)

    @property
    def highlights(self) -> list[str]:
        return sorted({phrase.text for phrase in self.terms + self.words}, key=len, reverse=True)


def clean(raw: str) -> str:
    """The query without control characters, unpaired surrogates or runs of space, capped."""
    kept = "".join(char for char in raw if unicodedata.category(char) not in ("Cc", "Cs", "Cf"))
    return " ".join(kept.split())[:MAX_QUERY_LENGTH]


def phrase(text: str) -> Phrase | None:
    """The grams of a normalised text, as consecutive: the first and last character
    of a Han run count on their own only where a digit or letter run adjoins them."""
    parts = runs(text)
    grams: list[str] = []
    for i, run in enumerate(parts):
        run_terms = run_grams(run)
        if is_han(run) and len(run) > 1:
            start = 0 if i > 0 else 1
            end = len(run_terms) if i < len(parts) - 1 else len(run_terms) - 1
            run_terms = run_terms[start:end]
        grams.extend(run_terms)
    return Phrase(tuple(grams), "".join(text.split())) if grams else None


def parse(raw: str) -> Query:
    query = Query(text=clean(raw))
    for minus, quoted, quoted_zh, plain in _PARTS.findall(query.text):
        text = normalize(quoted or quoted_zh or plain)
        whole = phrase(text)
        if whole is None:
            continue
        if minus:
            query.excluded.append(whole)
        elif quoted or quoted_zh or len(whole.grams) == 1:
            query.terms.append(whole)
            query.words.append(whole)
        else:
            query.terms.append(whole)
            query.words.extend(word for word in map(phrase, query_words(text)) if word is not None)
    return query


def query_words(text: str) -> list[str]:
    """jieba's words of a typed term, a lone character kept with its neighbour:
    "物超人" is cut "物" "超人", and "物" alone would match nearly everything."""
    keep_current()  # the editors' words as the database holds them now (articles/wordlist.py)
    merged: list[str] = []
    for word in (word for word in jieba.cut(text) if word.strip()):
        if merged and (len(word) == 1 or len(merged[-1]) == 1):
            merged[-1] += word
        else:
            merged.append(word)
    return merged


# Writing a query for each database ---------------------------------------------

GRAM_COLUMNS = "{title_grams body_grams}"
WORD_COLUMNS = "{title_words body_words}"
HEADLINE_COLUMNS = "{title_words title_grams}"
TERM_COLUMNS = "{title_words title_grams body_words body_grams}"


def fts5_phrase(phrase: Phrase) -> str:
    quoted = '"' + " ".join(phrase.grams) + '"' + (" *" if phrase.prefix else "")
    # Only the kind column holds anything but terms, and only Latin words ("news"): a
    # Han term needs no column filter there, and without one FTS5 counts its matches
    # without reading their positions (a third quicker for a common word).
    han = is_han(phrase.text)
    if phrase.grams == (phrase.text,) and not phrase.prefix:
        # "电动", "a330": the one gram is the whole word, the same token in both
        # streams, so one phrase over every column reads its matches once, not twice.
        return quoted if han else f"{TERM_COLUMNS} : {quoted}"
    clause = f"{GRAM_COLUMNS} : {quoted}"
    if runs(phrase.text) == [phrase.text] and not phrase.prefix:
        # A whole-word match scores too, in the columns jieba filled (a Han word of
        # three characters or more can be nowhere else: grams are one or two long).
        word = f'"{phrase.text}"'
        clause = f"({clause} OR {word if han else f'{WORD_COLUMNS} : {word}'})"
    return clause


def fts5(phrases: list[Phrase], operator: str, excluded: list[Phrase]) -> str:
    return fts5_excluding(f" {operator} ".join(fts5_phrase(phrase) for phrase in phrases), excluded)


def fts5_near(phrases: list[Phrase], distance: int, excluded: list[Phrase]) -> str:
    """All phrases within distance terms of each other, in the same column."""
    quoted = " ".join('"' + " ".join(phrase.grams) + '"' + (" *" if phrase.prefix else "") for phrase in phrases)
    return fts5_excluding(f"{GRAM_COLUMNS} : NEAR({quoted}, {distance})", excluded)


def fts5_in_headline(expression: str) -> str:
    """The expression matched within the headline columns alone: FTS5 intersects
    this column filter with those inside the expression."""
    return f"{HEADLINE_COLUMNS} : ({expression})"


def fts5_of_kind(expression: str, kind: str) -> str:
    """Only documents of one kind: the index holds each document's kind as a column."""
    return f'({expression}) AND kind : "{kind}"' if kind else expression


def fts5_excluding(expression: str, excluded: list[Phrase]) -> str:
    if not excluded:
        return expression
    return f"({expression}) NOT ({' OR '.join(fts5_phrase(phrase) for phrase in excluded)})"


def tsquery_phrase(phrase: Phrase) -> str:
    if phrase.prefix:
        return f"'{phrase.grams[0]}':*"
    return "(" + " <-> ".join(f"'{gram}'" for gram in phrase.grams) + ")"


def tsquery(phrases: list[Phrase], operator: str, excluded: list[Phrase]) -> str:
    symbol = {"AND": " & ", "OR": " | "}[operator]
    expression = "(" + symbol.join(tsquery_phrase(phrase) for phrase in phrases) + ")"
    for phrase in excluded:
        expression += f" & !{tsquery_phrase(phrase)}"
    return expression
