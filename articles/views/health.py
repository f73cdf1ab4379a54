"""/healthz: is the database answering, and is the search index there and current?"""

from django.db import DatabaseError, connection
from django.http import JsonResponse
from django.views.decorators.cache import never_cache

from ..models import Article, Brief, Photo, SearchDocument
from ..search import search


@never_cache
def healthz(request):
    """200 with {"database": "ok", "search": "ok", ...} when all is well, else 503 saying what is not."""
    report, healthy = {}, True
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
        report["database"] = "ok"
    except DatabaseError as error:
        return JsonResponse({"database": f"error: {error}", "search": "unknown"}, status=503)
    try:
        search("健康检查")  # runs the full-text query path of this database
        records = Article.objects.count() + Brief.objects.count() + Photo.objects.count()
        documents = SearchDocument.objects.count()
        report["records"], report["documents"] = records, documents
        # Every record has its document; fewer means some were never indexed.
        report["search"] = "ok" if documents == records else "stale: run manage.py reindex"
        healthy = documents == records
    except DatabaseError as error:
        report["search"], healthy = f"error: {error}", False
    return JsonResponse(report, status=200 if healthy else 503)
