"""Records as the cards that lists and pages show: each with its include, articles with their lead.

A card's text is prepared here, in the view, so that templates only show it.
"""

from typing import NamedTuple

from ..body import first_paragraph
from ..models import Article, Brief, Page, Photo


class Card(NamedTuple):
    template: str
    record: object
    key: str  # the same as its Area's, so that pointing at one lights the other


def record_key(record) -> str:
    """A record's name in a page's markup: "article-12", "photo-3"."""
    return f"{record.url_name}-{record.pk}"


def with_leads(articles):
    """The articles as a list, each with .lead: its first paragraph, for a list to show under its title."""
    articles = list(articles)
    for article in articles:
        article.lead = first_paragraph(article.body)
    return articles


def front_pages(editions) -> list[dict]:
    """Each edition's front page as the home page shows it: a dict of edition, pages
    (in order), front (the first page), articles (the front page's, each with .lead),
    news and teasers (its briefs), photos. Five queries, however many papers."""
    editions = list(editions)
    by_edition: dict[int, list[Page]] = {}
    for page in Page.objects.filter(edition__in=editions).in_order().defer("source_text"):
        by_edition.setdefault(page.edition_id, []).append(page)
    fronts = {pages[0].pk: pages[0] for pages in by_edition.values()}
    on_fronts = {"page__in": list(fronts)}
    articles = with_leads(Article.objects.filter(**on_fronts).in_reading_order().select_related("column"))
    briefs = list(Brief.objects.filter(**on_fronts).in_reading_order().select_related("target__page__edition__paper"))
    photos = list(Photo.objects.filter(**on_fronts).in_reading_order())
    on_page = {pk: {"articles": [], "news": [], "teasers": [], "photos": []} for pk in fronts}
    for article in articles:
        on_page[article.page_id]["articles"].append(article)
    for brief in briefs:
        on_page[brief.page_id]["teasers" if brief.kind == Brief.TEASER else "news"].append(brief)
    for photo in photos:
        on_page[photo.page_id]["photos"].append(photo)
    for record in [*articles, *briefs, *photos]:
        record.page = fronts[record.page_id]  # for its URL, with no query per record
    result = []
    for edition in editions:
        pages_of = by_edition.get(edition.pk, [])
        if pages_of:
            for page in pages_of:
                page.edition = edition
            result.append({"edition": edition, "pages": pages_of, "front": pages_of[0], **on_page[pages_of[0].pk]})
    return result


def page_cards(page):
    """Everything on a page, in reading order, as cards. Needs the page's articles, briefs and photos prefetched."""
    records = [*with_leads(page.articles.all()), *page.briefs.all(), *page.photos.all()]
    # Stable: records that start on the same line keep their order, e.g. a row of teasers.
    records.sort(key=lambda record: record.position)
    return [Card(card_template(record), record, record_key(record)) for record in records]


def card_template(record):
    if isinstance(record, Article):
        return "includes/article_card.html"
    if isinstance(record, Brief):
        return "includes/teaser_card.html" if record.kind == Brief.TEASER else "includes/news_card.html"
    return "includes/photo_card.html"


# The 版面图's clickable areas are drawn in an SVG of this many units each way over the
# picture, stretched to it, so a record's box (shares of the page) scales with it.
MAP_UNITS = 1000


class Area(NamedTuple):
    """Where one record is printed on the page's picture, and where a click on it leads."""

    url: str
    label: str
    key: str
    x: float
    y: float
    width: float
    height: float


def page_areas(cards) -> list[Area]:
    """The clickable areas of a page's picture: each record whose box the PDF import measured."""
    areas = []
    for card in cards:
        record = card.record
        if not record.box_width or not record.box_height:
            continue
        label = getattr(record, "title", "") or getattr(record, "text", "") or getattr(record, "caption", "")
        box = (record.box_left, record.box_top, record.box_width, record.box_height)
        scaled = (round(share * MAP_UNITS, 1) for share in box)
        areas.append(Area(record.get_absolute_url(), label[:60], card.key, *scaled))
    return areas
