"""Search views: the reader's results page and the JSON API, both over articles.search."""

from django.http import JsonResponse
from django.shortcuts import render

from ..forms import SearchForm
from ..models import ArticleKeyword, SearchDocument
from ..search import MAX_PER_PAGE, search
from ..search.query import parse

SUGGESTED_KEYWORDS = 8


def search_page(request):
    """Hits for ?q= with counts per kind, filters, ordering and pagination.

    Template: search/results.html, which builds its links with {% querystring %}.
    Context: form, results, kinds (value, label, count), suggestions (words to
    try when nothing matched).
    """
    form = SearchForm(request.GET)
    arguments = form.search_arguments()
    query = form.cleaned_data.get("q", "")
    results = search(query, **arguments)
    kinds = [(value, label, results.counts.get(value, 0)) for value, label in SearchDocument.KINDS]
    context = {
        "form": form,
        "query": query,
        "results": results,
        "kinds": kinds,
        "total_all_kinds": sum(results.counts.values()),
        "suggestions": _suggestions(query, arguments) if query and not results.count else [],
    }
    return render(request, "search/results.html", context)


def search_api(request):
    """JSON: {"query", "count", "results": [{"kind", "title", "url", "snippet", "date", "page", "paper"}]}.

    ?q= is any text; kind, page and per_page (at most 100) must be valid, or the
    answer is 400 with {"error": …}.
    """
    form = SearchForm(request.GET)
    kind = request.GET.get("kind", "")
    if kind and kind not in dict(SearchDocument.KINDS):
        return JsonResponse({"error": f"kind must be one of {', '.join(dict(SearchDocument.KINDS))}"}, status=400)
    try:
        page = int(request.GET.get("page") or 1)
        per_page = int(request.GET.get("per_page") or 20)
    except ValueError:
        return JsonResponse({"error": "page and per_page must be whole numbers"}, status=400)
    if page < 1 or not 1 <= per_page <= MAX_PER_PAGE:
        return JsonResponse({"error": f"page must be at least 1 and per_page from 1 to {MAX_PER_PAGE}"}, status=400)
    form.is_valid()
    query = form.cleaned_data.get("q", "")
    results = search(query, kind=kind, page=page, per_page=per_page)
    return JsonResponse(
        {
            "query": query,
            "count": results.count,
            "results": [
                {
                    "kind": hit.kind,
                    "title": hit.plain_title,
                    "url": request.build_absolute_uri(hit.url),
                    "snippet": str(hit.snippet),
                    "date": hit.date.isoformat() if hit.date else None,
                    "page": hit.page,
                    "paper": hit.paper,
                }
                for hit in results.hits
            ],
        },
        json_dumps_params={"ensure_ascii": False},
    )


def _suggestions(query: str, arguments: dict) -> list[str]:
    """Words to try instead: each word of the query that finds something alone,
    else the keywords of the latest articles."""
    parsed = parse(query)
    words = [phrase.text for phrase in parsed.terms] if len(parsed.terms) > 1 else []
    found = [word for word in words if search(word, per_page=1).count]
    if found:
        return found
    latest = ArticleKeyword.objects.order_by("-article__page__edition__date", "-article_id")
    return list(dict.fromkeys(latest.values_list("word", flat=True)[:40]))[:SUGGESTED_KEYWORDS]
