"""Search by Chinese keyword: one public function, ``search``.

A query is understood once (query.py), run against the full-text index of the
database in use (backends.py: sqlite.py or postgres.py, on plan.py's tiers), and
its hits come back with the matched words marked (snippets.py).
"""

import datetime
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cached_property

from django.urls import reverse
from django.utils.safestring import SafeString

from ..models import Article, Brief, Photo, SearchDocument, edition_segment, page_segment
from . import backends
from .functionwords import function_words
from .index import teach_stored_words
from .query import Query, Term, parse, phrase
from .shared import Filters, hit_rows
from .snippets import SNIPPET_LENGTH, marked, matches, pattern_for
from .vocabulary import is_pinyin, spelled

KIND_LABELS = dict(SearchDocument.KINDS)
MAX_PER_PAGE = 100
URL_NAMES = {
    SearchDocument.ARTICLE: Article.url_name,
    SearchDocument.NEWS: Brief.url_name,
    SearchDocument.TEASER: Brief.url_name,
    SearchDocument.PHOTO: Photo.url_name,
}
# The fields besides its title and text that a hit may have matched, in the order
# they are named: a reader sees why a hit whose snippet lacks the words was found.
MATCHED_FIELDS = [("byline", "署名"), ("kicker", "引题"), ("subtitle", "副题"), ("column", "栏目")]


@dataclass
class MatchedField:
    label: str  # 署名, 引题, 副题, 栏目
    text: SafeString  # the field, its matched words marked


@dataclass
class Hit:
    kind: str
    plain_title: str
    title: SafeString
    snippet: SafeString
    url: str
    date: datetime.date | None
    page: str
    record_id: int
    paper: str
    fields: list[MatchedField] = field(default_factory=list)  # other fields the query matched
    missing: list[str] = field(default_factory=list)  # in a partial result: the terms it lacks

    @property
    def kind_label(self) -> str:
        return KIND_LABELS[self.kind]


@dataclass
class Results:
    query: Query
    hits: list[Hit] = field(default_factory=list)
    count: int = 0  # hits after every filter
    page: int = 1
    per_page: int = 20
    # No record holds every term: these hits hold most of them (each says what it lacks).
    partial: bool = False
    # Hits per kind, before the kind filter: counted when first asked for (the results
    # page shows them; the API and the suggestions do not), unless they came with the count.
    count_kinds: Callable[[], dict[str, int]] = field(default=dict, repr=False)

    @cached_property
    def counts(self) -> dict[str, int]:
        return self.count_kinds()

    @property
    def pages(self) -> int:
        return max(1, -(-self.count // self.per_page))


def search(
    text: str,
    *,
    kind: str = "",
    order: str = "relevance",
    page: int = 1,
    per_page: int = 20,
    **filters: datetime.date | int | str | None,
) -> Results:
    """Ranked hits for a query typed by a reader, with the matched words marked.

    filters are those of shared.FILTER_CLAUSES: date_from, date_to, column (a
    Column or its id), page_number."""
    teach_stored_words()
    parsed = parse(text, function_words())
    per_page = max(1, min(per_page, MAX_PER_PAGE))
    page = max(1, page)
    results = Results(parsed, page=page, per_page=per_page)
    chosen = Filters(kind, filters)
    if not parsed:
        return results
    parsed = _read_pinyin(parsed)
    results.query = parsed
    found = backends.run(parsed, chosen, order, per_page, (page - 1) * per_page)
    results.count, results.count_kinds, results.partial = found.count, found.count_kinds, found.partial
    # What a hit shows and links to is all kept on its document: no record is loaded.
    rows = hit_rows(found.ids)
    pattern = pattern_for(parsed.highlights)
    missing = found.missing or {}
    results.hits = [_hit(rows[pk], pattern, missing.get(pk, [])) for pk in found.ids if pk in rows]
    return results


def _read_pinyin(parsed: Query) -> Query:
    """A term in pinyin that finds nothing as typed ("lanzhou", "lz") also finds the
    Han words of the index it spells (澜州): they become its alternatives."""
    groups = []
    for group in parsed.groups:
        alternatives = []
        for term in group:
            alternatives.append(term)
            if is_pinyin(term.typed.text) and not _finds(term):
                alternatives += [Term(word, (word,), (word,)) for word in map(phrase, spelled(term.typed.text)) if word]
        groups.append(alternatives)
    return Query(parsed.text, groups, parsed.excluded)


def _finds(term: Term) -> bool:
    count, _ = backends.current().count(Query(term.typed.text, [[term]]), Filters())
    return bool(count)


def _hit(row: dict, pattern, missing: list[str]) -> Hit:
    record_id = row["article_id"] or row["brief_id"] or row["photo_id"]
    segments = [
        row["paper_slug"],
        edition_segment(row["date"], row["edition_id"]),
        page_segment(row["page_number"], row["page_id"]),
    ]
    return Hit(
        kind=row["kind"],
        plain_title=row["title"],
        title=marked(row["title"], pattern),
        snippet=marked(row["text"], pattern, SNIPPET_LENGTH),
        url=reverse(URL_NAMES[row["kind"]], args=[*segments, record_id]),
        date=row["date"],
        page=row["page_number"],
        record_id=record_id,
        paper=row["paper_name"],
        fields=[
            MatchedField(label, marked(row[name], pattern))
            for name, label in MATCHED_FIELDS
            if row[name] and matches(row[name], pattern)
        ],
        missing=missing,
    )
