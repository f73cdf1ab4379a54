"""/healthz: is the database answering, is the search index there and current, and does the page cache work?

It is public (a load balancer asks it), so a failure answers in words fixed
here, and its detail, which can name tables, hosts or users, goes to the log.

A page cache that fails (a full or unwritable folder, a Redis that is down) is a
warning, not a failure: pages are then rendered for every reader, slower but
right, so the server should stay in the load balancer.
"""

import logging

from django.db import DatabaseError, connection
from django.http import JsonResponse
from django.views.decorators.cache import never_cache

from ..pagecache import cache_works
from ..search import search

logger = logging.getLogger(__name__)


@never_cache
def healthz(request):
    """200 with {"database": "ok", "search": "ok", "cache": "ok", ...} when all is well (a failing
    cache only warns), else 503 saying what is not."""
    try:
        _ask_the_database()
    except DatabaseError:
        logger.exception("healthz: the database did not answer")
        return JsonResponse({"database": "error", "search": "unknown"}, status=503)
    report = {"database": "ok"}
    try:
        records, documents = _count_records_and_documents()
    except DatabaseError:
        logger.exception("healthz: the search index did not answer")
        report["search"] = "error"
        return JsonResponse(report, status=503)
    report["records"], report["documents"] = records, documents
    # Every record has its document; fewer means some were never indexed.
    healthy = documents == records
    report["search"] = "ok" if healthy else "stale: run manage.py reindex"
    report["cache"] = "ok" if cache_works() else "warning: the page cache fails, pages are rendered uncached"
    return JsonResponse(report, status=200 if healthy else 503)


def _ask_the_database():
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")


def _count_records_and_documents():
    """Run the full-text query path of this database, then count records and their documents."""
    search("健康检查")
    with connection.cursor() as cursor:
        # One statement, so one snapshot: an import committing meanwhile cannot skew the counts.
        cursor.execute(
            "SELECT (SELECT COUNT(*) FROM articles_article) + (SELECT COUNT(*) FROM articles_brief)"
            " + (SELECT COUNT(*) FROM articles_photo), (SELECT COUNT(*) FROM articles_searchdocument)"
        )
        return cursor.fetchone()
