"""Search views: the reader's results page and the JSON API, both over articles.search."""

from django.http import JsonResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import urlencode

from ..forms import SearchApiForm, SearchForm
from ..models import SearchDocument
from ..search import search
from ..search.correction import correction
from ..search.functionwords import function_words
from ..search.query import parse
from ..search.suggest import suggestions

SUGGESTED_WORDS = 8


def search_page(request):
    """Hits for ?q= with counts per kind, filters, ordering and pagination.

    Template: search/results.html, which builds its links with {% querystring %}.
    Context: form, results, kinds (value, label, count), suggestions (words to
    try when nothing matched), correction (您是不是要找: the query with a likely
    typo corrected, when nothing or only part matched), dates_swapped. A page past the last redirects to
    the last.
    """
    form = SearchForm(request.GET)
    arguments = form.search_arguments()
    query = form.cleaned_data.get("q", "")
    results = search(query, **arguments)
    if results.count and results.page > results.pages:
        return redirect(_with_page(request, results.pages))
    kinds = [(value, label, results.counts.get(value, 0)) for value, label in SearchDocument.KINDS]
    context = {
        "form": form,
        "query": query,
        "results": results,
        "kinds": kinds,
        "total_all_kinds": sum(results.counts.values()),
        "dates_swapped": form.dates_swapped,
        "suggestions": _suggestions(query) if query and not results.count else [],
        "correction": correction(query) if query and (not results.count or results.partial) else None,
    }
    return render(request, "search/results.html", context)


def _with_page(request, page: int) -> str:
    """This request's URL with another page number."""
    query = request.GET.copy()
    query["page"] = str(page)
    return f"{request.path}?{query.urlencode()}"


def search_api(request):
    """JSON: the schema is in the README (搜索接口 /api/search). Every parameter the
    results page takes, and per_page (at most 100); any invalid one answers 400
    with {"error": …} in Chinese."""
    form = SearchApiForm(request.GET)
    if not form.is_valid():
        return _json({"error": form.error_text()}, status=400)
    query = form.cleaned_data.get("q", "")
    results = search(query, **form.search_arguments())
    return _json(
        {
            "query": query,
            "count": results.count,
            "page": results.page,
            "pages": results.pages,
            "per_page": results.per_page,
            "partial": results.partial,
            "dates_swapped": form.dates_swapped,
            "results": [
                {
                    "kind": hit.kind,
                    "title": hit.plain_title,
                    "url": request.build_absolute_uri(hit.url),
                    "snippet": str(hit.snippet),
                    "date": hit.date.isoformat() if hit.date else None,
                    "page": hit.page,
                    "paper": hit.paper,
                    "fields": [{"label": found.label, "text": str(found.text)} for found in hit.fields],
                    "missing": hit.missing,
                }
                for hit in results.hits
            ],
        }
    )


def suggest_api(request):
    """JSON: {"query": …, "suggestions": [{"text", "kind" ("title" or "word"), "url"}]},
    at most 10, for what is typed so far (?q=, Han or pinyin). The search box's
    script (static/js/search-suggest.js) shows them; without it the box is a plain form."""
    typed = request.GET.get("q", "")
    found = suggestions(typed)
    search_url = reverse("search")
    return _json(
        {
            "query": typed,
            "suggestions": [
                {"text": one.text, "kind": one.kind, "url": f"{search_url}?{urlencode({'q': one.text})}"}
                for one in found
            ],
        }
    )


def _json(body: dict, status: int = 200) -> JsonResponse:
    """UTF-8 JSON with its Chinese readable, not \\u escapes."""
    return JsonResponse(
        body, status=status, json_dumps_params={"ensure_ascii": False}, content_type="application/json; charset=utf-8"
    )


def _suggestions(query: str) -> list[str]:
    """Words to try instead, all drawn from the query: each of its terms, and each
    word of them, that finds something alone ("火星基地" -> 基地). Nothing when none
    does: a word the reader did not type would be unrelated to what they look for."""
    parsed = parse(query, function_words())
    candidates = [term.typed.text for term in parsed.terms] if len(parsed.terms) > 1 else []
    candidates += [word.text for term in parsed.terms for word in (term.needed or term.words)]
    words = [word for word in dict.fromkeys(candidates) if word != parsed.text]
    return [word for word in words[:SUGGESTED_WORDS] if search(word, per_page=1).count]
