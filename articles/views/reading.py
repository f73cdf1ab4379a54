"""What a reader reads: the latest edition of every paper, a paper, the archive, an
edition, a page, and each record on it.

Every URL names its paper by slug. A record is found by its pk: when the paper,
date or page in its URL is stale (an editor has since dated the edition, numbered
the page or renamed the paper's slug), the view redirects, permanently, to the
record's URL now.
"""

from itertools import groupby

from django.db.models import Count, Prefetch
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render

from ..addresses import answer_for_missing
from ..body import first_paragraph
from ..editions import edition_bar, page_neighbours
from ..models import UNDATED_PREFIX, UNNUMBERED_PREFIX, Article, Brief, Edition, Page, Paper, Photo
from ..structured_data import news_article
from ..templatetags.chinese import chinese_date, chinese_month, page_place
from .cards import MAP_UNITS, front_pages, page_areas, page_cards
from .paging import paginate

ARCHIVE_PAGE_SIZE = 30
DESCRIPTION_LENGTH = 120


def home(request):
    """The latest edition of every paper at a glance.

    Template: reading/home.html. Context: fronts (one per paper, the newest edition
    first: see cards.front_pages), title. No paper yet: fronts is empty."""
    fronts = front_pages(Edition.objects.latest_of_each_paper())
    return render(request, "reading/home.html", {"nav": "home", "fronts": fronts, "title": "首页"})


def paper(request, paper):
    """A paper's own home: its latest edition's front page, and its calendar.

    Template: reading/paper.html. Context: paper, fronts (its latest edition's,
    as on the home page; empty before the first import), title, site_title."""
    paper = get_object_or_404(Paper, slug=paper)
    latest = Edition.objects.filter(paper=paper).with_pages().select_related("paper").newest_first()[:1]
    context = {"paper": paper, "fronts": front_pages(latest), "title": paper.name, "site_title": paper.name}
    return render(request, "reading/paper.html", context)


def archive(request):
    """Every edition of every paper by date, newest first.

    Template: reading/archive.html. Context: page_obj (editions, with their pages
    prefetched), months (that page's editions as (month, editions) pairs), papers
    (each paper, for its calendar), title.
    """
    editions = Edition.objects.with_pages().select_related("paper")
    page_obj = paginate(
        request,
        editions.prefetch_related(Prefetch("pages", Page.objects.in_order().defer("source_text"))),
        ARCHIVE_PAGE_SIZE,
    )
    months = [(month, list(editions)) for month, editions in groupby(page_obj, lambda e: chinese_month(e.date))]
    papers = list(Paper.objects.filter(editions__isnull=False).distinct())
    context = {"nav": "archive", "title": "往期", "page_obj": page_obj, "months": months, "papers": papers}
    return render(request, "reading/archive.html", context)


def edition(request, paper, date):
    """One edition: each page with its headlines, and the paper's editions before and after.

    Template: reading/edition.html. Context: edition; pages (each with its
    articles, .brief_count and .photo_count); bar (see editions.edition_bar); title.
    """
    edition = get_object_or_404(Edition.objects.select_related("paper"), **_edition_lookup(paper, date))
    if edition.url_args != [paper, date]:
        return redirect(edition, permanent=True)
    pages = list(
        edition.pages.in_order()
        .defer("source_text")
        .annotate(brief_count=Count("briefs", distinct=True), photo_count=Count("photos", distinct=True))
        .prefetch_related(Prefetch("articles", Article.objects.stories().in_reading_order()))
    )
    if not pages:
        raise Http404("这一期没有版面")
    context = {
        "nav": "archive",
        "edition": edition,
        "pages": pages,
        "bar": edition_bar(edition),
        "title": f"{edition.paper.name} {chinese_date(edition.date)}",
        "site_title": edition.paper.name,
    }
    return render(request, "reading/edition.html", context)


def page(request, paper, date, page):
    """Everything on one page, in reading order, with the printed page when there is one.

    Template: reading/page.html. Context: page; cards (its records in reading
    order); areas (where each is printed on the page's picture, for a page with
    one); map_units (the size of the areas' grid); previous and next (the pages
    before and after it in its edition, or None); bar (editions.edition_bar);
    title.
    """
    segment = page
    page = get_object_or_404(
        Page.objects.select_related("edition__paper").prefetch_related(
            Prefetch("articles", Article.objects.in_reading_order().select_related("column")),
            Prefetch("briefs", Brief.objects.in_reading_order().select_related("target__page__edition__paper")),
            Prefetch("photos", Photo.objects.in_reading_order()),
        ),
        **_page_lookup(paper, date, segment),
    )
    if page.url_args != [paper, date, segment]:
        return redirect(page, permanent=True)
    cards = page_cards(page)
    bar = edition_bar(page.edition, current=page)
    context = {
        "page": page,
        "cards": cards,
        "areas": page_areas(cards),
        "map_units": MAP_UNITS,
        **page_neighbours(page, bar["pages"]),
        "bar": bar,
        "title": page_place(page) + (f" {page.section}" if page.section else ""),
        "site_title": page.edition.paper.name,
    }
    return render(request, "reading/page.html", context)


def article(request, paper, date, page, pk):
    """One article, with its photos, its other part if continued, and related articles.

    Template: reading/article.html. Context: article; photos (those paired with
    it); continued (its second part, whose text it shows too) and earlier (its
    first part), either None; note_before and note_after (a continuation note not
    yet linked); previous and next (on the same page, or None); related (articles
    sharing most keywords, each with .shared); bar; title, description, json_ld.
    """
    related = ("column", "continued_on__page__edition__paper", "continued_from__page__edition__paper")
    article, elsewhere = _found(request, Article.objects.select_related(*related), pk, [paper, date, page])
    if elsewhere:
        return elsewhere
    on_page = list(article.page.articles.in_reading_order())
    photos = list(article.story_photos.in_reading_order())
    for photo in photos:
        photo.page = article.page  # a story's photos are printed on its page
    # A reverse one-to-one with no row raises (an AttributeError) rather than giving None.
    earlier = getattr(article, "continued_from", None)
    note_before, note_after = article.unlinked_notes()
    context = {
        "article": article,
        "photos": photos,
        "continued": article.continued_on,
        "earlier": earlier,
        "note_before": note_before,
        "note_after": note_after,
        **page_neighbours(article, on_page),
        "related": article.related(),
        **_on_its_page(article, str(article)),
        "description": first_paragraph(article.body)[:DESCRIPTION_LENGTH],
        "og_type": "article",
        "og_image": request.build_absolute_uri(photos[0].image.url) if photos and photos[0].image else None,
        "published_time": article.page.edition.date,
    }
    context["json_ld"] = news_article(request, article, photos)
    return render(request, "reading/article.html", context)


def photo(request, paper, date, page, pk):
    """One photo: its image or a placeholder, caption and credit, and the story it illustrates.

    Template: reading/photo.html. Context: photo (with .article, or None), bar,
    title, description, og_image (the image's absolute URL, or None).
    """
    photos = Photo.objects.select_related("article__page__edition__paper")
    photo, elsewhere = _found(request, photos, pk, [paper, date, page])
    if elsewhere:
        return elsewhere
    context = {
        "photo": photo,
        **_on_its_page(photo, str(photo) or "图片"),
        "description": photo.caption[:DESCRIPTION_LENGTH],
        "og_image": request.build_absolute_uri(photo.image.url) if photo.image else None,
    }
    return render(request, "reading/photo.html", context)


def brief(request, paper, date, page, pk):
    """One news brief or teaser; a teaser links to its article once that page is imported.

    Template: reading/brief.html. Context: brief, bar, title, description.
    """
    briefs = Brief.objects.select_related("target__page__edition__paper")
    brief, elsewhere = _found(request, briefs, pk, [paper, date, page])
    if elsewhere:
        return elsewhere
    context = {
        "brief": brief,
        **_on_its_page(brief, str(brief)),
        "description": brief.text[:DESCRIPTION_LENGTH],
    }
    return render(request, "reading/brief.html", context)


def _found(request, records, pk, segments):
    """The record of that pk, with its page, and None; or None and the answer to give
    instead: where its text went (301) or that it is gone (410) when no record has the
    pk any more (addresses.py), its address now when the URL's segments are stale."""
    record = records.with_page().filter(pk=pk).first()
    if record is None:
        return None, answer_for_missing(request, records.model.url_name, pk)
    if record.page.url_args != segments:
        return None, redirect(record, permanent=True)
    return record, None


def _on_its_page(record, title: str) -> dict:
    """What a record's view shows of where it was printed: the edition bar with its page
    marked (bar), a title naming the place ("标题 - 澜州日报 2023年2月14日 第3版"), and
    the paper as the share card's site (site_title)."""
    page = record.page
    return {
        "bar": edition_bar(page.edition, current=page),
        "title": f"{title} - {page_place(page)}",
        "site_title": page.edition.paper.name,
    }


def _edition_lookup(paper, date, prefix=""):
    """Filter arguments for the edition a URL's paper and date segments name: a
    paper's edition of that date, or one undated edition (by pk, whatever the paper)."""
    if date.startswith(UNDATED_PREFIX):
        return {f"{prefix}pk": int(date.removeprefix(UNDATED_PREFIX))}
    return {f"{prefix}paper__slug": paper, f"{prefix}date": date}


def _page_lookup(paper, date, page):
    """Filter arguments for the page a URL's paper, date and page segments name."""
    pk = page.removeprefix(UNNUMBERED_PREFIX)
    if page.startswith(UNNUMBERED_PREFIX) and pk.isdigit():
        # The page is named by pk: a stale date is redirected, not a 404.
        return {"pk": int(pk)}
    return {"number": page, **_edition_lookup(paper, date, prefix="edition__")}
