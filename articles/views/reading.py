"""What a reader reads: the latest edition, the archive, an edition, a page, and each record on it.

A record is found by its pk. When the date or page in its URL is stale (an editor
has since dated the edition or numbered the page), the view redirects,
permanently, to the record's URL now.
"""

import datetime
from itertools import groupby

from django.db.models import Count, F, Prefetch
from django.http import Http404
from django.shortcuts import redirect, render

from ..addresses import answer_for_missing
from ..body import first_paragraph
from ..models import UNDATED_PREFIX, UNNUMBERED_PREFIX, Article, ArticleKeyword, Brief, Edition, Page, Photo
from ..templatetags.chinese import chinese_date, chinese_month, page_name
from .cards import MAP_UNITS, page_areas, page_cards, with_leads
from .paging import paginate

ARCHIVE_PAGE_SIZE = 30
RELATED_COUNT = 5
DESCRIPTION_LENGTH = 120


def home(request):
    """The latest edition at a glance.

    Template: reading/home.html. Context: edition (None before the first import),
    pages (its pages, in order), front (its first page), articles (the front
    page's, each with .lead), news and teasers (its briefs), photos; title.
    """
    edition = Edition.objects.exclude(pages=None).first()
    context = {"nav": "home", "edition": edition, "title": "首页"}
    if edition is not None:
        pages = list(edition.pages.in_order())
        front = pages[0]
        briefs = list(front.briefs.in_reading_order().select_related("target__page__edition"))
        context |= {
            "pages": pages,
            "front": front,
            "articles": with_leads(front.articles.in_reading_order().select_related("column")),
            "news": [brief for brief in briefs if brief.kind == Brief.NEWS],
            "teasers": [brief for brief in briefs if brief.kind == Brief.TEASER],
            "photos": list(front.photos.in_reading_order()),
            "title": f"{edition.paper} {chinese_date(edition.date)}".strip(),
        }
    return render(request, "reading/home.html", context)


def archive(request):
    """Every edition by date, newest first.

    Template: reading/archive.html. Context: page_obj (editions, with their pages
    prefetched), months (that page's editions as (month, editions) pairs), title.
    """
    page_obj = paginate(
        request, Edition.objects.prefetch_related(Prefetch("pages", Page.objects.in_order())), ARCHIVE_PAGE_SIZE
    )
    months = [(month, list(editions)) for month, editions in groupby(page_obj, lambda e: chinese_month(e.date))]
    context = {"nav": "archive", "title": "往期", "page_obj": page_obj, "months": months}
    return render(request, "reading/archive.html", context)


def edition(request, date):
    """The edition(s) of one day: each page with its headlines.

    Template: reading/edition.html. Context: editions (pages prefetched, each
    with its articles, .brief_count and .photo_count), title.
    """
    pages = Page.objects.in_order().annotate(
        brief_count=Count("briefs", distinct=True), photo_count=Count("photos", distinct=True)
    )
    editions = list(
        Edition.objects.filter(**_edition_lookup(date)).prefetch_related(
            Prefetch("pages", pages), Prefetch("pages__articles", Article.objects.in_reading_order())
        )
    )
    if not editions:
        raise Http404("没有这一天的报纸")
    if editions[0].url_segment != date:
        return redirect(editions[0], permanent=True)
    title = f"{chinese_date(editions[0].date)} {'、'.join(e.paper for e in editions if e.paper)}".strip()
    return render(request, "reading/edition.html", {"nav": "archive", "editions": editions, "title": title})


def page(request, date, page):
    """Everything on one page, in reading order.

    Template: reading/page.html. Context: sheets, one per page the URL names
    (usually one; two papers may each print a page 1 on the same day), each a
    dict of page, cards (its records in reading order), areas (where each is
    printed on the page's picture, for a page imported from a PDF), previous and
    next (the pages before and after it in its edition, or None); map_units (the
    size of the areas' grid); title.
    """
    pages = list(
        Page.objects.filter(**_page_lookup(date, page))
        .select_related("edition")
        .prefetch_related(
            Prefetch("articles", Article.objects.in_reading_order().select_related("column")),
            Prefetch("briefs", Brief.objects.in_reading_order().select_related("target__page__edition")),
            Prefetch("photos", Photo.objects.in_reading_order()),
            Prefetch("edition__pages", Page.objects.in_order()),
        )
    )
    if not pages:
        raise Http404("没有这一版")
    if pages[0].url_args != [date, page]:
        return redirect(pages[0], permanent=True)
    sheets = []
    for p in pages:
        cards = page_cards(p)
        sheets.append(
            {"page": p, "cards": cards, "areas": page_areas(cards), **_neighbours(p, list(p.edition.pages.all()))}
        )
    first = pages[0]
    title = f"{first.edition.paper} {chinese_date(first.edition.date)} {page_name(first)}".strip()
    return render(request, "reading/page.html", {"sheets": sheets, "title": title, "map_units": MAP_UNITS})


def related_articles(article):
    """The articles sharing most keywords with this one, each with .shared.

    Ranked on the keyword rows alone, then loaded: grouping whole articles (and
    their pages) by keyword would grow with the corpus.
    """
    ranked = (
        ArticleKeyword.objects.filter(word__in=article.keywords)
        .exclude(article_id=article.pk)
        .values("article_id")
        .annotate(shared=Count("id"))
        .order_by("-shared", F("article__page__edition__date").desc(nulls_last=True), "article_id")[:RELATED_COUNT]
    )
    shared = {row["article_id"]: row["shared"] for row in ranked}
    related = Article.objects.with_page().in_bulk(list(shared))
    for pk, count in shared.items():
        related[pk].shared = count
    return [related[pk] for pk in shared]


def article(request, date, page, pk):
    """One article, with its place on the page, its other part if continued, and related articles.

    Template: reading/article.html. Context: article; continued (its second part,
    whose text it shows too) and earlier (its first part), either None;
    note_before and note_after (a continuation note not yet linked); previous
    and next (on the same page, or None); related (articles sharing most keywords,
    each with .shared); title, description.
    """
    article = (
        Article.objects.with_page()
        .select_related("column", "continued_on__page__edition", "continued_from__page__edition")
        .filter(pk=pk)
        .first()
    )
    if article is None:
        return answer_for_missing(request, "article", pk)
    if article.page.url_args != [date, page]:
        return redirect(article, permanent=True)
    on_page = list(article.page.articles.in_reading_order())
    related = related_articles(article)
    # A reverse one-to-one with no row raises (an AttributeError) rather than giving None.
    earlier = getattr(article, "continued_from", None)
    # A note whose other part is not imported yet stays text: "（上接第1版）" above the body, "（下转第3版）" below.
    unlinked = "" if article.continued_on or earlier else article.continuation
    context = {
        "article": article,
        "continued": article.continued_on,
        "earlier": earlier,
        "note_before": unlinked if "接" in unlinked else "",
        "note_after": unlinked if "接" not in unlinked else "",
        **_neighbours(article, on_page),
        "related": related,
        "title": str(article),
        "description": first_paragraph(article.body)[:DESCRIPTION_LENGTH],
        "og_type": "article",
    }
    return render(request, "reading/article.html", context)


def photo(request, date, page, pk):
    """One photo: its image or a placeholder, caption and credit.

    Template: reading/photo.html. Context: photo, title, description, og_image
    (the image's absolute URL, or None).
    """
    photo = Photo.objects.with_page().filter(pk=pk).first()
    if photo is None:
        return answer_for_missing(request, "photo", pk)
    if photo.page.url_args != [date, page]:
        return redirect(photo, permanent=True)
    context = {
        "photo": photo,
        "title": str(photo) or "图片",
        "description": photo.caption[:DESCRIPTION_LENGTH],
        "og_image": request.build_absolute_uri(photo.image.url) if photo.image else None,
    }
    return render(request, "reading/photo.html", context)


def brief(request, date, page, pk):
    """One news brief or teaser; a teaser links to its article once that page is imported.

    Template: reading/brief.html. Context: brief, title, description.
    """
    brief = Brief.objects.with_page().select_related("target__page__edition").filter(pk=pk).first()
    if brief is None:
        return answer_for_missing(request, "brief", pk)
    if brief.page.url_args != [date, page]:
        return redirect(brief, permanent=True)
    context = {"brief": brief, "title": str(brief), "description": brief.text[:DESCRIPTION_LENGTH]}
    return render(request, "reading/brief.html", context)


def _edition_lookup(date, prefix=""):
    """Filter arguments for the edition(s) a URL's date segment names: a date, or one undated edition."""
    if date.startswith(UNDATED_PREFIX):
        return {f"{prefix}pk": int(date.removeprefix(UNDATED_PREFIX))}
    return {f"{prefix}date": datetime.date.fromisoformat(date)}


def _page_lookup(date, page):
    """Filter arguments for the page(s) a URL's date and page segments name."""
    pk = page.removeprefix(UNNUMBERED_PREFIX)
    if page.startswith(UNNUMBERED_PREFIX) and pk.isdigit():
        # The page is named by pk: a stale date is redirected, not a 404.
        return {"pk": int(pk)}
    return {"number": page, **_edition_lookup(date, prefix="edition__")}


def _neighbours(item, in_order):
    """The previous and next of an item (a page in its edition, an article on its page)."""
    index = [other.pk for other in in_order].index(item.pk)
    return {
        "previous": in_order[index - 1] if index > 0 else None,
        "next": in_order[index + 1] if index + 1 < len(in_order) else None,
    }
