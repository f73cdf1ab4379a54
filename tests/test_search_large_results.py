"""The order of large result sets (articles/search/plan.py, for both backends): per
tier, the headline matches, then the other matches, each newest first; on SQLite,
counts from the index alone. The fixture pages are small, so LARGE is lowered to
reach it. Tests of what only SQLite does say so."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from articles.models import SearchDocument
from articles.search import plan, search, shared, sqlite

# The corpus is imported outside the tests' transactions; this mark makes sure
# a database is set up when only this module runs.
pytestmark = pytest.mark.django_db
sqlite_only = pytest.mark.skipif(connection.vendor != "sqlite", reason="SQLite's FTS5 index only")

WORD = "发展"  # in several headlines and many more bodies of the fixture pages


@pytest.fixture
def large(monkeypatch):
    """Every result set counts as large (and on SQLite is counted from the index alone)."""
    monkeypatch.setattr(plan, "LARGE", 0)
    monkeypatch.setattr(sqlite, "FEW", 0)


def document_ids(hits):
    """The search document of each hit, by its record."""
    ids = []
    for hit in hits:
        field = {"article": "article_id", "photo": "photo_id"}.get(hit.kind, "brief_id")
        ids.append(SearchDocument.objects.get(**{field: hit.record_id}).pk)
    return ids


def in_headline(document_id, word):
    document = SearchDocument.objects.get(pk=document_id)
    return word in document.title_words.replace(" ", "") or word in document.title_grams.replace(" ", "")


def test_headline_matches_come_first_then_the_newest(corpus, large):
    ids = document_ids(search(WORD, per_page=100).hits)
    headline = [in_headline(pk, WORD) for pk in ids]
    assert any(headline) and not all(headline)
    first_other = headline.index(False)
    assert not any(headline[first_other:])
    for part in (ids[:first_other], ids[first_other:]):
        assert part == sorted(part, reverse=True)


def test_the_count_is_the_same_as_when_ranked_whole(corpus, monkeypatch):
    whole = search(WORD, per_page=100)
    monkeypatch.setattr(plan, "LARGE", 0)
    large = search(WORD, per_page=100)
    assert large.counts == whole.counts
    assert sorted(hit.url for hit in large.hits) == sorted(hit.url for hit in whole.hits)


@pytest.mark.parametrize("query", [WORD, "科技 发展", "高新区 -昆山", '"产业集群"'])
def test_pages_hold_every_hit_once(corpus, large, query):
    everything = search(query, per_page=100)
    assert everything.count <= 100
    paged = [hit.url for page in range(1, 30) for hit in search(query, per_page=3, page=page).hits]
    assert paged == [hit.url for hit in everything.hits]


def test_an_exclusion_holds_in_every_part(corpus, large):
    with_word = {hit.url for hit in search("高新区", per_page=100).hits}
    without = {hit.url for hit in search("高新区 -昆山", per_page=100).hits}
    assert without < with_word
    assert all("昆山" not in hit.plain_title for hit in search("高新区 -昆山", per_page=100).hits)


def test_the_kind_filter_keeps_to_its_kind(corpus, large):
    results = search(WORD, kind="news", per_page=100)
    assert results.hits and {hit.kind for hit in results.hits} == {"news"}
    assert results.count == len(results.hits) == results.counts["news"]


@sqlite_only
def test_counting_from_the_index_agrees_with_counting_documents(corpus, monkeypatch):
    queries = [WORD, "科技 发展", "高新区 -昆山", "电动化", "邬思辰", '"全面电动化"', "物超人", "习近平"]
    few = [search(query).counts for query in queries]
    monkeypatch.setattr(sqlite, "FEW", 0)
    from_index = [search(query).counts for query in queries]
    # Any filter beyond the kind counts by joining the documents table.
    monkeypatch.setattr(shared.Filters, "beyond_kind", property(lambda self: True))
    assert [search(query).counts for query in queries] == from_index == few
    assert any(len(counts) > 1 for counts in few)


@sqlite_only
def test_the_index_merges_its_segments_eight_at_a_time(db):
    # Fewer merges while indexing (migration 0005); FTS5 keeps the setting in its config table.
    with connection.cursor() as cursor:
        cursor.execute("SELECT v FROM articles_search_config WHERE k = 'automerge'")
        assert cursor.fetchone() == (8,)


@sqlite_only
def test_counts_per_kind_are_counted_only_when_asked_for(corpus, large):
    with CaptureQueriesContext(connection) as searching:
        results = search(WORD, kind="news")
    with CaptureQueriesContext(connection) as counting:
        counts = results.counts
    # Searching counts the news alone; asking for every kind counts them all at once.
    assert not any(query["sql"].count("COUNT(") > 1 for query in searching)
    assert [query["sql"].count("COUNT(") for query in counting] == [1 + len(sqlite.MINOR_KINDS)]
    assert results.count == counts["news"] == len(results.hits)
    assert sum(counts.values()) == search(WORD).count
