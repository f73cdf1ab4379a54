"""The reader's URLs. Everything a page holds has a permanent URL by date, page and item:

    /2023-02-11/                 the edition(s) of that day
    /2023-02-11/1/               page 1
    /2023-02-11/1/articles/42/   an article on it (also photos/ and briefs/)

An edition without a date is "undated-<edition pk>" and a page without a number
is "x<page pk>", until an editor fills them in (see Edition.url_segment).

Every reader page is served from the page cache until the paper changes
(pagecache.py); search answers depend on the query, so they are not. Every
one is read only: other methods answer 405 (requestguards.py).
"""

import datetime

from django.contrib.sitemaps.views import sitemap
from django.urls import path, register_converter

from .models import UNDATED_PREFIX
from .pagecache import cached_page
from .requestguards import read_only
from .views import feeds, reading, rootfiles, search, sections
from .views.sitemaps import SITEMAPS


class EditionSegment:
    regex = rf"\d{{4}}-\d{{2}}-\d{{2}}|{UNDATED_PREFIX}\d+"

    def to_python(self, value):
        if not value.startswith(UNDATED_PREFIX):
            datetime.date.fromisoformat(value)  # "2023-02-30" is no URL: ValueError makes it a 404
        return value

    def to_url(self, value):
        return value


register_converter(EditionSegment, "edition")

urlpatterns = [
    path("", read_only(cached_page(reading.home)), name="home"),
    path("archive/", read_only(cached_page(reading.archive)), name="archive"),
    path("sections/articles/", read_only(cached_page(sections.articles)), name="section_articles"),
    path("sections/news/", read_only(cached_page(sections.news)), name="section_news"),
    path("sections/teasers/", read_only(cached_page(sections.teasers)), name="section_teasers"),
    path("sections/photos/", read_only(cached_page(sections.photos)), name="section_photos"),
    path("columns/<int:pk>/", read_only(cached_page(sections.column)), name="column"),
    path("feeds/rss/", read_only(cached_page(feeds.LatestArticlesFeed())), name="feed_rss"),
    path("feeds/atom/", read_only(cached_page(feeds.LatestArticlesAtomFeed())), name="feed_atom"),
    path("sitemap.xml", read_only(cached_page(sitemap)), {"sitemaps": SITEMAPS}, name="sitemap"),
    path("robots.txt", read_only(rootfiles.robots_txt), name="robots_txt"),
    path("favicon.ico", read_only(rootfiles.favicon), name="favicon"),
    path("search/", read_only(search.search_page), name="search"),
    path("api/search", read_only(search.search_api), name="search_api"),
    path("api/suggest", read_only(search.suggest_api), name="suggest_api"),
    path("<edition:date>/", read_only(cached_page(reading.edition)), name="edition"),
    path("<edition:date>/<str:page>/", read_only(cached_page(reading.page)), name="page"),
    path("<edition:date>/<str:page>/articles/<int:pk>/", read_only(cached_page(reading.article)), name="article"),
    path("<edition:date>/<str:page>/photos/<int:pk>/", read_only(cached_page(reading.photo)), name="photo"),
    path("<edition:date>/<str:page>/briefs/<int:pk>/", read_only(cached_page(reading.brief)), name="brief"),
]
