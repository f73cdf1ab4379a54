"""A reader's query, understood once: what must match, what may, and what must not.

    火星 基地           both terms must match (a record with only one is a partial match)
    电动化 OR 潜水器     either term
    "全面电动化"        the exact phrase
    高新区 -昆山        records with 高新区 but not 昆山
    枫城的老字号        枫城 and 老字号 must match; 的 may (a record holding it ranks higher)

Whatever the reader types, only letters, digits and Han characters reach the
database, each inside a quoted phrase (fts5.py and tsquery.py write them):
FTS5 and tsquery syntax in a query ("NEAR", "*", "&", "!") is read as plain
text, never as an operator. The one operator is OR, in capitals, between terms.
"""

import re
import unicodedata
from collections.abc import Collection
from dataclasses import dataclass, field

import jieba

from ..wordlist import keep_current
from .terms import is_han, normalize, run_grams, runs

MAX_QUERY_LENGTH = 100
_PARTS = re.compile(r'(-?)(?:"([^"]*)"?|“([^”]*)”?|(\S+))')
OR = "OR"


@dataclass(frozen=True)
class Phrase:
    """Consecutive grams; a lone Han character matches any gram it begins."""

    grams: tuple[str, ...]
    text: str  # as normalised, for highlighting

    @property
    def prefix(self) -> bool:
        return len(self.grams) == 1 and len(self.grams[0]) == 1 and is_han(self.grams[0])


@dataclass(frozen=True)
class Term:
    """One term as the reader typed it, and the words it must match."""

    typed: Phrase  # the term whole, as typed
    words: tuple[Phrase, ...]  # its words, function words kept with their neighbours
    needed: tuple[Phrase, ...]  # its words without the function words: what must match

    @property
    def optional(self) -> bool:
        """A function word typed alone ("枫城 的 老字号"): it need not match."""
        return not self.needed


# A condition in conjunctive form: every group must hold, a group holds when one of
# its alternatives does, and an alternative when all of its phrases match.
Condition = list[list[list[Phrase]]]


@dataclass
class Query:
    text: str  # what the reader typed, capped
    groups: list[list[Term]] = field(default_factory=list)  # every group must match, any one term of a group
    excluded: list[Phrase] = field(default_factory=list)

    def __bool__(self) -> bool:
        return bool(self.groups)

    @property
    def terms(self) -> list[Term]:
        return [term for group in self.groups for term in group]

    @property
    def required(self) -> list[list[Term]]:
        """The groups that must match: all but those of function words alone, unless
        the query holds nothing else ("的": then it is what the reader looks for)."""
        needed = [group for group in self.groups if not all(term.optional for term in group)]
        return needed or self.groups

    @property
    def alternatives(self) -> bool:
        return any(len(group) > 1 for group in self.groups)

    def typed(self) -> Condition:
        """Every term as typed, function words included."""
        return [[[term.typed] for term in group] for group in self.groups]

    def words(self) -> Condition:
        """Every word of every term, function words included."""
        return [[list(term.words) for term in group] for group in self.groups]

    def needed(self) -> Condition:
        """What a hit must hold: every word but the function words."""
        return [[list(term.needed or term.words) for term in group] for group in self.required]

    @property
    def highlights(self) -> list[str]:
        texts = {phrase.text for term in self.terms for phrase in (term.typed, *term.words, *term.needed)}
        return sorted(texts, key=len, reverse=True)

    def group_text(self, group: list[Term]) -> str:
        return f" {OR} ".join(term.typed.text for term in group)


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


def parse(raw: str, function_words: Collection[str] = ()) -> Query:
    """The query; function_words (functionwords.py) are the words a hit need not hold."""
    query = Query(text=clean(raw))
    joined = False  # the last part was OR: the next term joins the last group
    for minus, quoted, quoted_zh, plain in _PARTS.findall(query.text):
        if plain == OR and not minus:
            joined = bool(query.groups)
            continue
        text = normalize(quoted or quoted_zh or plain)
        whole = phrase(text)
        if whole is None:
            continue
        if minus:
            query.excluded.append(whole)
            continue
        if quoted or quoted_zh or len(whole.grams) == 1:
            # A phrase is wanted whole, function words and all.
            needed = () if text in function_words else (whole,)
            term = Term(whole, (whole,), needed)
        else:
            term = Term(whole, _phrases(query_words(text)), _phrases(query_words(text, function_words)))
        if joined:
            query.groups[-1].append(term)
        else:
            query.groups.append([term])
        joined = False
    return query


def _phrases(texts: list[str]) -> tuple[Phrase, ...]:
    return tuple(word for word in map(phrase, texts) if word is not None)


def query_words(text: str, function_words: Collection[str] = ()) -> list[str]:
    """jieba's words of a typed term, a lone character kept with its neighbour:
    "物超人" is cut "物" "超人", and "物" alone would match nearly everything.

    Function words given are then taken off the ends of a word where two
    characters or more are left: "枫城的老字号" is cut "枫城" "的" "老字号", joined
    "枫城的" "老字号", and needs "枫城" "老字号"; "工业和信" is joined whole, and a
    function word inside it stays, as "工业信" is no word of the page."""
    keep_current()  # the editors' words as the database holds them now (articles/wordlist.py)
    merged: list[list[str]] = []
    for word in (word for word in jieba.cut(text) if word.strip()):
        if merged and (len(word) == 1 or len("".join(merged[-1])) == 1):
            merged[-1].append(word)
        else:
            merged.append([word])
    if not function_words:
        return ["".join(tokens) for tokens in merged]
    kept = [_trimmed(tokens, function_words) for tokens in merged]
    return [word for word in kept if word] or ["".join(tokens) for tokens in merged]


def _trimmed(tokens: list[str], function_words: Collection[str]) -> str:
    """The word of these tokens without function words at its ends, if two characters or
    more are left; "" if it is all function words."""
    if all(token in function_words for token in tokens):
        return ""
    start, end = 0, len(tokens)
    while tokens[start] in function_words and len("".join(tokens[start + 1 : end])) >= 2:
        start += 1
    while tokens[end - 1] in function_words and len("".join(tokens[start : end - 1])) >= 2:
        end -= 1
    return "".join(tokens[start:end])
