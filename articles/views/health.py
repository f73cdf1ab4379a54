"""/healthz: is the database answering, and is the search index there and current?"""

from django.db import DatabaseError, connection
from django.http import JsonResponse
from django.views.decorators.cache import never_cache

from ..search import search


@never_cache
def healthz(request):
    """200 with {"database": "ok", "search": "ok", ...} when all is well, else 503 saying what is not."""
    report = {}
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
        report["database"] = "ok"
    except DatabaseError as error:
        return JsonResponse({"database": f"error: {error}", "search": "unknown"}, status=503)
    try:
        search("健康检查")  # runs the full-text query path of this database
        with connection.cursor() as cursor:
            # One statement, so one snapshot: an import committing meanwhile cannot skew the counts.
            cursor.execute(
                "SELECT (SELECT COUNT(*) FROM articles_article) + (SELECT COUNT(*) FROM articles_brief)"
                " + (SELECT COUNT(*) FROM articles_photo), (SELECT COUNT(*) FROM articles_searchdocument)"
            )
            records, documents = cursor.fetchone()
        report["records"], report["documents"] = records, documents
        # Every record has its document; fewer means some were never indexed.
        healthy = documents == records
        report["search"] = "ok" if healthy else "stale: run manage.py reindex"
    except DatabaseError as error:
        report["search"], healthy = f"error: {error}", False
    return JsonResponse(report, status=200 if healthy else 503)
