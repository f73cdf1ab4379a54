"""The addresses the site served before every paper had its own ("/2023-02-11/1/"),
and under a paper's slug before an editor changed it ("/kjrb/2023-02-11/1/").

Each keeps working: it answers 301 to the paper's address of the same edition, page
or record. Where two papers printed on that day, a date-only address names no one
paper; it answers a page that lists both, with links, for the reader to choose.
"""

from functools import wraps

from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render

from ..models import UNDATED_PREFIX, UNNUMBERED_PREFIX, Article, Brief, Edition, FormerPaperSlug, Page, Photo
from ..templatetags.chinese import chinese_date, page_place

# The kinds of record in an old address: /2023-02-11/1/articles/42/.
RECORD_KINDS = {"articles": Article, "briefs": Brief, "photos": Photo}


def edition(request, date):
    editions = Edition.objects.filter(**_by_date(date)).with_pages().select_related("paper")
    return _one_or_choice(request, [(edition, f"{edition.paper} {chinese_date(edition.date)}") for edition in editions])


def page(request, date, page):
    pk = page.removeprefix(UNNUMBERED_PREFIX)
    if page.startswith(UNNUMBERED_PREFIX) and pk.isdigit():
        pages = Page.objects.filter(pk=int(pk))
    else:
        pages = Page.objects.filter(number=page, **{f"edition__{k}": v for k, v in _by_date(date).items()})
    pages = pages.select_related("edition__paper").defer("source_text")
    return _one_or_choice(request, [(page, page_place(page)) for page in pages])


def record(request, date, page, kind, pk):
    model = RECORD_KINDS.get(kind)
    if model is None:
        raise Http404("没有这个网址")
    return redirect(get_object_or_404(model.objects.with_page(), pk=pk), permanent=True)


def _by_date(date):
    if date.startswith(UNDATED_PREFIX):
        return {"pk": int(date.removeprefix(UNDATED_PREFIX))}
    return {"date": date}


def _one_or_choice(request, found):
    """301 to the one edition or page found, each given as (it, its name); a page to
    choose from when papers share the day.

    Template: reading/choose_paper.html. Context: choices (the (it, name) found), title."""
    if not found:
        raise Http404("没有这一天的报纸")
    if len(found) == 1:
        return redirect(found[0][0], permanent=True)
    context = {"choices": found, "title": "这一天有几份报纸"}
    return render(request, "reading/choose_paper.html", context)


def follow_renamed_paper(view):
    """A paper's view that finds nothing under a slug the paper has given up answers 301
    to the same address under its slug now."""

    @wraps(view)
    def view_or_redirect(request, *args, paper, **kwargs):
        try:
            return view(request, *args, paper=paper, **kwargs)
        except Http404:
            former = FormerPaperSlug.objects.filter(slug=paper).select_related("paper").first()
            if former is None:
                raise
            rest = request.path.removeprefix(f"/{paper}/")
            return redirect(f"/{former.paper.slug}/{rest}", permanent=True)

    return view_or_redirect
