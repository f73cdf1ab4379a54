"""How fast search is and how big its index, over a synthetic corpus of N articles.

    python bench/search.py [--sizes 1000,10000,100000] [--database sqlite|postgres]

For each N it makes a throwaway database (a temp file for SQLite, a scratch
database "digest_bench" for PostgreSQL), migrates it and fills it with N
articles of about 600 characters whose words are drawn from jieba's dictionary
by frequency. Then it reports:

- the index build rate: index_records over every article, in batches;
- its ratio to jieba.cut_for_search segmenting the same titles and bodies
  alone, run batch by batch right after indexing them (the first 5,000 by
  default), so that both see the same load;
- the index size;
- the latency of search(), snippets included, over rare, common and multi-word
  queries; then each query is run as the icontains scan that Django gives for
  free, until the scans have taken 120 s.

Past --build-budget seconds (120) the rest of the corpus is indexed untimed, by
worker processes running the same document_for, so that a size of 100,000 fits
in minutes on two cores; the rate is then that of the timed part.

Targets (issue 14; 100,000 articles, SQLite): p50 <= 2 ms and p95 <= 10 ms over
all queries, multi-word p95 <= 10 ms, p95 at least 40x faster than the icontains
scan, the index (documents and FTS5 tables) at most 2.5x the article text, build
at least 60% of jieba's rate; on PostgreSQL p95 <= 20 ms. Exit status 1 when a
size of 100,000 or more misses one. Progress goes to stderr, the
tables to stdout. The machine is noisy: compare ratios from the same run.
"""

import argparse
import contextlib
import cProfile
import datetime
import io
import logging
import multiprocessing
import os
import pstats
import statistics
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

from loopback import POSTGRES_SERVER, postgres_admin
from search_corpus import KINDS, Dictionary, all_words, article_text, article_words, make_queries

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
OUTPUT = ROOT / "var" / "bench"

POSTGRES_NAME = "digest_bench"
ARTICLES_PER_PAGE = 6
PAGES_PER_EDITION = 8
INSERT_BATCH = 2000
TARGET_SIZE = 100_000
TARGET_P50_MS, TARGET_P95_MS, TARGET_SPEEDUP, TARGET_BUILD_RATIO = 2.0, 10.0, 40.0, 0.60
TARGET_MULTI_P95_MS, TARGET_INDEX_RATIO, TARGET_POSTGRES_P95_MS = 10.0, 2.5, 20.0
WARM_UP_QUERIES = 20
PROFILED_QUERIES = 60


def progress(message):
    print(f"[{time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)


def setup_django(database):
    """Django against a placeholder database; each size then points it at a fresh one."""
    # DEBUG off: the debug cursor would time and keep every query.
    os.environ.update(DJANGO_DEBUG="0", DJANGO_SECRET_KEY="bench", DJANGO_ALLOWED_HOSTS="localhost")
    os.environ["DJANGO_SETTINGS_MODULE"] = "digest.settings"
    if database == "sqlite":
        os.environ["DATABASE_URL"] = f"sqlite:///{tempfile.gettempdir()}/digest-bench-placeholder.sqlite3"
    else:
        os.environ["DATABASE_URL"] = f"{POSTGRES_SERVER}/{POSTGRES_NAME}"
    import django

    django.setup()


@contextlib.contextmanager
def fresh_database(database, size, keep=False):
    """A migrated, empty database for one size; kept afterwards (for profiling) if asked."""
    from django.core.management import call_command
    from django.db import connection

    connection.close()
    if database == "sqlite":
        directory = tempfile.mkdtemp(prefix="digest-bench-")
        path = Path(directory) / f"{size}.sqlite3"
        connection.settings_dict["NAME"] = str(path)
    else:
        postgres_admin(f"DROP DATABASE IF EXISTS {POSTGRES_NAME}", f"CREATE DATABASE {POSTGRES_NAME}")
    call_command("migrate", verbosity=0)
    try:
        yield
    finally:
        connection.close()
        if keep:
            progress(f"  kept the database: {connection.settings_dict['NAME']}")
        elif database == "sqlite":
            path.unlink()
            Path(directory).rmdir()
        else:
            postgres_admin(f"DROP DATABASE IF EXISTS {POSTGRES_NAME}")


# The corpus and the index build ----------------------------------------------------


def make_corpus(dictionary, size, seed):
    """Write `size` articles on pages of editions; the count of each word drawn."""
    from articles.models import Article, Edition, Page

    counts = Counter()
    per_edition = ARTICLES_PER_PAGE * PAGES_PER_EDITION
    editions = Edition.objects.bulk_create(
        Edition(paper="基准日报", date=datetime.date(2000, 1, 1) + datetime.timedelta(days=day))
        for day in range(-(-size // per_edition))
    )
    pages = Page.objects.bulk_create(
        Page(edition=edition, number=str(number), number_sort=number, source_text="", checksum=f"{edition.pk}-{number}")
        for edition in editions
        for number in range(1, PAGES_PER_EDITION + 1)
    )
    for start in range(0, size, INSERT_BATCH):
        articles = []
        for number in range(start, min(size, start + INSERT_BATCH)):
            title_words, paragraphs = article_words(dictionary, seed, number)
            counts.update(all_words(title_words, paragraphs))
            title, body = article_text(title_words, paragraphs)
            # body_html and keywords are derived on save (refresh_derived runs jieba's
            # keyword extraction); they are not what is measured, so they stay empty.
            articles.append(
                Article(
                    page=pages[number // ARTICLES_PER_PAGE],
                    position=number % ARTICLES_PER_PAGE,
                    title=title,
                    body=body,
                    body_html="",
                    keywords=[],
                )
            )
        Article.objects.bulk_create(articles)
        progress(f"  corpus: {start + len(articles):,} of {size:,} articles")
    return counts


# The index build -------------------------------------------------------------------


def build_index(size, budget, jieba_sample):
    """Seconds in index_records over every article, in batches of its own size, and
    jieba.cut_for_search alone over the titles and bodies of the first jieba_sample,
    each batch right after its index: {"indexed", "index", "paired", "paired_index", "jieba"}.

    Past the budget the rest is indexed untimed by FILL_WORKERS processes running
    the same document_for, so that queries still see the whole corpus."""
    import jieba

    from articles.models import Article
    from articles.search.index import BATCH, index_records

    jieba.initialize()
    list(jieba.cut_for_search("预热分词器"))
    seconds = Counter()
    last = done = 0
    articles = Article.objects.select_related("page__edition", "column").order_by("pk")
    while batch := list(articles.filter(pk__gt=last)[:BATCH]):
        start = time.perf_counter()
        index_records(batch)
        seconds["index"] += time.perf_counter() - start
        if done < jieba_sample:
            seconds["paired_index"] += time.perf_counter() - start
            seconds["paired"] += len(batch)
            start = time.perf_counter()
            for article in batch:
                list(jieba.cut_for_search(article.title))
                list(jieba.cut_for_search(article.body))
            seconds["jieba"] += time.perf_counter() - start
        last, done = batch[-1].pk, done + len(batch)
        if done % 5000 < BATCH or done == size:
            progress(f"  index: {done:,} of {size:,} articles, {done / seconds['index']:,.0f}/s")
        if seconds["index"] > budget and done < size:
            progress(f"  build budget of {budget:g} s spent: indexing the other {size - done:,} in parallel, untimed")
            fill_in_parallel(last)
            break
    seconds["indexed"] = done
    return seconds


FILL_WORKERS = 2


def fill_in_parallel(last):
    from django.db import connections, transaction

    from articles.models import Article, SearchDocument
    from articles.search import index
    from articles.search.vocabulary import remember_words

    pks = list(Article.objects.filter(pk__gt=last).order_by("pk").values_list("pk", flat=True))
    ranges = [
        (pks[start] - 1, pks[min(start + index.BATCH, len(pks)) - 1]) for start in range(0, len(pks), index.BATCH)
    ]
    connections.close_all()  # each forked worker opens its own
    with multiprocessing.get_context("fork").Pool(FILL_WORKERS) as pool:
        for number, rows in enumerate(pool.imap(_document_rows, ranges), 1):
            with transaction.atomic():
                documents = SearchDocument.objects.bulk_create(SearchDocument(**row) for row in rows)
                index._write_vectors(documents)  # PostgreSQL's tsvector column, as index_records does
                remember_words(documents)  # the vocabulary, as index_records does
            if number % 10 == 0 or number == len(ranges):
                progress(f"  parallel fill: {min(number * index.BATCH, len(pks)):,} of {len(pks):,}")


def _document_rows(pk_range):
    """In a worker: the search document fields of the articles with pk in (low, high]."""
    from articles.models import Article, SearchDocument
    from articles.search.index import document_for

    low, high = pk_range
    articles = Article.objects.select_related("page__edition", "column").filter(pk__gt=low, pk__lte=high)
    fields = [field.attname for field in SearchDocument._meta.concrete_fields if not field.primary_key]
    return [{name: getattr(document, name) for name in fields} for document in map(document_for, articles)]


def article_text_bytes():
    """The UTF-8 bytes of every article's title and body: what the index is measured against."""
    from django.db import connection

    length = "OCTET_LENGTH" if connection.vendor == "postgresql" else "LENGTH(CAST"
    close = "" if connection.vendor == "postgresql" else " AS BLOB)"
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT SUM({length}(title{close}) + {length}(body{close})) FROM articles_article")
        return cursor.fetchone()[0] or 0


def index_bytes(parts):
    """The search index's bytes: the documents and, on SQLite, the FTS5 tables."""
    names = ("documents, all (table, toast, indexes)", "documents table and indexes", "FTS5 shadow tables")
    return sum(size for part, size in parts.items() if part in names)


def index_size():
    """{part: bytes} of the search index, with the articles table for scale."""
    from django.db import connection

    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute(
                "SELECT pg_total_relation_size('articles_searchdocument'),"
                " pg_relation_size('articles_searchdocument_vector'),"
                " pg_total_relation_size('articles_article')"
            )
            total, gin, articles = cursor.fetchone()
            return {
                "documents, all (table, toast, indexes)": total,
                "of which GIN index": gin,
                "articles table": articles,
            }
        cursor.execute("SELECT name, tbl_name FROM sqlite_master WHERE type IN ('table', 'index')")
        owner = dict(cursor.fetchall())
        cursor.execute("SELECT name, SUM(pgsize) FROM dbstat GROUP BY name")
        sizes = dict(cursor.fetchall())
    parts = Counter()
    for name, size in sizes.items():
        if name.startswith("articles_search_"):
            parts["FTS5 shadow tables"] += size
        elif owner.get(name) == "articles_searchdocument":
            parts["documents table and indexes"] += size
        elif owner.get(name) == "articles_article":
            parts["articles table"] += size
    return dict(parts)


# The queries -----------------------------------------------------------------------


def scan(query):
    """What Django gives for free: every word of the query in the body, first 20."""
    from articles.models import Article

    articles = Article.objects.all()
    for word in query.split():
        articles = articles.filter(body__icontains=word)
    return list(articles[:20])


def time_queries(queries, scan_budget):
    """({"search", "with counts" and "scan": {kind: [ms]}}, {query: hits}): every query
    searched, searched again reading its counts per kind, then scanned while the scans
    are within their budget of seconds, after a warm-up of both.

    Searches and scans are timed in two passes, not in turns: a scan reads the whole
    articles table through SQLite's page cache and the CPU's caches, and a search
    timed right after one measured their refilling (about 1.3 ms more per search at
    100,000 articles), which no reader's search pays after another reader's."""
    from articles.search import search

    for _, query in queries[:WARM_UP_QUERIES]:
        search(query)
        scan(query)
    times, hits, scanning = {"search": {}, "scan": {}, "with counts": {}}, {}, 0.0
    for kind, query in queries:
        start = time.perf_counter()
        hits[query] = search(query).count
        times["search"].setdefault(kind, []).append((time.perf_counter() - start) * 1000)
    # The results page reads the hits per kind too, which search() counts only when asked.
    for kind, query in queries:
        start = time.perf_counter()
        hits[query] = sum(search(query).counts.values())
        times["with counts"].setdefault(kind, []).append((time.perf_counter() - start) * 1000)
    for kind, query in queries:
        if scanning >= scan_budget:
            break
        start = time.perf_counter()
        scan(query)
        times["scan"].setdefault(kind, []).append((time.perf_counter() - start) * 1000)
        scanning += time.perf_counter() - start
    return times, hits


def time_suggestions(queries):
    """[ms] of suggestions() (the search box's /api/suggest) for the first one and two
    characters of each query's first word."""
    from articles.search.suggest import suggestions

    prefixes = [query.split()[0][:length] for _, query in queries for length in (1, 2)]
    for prefix in prefixes[:WARM_UP_QUERIES]:
        suggestions(prefix)
    times = []
    for prefix in prefixes:
        start = time.perf_counter()
        suggestions(prefix)
        times.append((time.perf_counter() - start) * 1000)
    return times


def percentile(values, share):
    values = sorted(values)
    return values[min(len(values) - 1, int(share * len(values)))]


def p50_p95(times):
    values = [value for kind_times in times.values() for value in kind_times]
    return percentile(values, 0.50), percentile(values, 0.95)


def profile_search(queries):
    """cProfile's 25 costliest calls, cumulatively, over the first queries (all kinds)."""
    from articles.search import search

    profiler = cProfile.Profile()
    profiler.enable()
    for _, query in queries[:PROFILED_QUERIES]:
        search(query)
    profiler.disable()
    out = io.StringIO()
    pstats.Stats(profiler, stream=out).sort_stats("cumulative").print_stats(25)
    return out.getvalue()


# One size --------------------------------------------------------------------------


def run_size(database, size, dictionary, options):
    from django.db import connection

    figures = {"size": size}
    keep = options.keep and size == max(options.sizes)
    with fresh_database(database, size, keep):
        progress(f"{database}, {size:,} articles: making the corpus")
        counts = make_corpus(dictionary, size, options.seed)
        progress(f"  building the index, and jieba alone over the first {min(size, options.jieba_sample):,}")
        seconds = build_index(size, options.build_budget, options.jieba_sample)
        if database == "postgresql":
            # What autovacuum does in time: without it the GIN index's pending list and
            # the dead rows that index_records' UPDATE of the vector leaves make the
            # planner choose a sequential scan even for a rare word.
            with connection.cursor() as cursor:
                cursor.execute("VACUUM ANALYZE")
        figures["indexed"] = seconds["indexed"]
        figures["build_rate"] = seconds["indexed"] / seconds["index"]
        figures["paired"] = seconds["paired"]
        figures["paired_rate"] = seconds["paired"] / seconds["paired_index"]
        figures["jieba_rate"] = seconds["paired"] / seconds["jieba"]
        figures["build_ratio"] = figures["paired_rate"] / figures["jieba_rate"]
        figures["index_size"] = index_size()
        figures["article_text"] = article_text_bytes()

        queries = make_queries(dictionary, counts, size, options.seed, options.queries)
        progress(f"  {len(queries)} searches, then their icontains scans (within {options.scan_budget:g} s)")
        times, hits = time_queries(queries, options.scan_budget)
        figures["suggest"] = time_suggestions(queries)
        figures["search"], figures["scan"] = times["search"], times["scan"]
        figures["with counts"] = times["with counts"]
        figures["hits"] = {kind: statistics.median(hits[query] for k, query in queries if k == kind) for kind in KINDS}
        figures["no_hits"] = [query for query, count in hits.items() if count == 0]
        if options.profile and size == max(options.sizes):
            progress("  profiling search()")
            figures["profile"] = profile_search(queries)
        if keep:
            save_queries(queries, database, size)
    report(database, figures)
    return figures


def save_queries(queries, database, size):
    """Keep the queries beside the kept database, for profiling, in var/ (which git
    ignores): never in the working directory, where they would be committed."""
    path = OUTPUT / f"{database}-{size}.queries.tsv"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("".join(f"{kind}\t{query}\n" for kind, query in queries), encoding="utf-8")
    progress(f"  kept the queries: {path}")


def report(database, figures):
    size = figures["size"]
    print(f"\n== {database}, {size:,} articles ==")
    print(f"index build  {figures['build_rate']:8,.0f} articles/s over {figures['indexed']:,} articles")
    print(
        f"  first {figures['paired']:,}: index {figures['paired_rate']:,.0f}/s,"
        f" jieba alone {figures['jieba_rate']:,.0f}/s (interleaved by batch): ratio {figures['build_ratio']:.2f}"
    )
    for part, size_bytes in figures["index_size"].items():
        print(f"  {part:<40} {size_bytes / 2**20:9.1f} MiB  {size_bytes / size:8,.0f} B/article")
    text = figures["article_text"]
    ratio = index_bytes(figures["index_size"]) / text
    print(f"  article text (titles and bodies, UTF-8) {text / 2**20:9.1f} MiB; the index is {ratio:.2f}x it")
    if figures["indexed"] < size:
        print(f"  (the other {size - figures['indexed']:,} articles were indexed untimed, in parallel)")
    print("latency in ms; queries = searched/scanned (the scans stop at their time budget)")
    header = f"{'latency ms':<12} {'queries':>8} {'hits p50':>9} {'search p50':>11} {'p95':>8}"
    print(f"{header} {'scan p50':>9} {'p95':>8} {'speedup p95':>12}")
    rows = [*figures["search"], "all"]
    for kind in rows:
        pick = (lambda times: times) if kind == "all" else (lambda times, kind=kind: {kind: times.get(kind, [])})
        search_times, scan_times = pick(figures["search"]), pick(figures["scan"])
        s50, s95 = p50_p95(search_times)
        scanned = sum(map(len, scan_times.values()))
        if scanned:
            c50, c95 = p50_p95(scan_times)
            scan_text = f"{c50:9.2f} {c95:8.2f} {c95 / s95:11.1f}x"
        else:
            scan_text = f"{'-':>9} {'-':>8} {'-':>12}"
        count = sum(map(len, search_times.values()))
        label = f"{count}/{scanned}" if scanned != count else str(count)
        hits = f"{figures['hits'][kind]:9,.0f}" if kind in figures["hits"] else f"{'':9}"
        print(f"{kind:<12} {label:>8} {hits} {s50:11.2f} {s95:8.2f} {scan_text}")
    c50, c95 = p50_p95(figures["with counts"])
    print(f"search() reading its counts per kind too, as the results page does: p50 {c50:.2f} ms, p95 {c95:.2f} ms")
    if figures.get("suggest"):
        print(
            f"suggestions for a prefix of 1-2 characters ({len(figures['suggest'])}): p50"
            f" {percentile(figures['suggest'], 0.5):.2f} ms, p95 {percentile(figures['suggest'], 0.95):.2f} ms"
        )
    if figures["no_hits"]:
        print(f"queries without a hit ({len(figures['no_hits'])}): {' | '.join(figures['no_hits'][:10])}")
    if "profile" in figures:
        print(f"\nsearch() under cProfile, first {PROFILED_QUERIES} queries:\n{figures['profile']}")


def summary(database, results):
    """Each target against the figures of the sizes it applies to; False when one is missed."""
    print(f"\n== targets ({database}; they apply at {TARGET_SIZE:,} articles) ==")
    met = True
    for figures in results:
        s50, s95 = p50_p95(figures["search"])
        c50, c95 = p50_p95(figures["scan"])
        if database == "postgresql":
            checks = [(f"search p95 {s95:.2f} ms <= {TARGET_POSTGRES_P95_MS:g} ms", s95 <= TARGET_POSTGRES_P95_MS)]
        else:
            _, m95 = p50_p95({"multi": figures["search"].get("multi", [])})
            ratio = index_bytes(figures["index_size"]) / figures["article_text"]
            checks = [
                (f"search p50 {s50:.2f} ms <= {TARGET_P50_MS:g} ms", s50 <= TARGET_P50_MS),
                (f"search p95 {s95:.2f} ms <= {TARGET_P95_MS:g} ms", s95 <= TARGET_P95_MS),
                (f"multi-word p95 {m95:.2f} ms <= {TARGET_MULTI_P95_MS:g} ms", m95 <= TARGET_MULTI_P95_MS),
                (f"p95 speedup over icontains {c95 / s95:.1f}x >= {TARGET_SPEEDUP:g}x", c95 / s95 >= TARGET_SPEEDUP),
                (f"index {ratio:.2f}x the article text <= {TARGET_INDEX_RATIO:g}x", ratio <= TARGET_INDEX_RATIO),
                (
                    f"build at {figures['build_ratio']:.0%} of jieba's rate >= {TARGET_BUILD_RATIO:.0%}",
                    figures["build_ratio"] >= TARGET_BUILD_RATIO,
                ),
            ]
        applies = figures["size"] >= TARGET_SIZE
        for text, ok in checks:
            verdict = ("met" if ok else "MISSED") if applies else ("(met)" if ok else "(missed)")
            print(f"{figures['size']:>9,}  {text:<50} {verdict}")
            met = met and (ok or not applies)
    return met


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="1000,10000,100000", help="comma-separated article counts")
    parser.add_argument("--database", choices=("sqlite", "postgres"), default="sqlite")
    parser.add_argument("--queries", type=int, default=240, help="how many queries, a third of each kind")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument(
        "--jieba-sample", type=int, default=5_000, help="articles jieba segments alone (its rate is per article)"
    )
    parser.add_argument(
        "--build-budget", type=float, default=120, help="seconds of timed index build per size; the rest is untimed"
    )
    parser.add_argument("--scan-budget", type=float, default=120, help="seconds of icontains scans per size")
    parser.add_argument("--profile", action="store_true", help="cProfile search() at the largest size")
    parser.add_argument(
        "--keep", action="store_true", help="keep the largest database, and its queries (in var/bench/), for profiling"
    )
    options = parser.parse_args()
    options.sizes = [int(size) for size in options.sizes.split(",")]
    database = "postgresql" if options.database == "postgres" else "sqlite"

    started = time.perf_counter()
    setup_django(database)
    logging.getLogger("jieba").setLevel(logging.WARNING)
    progress("reading jieba's dictionary")
    dictionary = Dictionary()
    results = [run_size(database, size, dictionary, options) for size in options.sizes]
    met = summary(database, results)
    progress(f"done in {time.perf_counter() - started:,.0f} s")
    return 0 if met else 1


if __name__ == "__main__":
    sys.exit(main())
