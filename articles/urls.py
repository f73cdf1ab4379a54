"""The reader's URLs. Every paper has its own, and everything it prints has a
permanent URL by paper, date, page and item:

    /kejiribao/                               the paper: its latest edition
    /kejiribao/2023-02-11/                    an edition
    /kejiribao/2023-02-11/1/                  page 1 of it
    /kejiribao/2023-02-11/1/articles/42/      an article on it (also photos/ and briefs/)
    /kejiribao/calendar/2023/2/               往期回顾: the paper's editions in a month

An edition without a date is "undated-<edition pk>" and a page without a number
is "x<page pk>", until an editor fills them in (see Edition.url_segment). The
addresses the site served before papers had their own ("/2023-02-11/1/") answer
301 to the paper's, or a page to choose from when two papers share the day
(views/legacy.py).

Every reader page is served from the page cache until the paper changes
(pagecache.py), keyed by the one query parameter it reads, a list's page
number ("page"; the sitemap's "p"); search answers depend on the query, so they are not. Every
one is read only: other methods answer 405 (requestguards.py).
"""

import datetime

from django.contrib.sitemaps.views import sitemap
from django.urls import include, path, register_converter

from .models import UNDATED_PREFIX
from .pagecache import cached_page
from .papers import SLUG_PATTERN
from .requestguards import read_only
from .views import calendar, feeds, legacy, reading, rootfiles, search, sections
from .views.sitemaps import SITEMAPS, paper_sitemap


class EditionSegment:
    regex = rf"\d{{4}}-\d{{2}}-\d{{2}}|{UNDATED_PREFIX}\d+"

    def to_python(self, value):
        if not value.startswith(UNDATED_PREFIX):
            datetime.date.fromisoformat(value)  # "2023-02-30" is no URL: ValueError makes it a 404
        return value

    def to_url(self, value):
        return value


class PaperSegment:
    regex = SLUG_PATTERN

    def to_python(self, value):
        return value

    def to_url(self, value):
        return value


register_converter(EditionSegment, "edition")
register_converter(PaperSegment, "paper")


def reader(view, page_parameter=None):
    """A reader's page: read only, and served from the page cache, keyed by the one
    query parameter it reads, if any (pagecache.cached_page)."""
    return read_only(cached_page(view, page_parameter))


def papers_reader(view, page_parameter=None):
    """A reader's page under a paper's slug, which follows the paper when its slug changed."""
    return reader(legacy.follow_renamed_paper(view), page_parameter)


# What every paper has under its slug.
paper_patterns = [
    path("", papers_reader(reading.paper), name="paper"),
    path("calendar/", papers_reader(calendar.latest_month), name="calendar"),
    # The month picker's answer depends on its query: a redirect, never cached.
    path("calendar/pick/", read_only(legacy.follow_renamed_paper(calendar.pick)), name="calendar_pick"),
    path("calendar/<int:year>/<int:month>/", papers_reader(calendar.month), name="calendar_month"),
    path("feeds/rss/", papers_reader(feeds.PaperArticlesFeed()), name="paper_feed_rss"),
    path("feeds/atom/", papers_reader(feeds.PaperArticlesAtomFeed()), name="paper_feed_atom"),
    path("sitemap.xml", papers_reader(paper_sitemap, "p"), name="paper_sitemap"),
    path("<edition:date>/", papers_reader(reading.edition), name="edition"),
    path("<edition:date>/<str:page>/", papers_reader(reading.page), name="page"),
    path("<edition:date>/<str:page>/articles/<int:pk>/", papers_reader(reading.article), name="article"),
    path("<edition:date>/<str:page>/photos/<int:pk>/", papers_reader(reading.photo), name="photo"),
    path("<edition:date>/<str:page>/briefs/<int:pk>/", papers_reader(reading.brief), name="brief"),
]

urlpatterns = [
    path("", reader(reading.home), name="home"),
    path("archive/", reader(reading.archive, "page"), name="archive"),
    path("sections/articles/", reader(sections.articles, "page"), name="section_articles"),
    path("sections/news/", reader(sections.news, "page"), name="section_news"),
    path("sections/teasers/", reader(sections.teasers, "page"), name="section_teasers"),
    path("sections/photos/", reader(sections.photos, "page"), name="section_photos"),
    path("columns/<int:pk>/", reader(sections.column, "page"), name="column"),
    path("feeds/rss/", reader(feeds.LatestArticlesFeed()), name="feed_rss"),
    path("feeds/atom/", reader(feeds.LatestArticlesAtomFeed()), name="feed_atom"),
    path("sitemap.xml", reader(sitemap, "p"), {"sitemaps": SITEMAPS}, name="sitemap"),
    path("robots.txt", read_only(rootfiles.robots_txt), name="robots_txt"),
    path("favicon.ico", read_only(rootfiles.favicon), name="favicon"),
    path("search/", read_only(search.search_page), name="search"),
    path("api/search", read_only(search.search_api), name="search_api"),
    path("api/suggest", read_only(search.suggest_api), name="suggest_api"),
    # The addresses from before papers had their own: each answers 301 (or a choice).
    path("<edition:date>/", reader(legacy.edition), name="legacy_edition"),
    path("<edition:date>/<str:page>/", reader(legacy.page), name="legacy_page"),
    path("<edition:date>/<str:page>/<str:kind>/<int:pk>/", reader(legacy.record), name="legacy_record"),
    path("<paper:paper>/", include(paper_patterns)),
]
