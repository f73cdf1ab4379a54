"""The editors' side of bench/load.py: imports and edits while readers read, then the check that nothing broke.

    python bench/writer.py write --seconds 60 --folder DIR --edits FILE   # prints a JSON summary
    python bench/writer.py verify [--edits FILE]                          # prints a JSON report

Both run with the site's environment (DATABASE_URL etc.) in a process of their
own, as `manage.py importpages` or an admin's request would.

write: every --interval seconds, writes a new synthetic page file (bench/pages.py,
dated after the seed, so the home page follows the newest edition) and imports
it with articles.importer.import_file, then changes one article's title with
save() in a transaction, as the admin's change form does. It stops at the
deadline or after --max-operations. Every failure is counted by its message.

verify: every page holds what parse_page finds in its text (as many articles,
briefs and photos); every record has its search document; the full-text index
agrees with the documents; each edited article has its last title, in its
search document too.
"""

import argparse
import datetime
import json
import os
import random
import sys
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

# Pages written during the run are dated from here backwards: after the seed (2023-02-11).
WRITER_LAST_DATE = datetime.date(2023, 6, 30)
WRITER_SERIES = 1


def write(args) -> dict:
    import jieba
    from django.db import transaction
    from pages import PageMaker

    from articles.importer import CREATED, PageFacts, import_file
    from articles.models import Article
    from articles.search.index import teach_stored_words

    maker = PageMaker(WRITER_SERIES, WRITER_LAST_DATE)
    folder = Path(args.folder)
    rng = random.Random(0)
    article_ids = list(Article.objects.values_list("pk", flat=True))
    # Loaded once by a long-running process (gunicorn does it in when_ready), not by the first import.
    jieba.initialize()
    teach_stored_words()
    if args.wait:
        print("ready", flush=True)
        sys.stdin.readline()
    edits, failures, imported = {}, Counter(), []
    operations, import_seconds, edit_seconds = 0, [], []
    started = time.monotonic()
    deadline = started + args.seconds
    tick = 0
    while time.monotonic() < deadline and operations < args.max_operations:
        page = maker.page(tick)
        path = folder / page.name
        path.write_text(page.text, encoding="utf-8")
        begin = time.monotonic()
        try:
            facts = PageFacts(paper=page.paper, date=page.date, number=page.number)
            result = import_file(path, facts=facts)
            if result.status == CREATED:
                imported.append(result.page.pk)
                article_ids += list(result.page.articles.values_list("pk", flat=True))
        except Exception as error:  # every failure is counted, none stops the run
            failures[f"import: {type(error).__name__}: {error}"[:160]] += 1
        import_seconds.append(time.monotonic() - begin)
        operations += 1

        pk = rng.choice(article_ids)
        begin = time.monotonic()
        try:
            with transaction.atomic():
                article = Article.objects.get(pk=pk)
                base = article.title.split("（修订")[0]
                article.title = f"{base}（修订{tick}）"
                article.save()
            edits[pk] = article.title
        except Exception as error:
            failures[f"edit: {type(error).__name__}: {error}"[:160]] += 1
        edit_seconds.append(time.monotonic() - begin)
        operations += 1

        tick += 1
        time.sleep(max(0.0, started + tick * args.interval - time.monotonic()))
    if args.edits:
        Path(args.edits).write_text(json.dumps(edits, ensure_ascii=False), encoding="utf-8")
    return {
        "seconds": time.monotonic() - started,
        "imports": len(import_seconds),
        "pages created": len(imported),
        "edits": len(edit_seconds),
        "articles edited": len(edits),
        "import ms p50/max": _p50_max(import_seconds),
        "edit ms p50/max": _p50_max(edit_seconds),
        "failures": dict(failures),
    }


def _p50_max(seconds: list[float]) -> str:
    if not seconds:
        return "-"
    ordered = sorted(seconds)
    return f"{ordered[len(ordered) // 2] * 1000:.0f}/{ordered[-1] * 1000:.0f}"


def verify(args) -> dict:
    from django.db import DatabaseError, connection

    from articles.models import Article, Brief, Page, Photo, SearchDocument
    from articles.parsing import parse_page

    incomplete = []
    pages = Page.objects.all()
    for page in pages.iterator(chunk_size=200):
        parsed = parse_page(page.source_text)
        expected = (len(parsed.articles), len(parsed.briefs), len(parsed.photos))
        stored = (page.articles.count(), page.briefs.count(), page.photos.count())
        if expected != stored:
            incomplete.append(f"page {page.pk} {page}: parsed {expected}, stored {stored}")
    unindexed = sum(model.objects.filter(search_document=None).count() for model in (Article, Brief, Photo))
    records = sum(model.objects.count() for model in (Article, Brief, Photo))
    full_text = "ok"
    try:
        with connection.cursor() as cursor:
            if connection.vendor == "sqlite":
                # Checks the FTS5 index against the documents table it indexes.
                cursor.execute("INSERT INTO articles_search(articles_search, rank) VALUES ('integrity-check', 1)")
            else:
                cursor.execute(
                    "SELECT COUNT(*) FROM articles_searchdocument WHERE vector = ''::tsvector"
                    " AND (title_words || title_grams || body_words || body_grams) <> ''"
                )
                empty = cursor.fetchone()[0]
                full_text = "ok" if not empty else f"{empty} documents without their tsvector"
    except DatabaseError as error:
        full_text = f"error: {error}"
    stale_edits, edits = [], {}
    if args.edits and os.path.exists(args.edits):
        edits = json.loads(Path(args.edits).read_text(encoding="utf-8"))
        found = Article.objects.select_related("search_document").in_bulk([int(pk) for pk in edits])
        for pk, title in edits.items():
            article = found.get(int(pk))
            if article is None or article.title != title or article.search_document.title != title:
                stale_edits.append(pk)
    return {
        "pages": pages.count(),
        "records": records,
        "documents": SearchDocument.objects.count(),
        "incomplete pages": incomplete[:10],
        "incomplete page count": len(incomplete),
        "records without a document": unindexed,
        "full-text index": full_text,
        "edits checked": len(edits),
        "stale edits": stale_edits[:10],
    }


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("action", choices=["write", "verify"])
    parser.add_argument("--seconds", type=float, default=60.0)
    parser.add_argument("--interval", type=float, default=0.5, help="seconds from one import and edit to the next")
    parser.add_argument("--max-operations", type=int, default=1000)
    parser.add_argument("--folder", help="where to write the page files imported")
    parser.add_argument("--edits", help="a JSON file of {article pk: its last title}")
    parser.add_argument("--wait", action="store_true", help='print "ready" when loaded, start on a line of input')
    args = parser.parse_args()
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "digest.settings")
    import django

    django.setup()
    report = write(args) if args.action == "write" else verify(args)
    print(json.dumps(report, ensure_ascii=False))


if __name__ == "__main__":
    main()
