"""The reader's URLs. Everything a page holds has a permanent URL by date, page and item:

    /2023-02-11/                 the edition(s) of that day
    /2023-02-11/1/               page 1
    /2023-02-11/1/articles/42/   an article on it (also photos/ and briefs/)

An edition without a date is "undated-<edition pk>" and a page without a number
is "x<page pk>", until an editor fills them in (see Edition.url_segment).
"""

import datetime

from django.contrib.sitemaps.views import sitemap
from django.urls import path, register_converter

from .models import UNDATED_PREFIX
from .views import feeds, reading, search, sections
from .views.sitemaps import SITEMAPS


class EditionSegment:
    regex = rf"\d{{4}}-\d{{2}}-\d{{2}}|{UNDATED_PREFIX}\d+"

    def to_python(self, value):
        if not value.startswith(UNDATED_PREFIX):
            datetime.date.fromisoformat(value)  # "2023-02-30" is no URL: ValueError makes it a 404
        return value

    def to_url(self, value):
        return value


class PageSegment:
    regex = r"[^/]+"

    def to_python(self, value):
        return value

    def to_url(self, value):
        return value


register_converter(EditionSegment, "edition")
register_converter(PageSegment, "page")

urlpatterns = [
    path("", reading.home, name="home"),
    path("archive/", reading.archive, name="archive"),
    path("sections/articles/", sections.articles, name="section_articles"),
    path("sections/news/", sections.news, name="section_news"),
    path("sections/teasers/", sections.teasers, name="section_teasers"),
    path("sections/photos/", sections.photos, name="section_photos"),
    path("columns/<int:pk>/", sections.column, name="column"),
    path("feeds/rss/", feeds.LatestArticlesFeed(), name="feed_rss"),
    path("feeds/atom/", feeds.LatestArticlesAtomFeed(), name="feed_atom"),
    path("sitemap.xml", sitemap, {"sitemaps": SITEMAPS}, name="sitemap"),
    path("search/", search.search_page, name="search"),
    path("api/search", search.search_api, name="search_api"),
    path("<edition:date>/", reading.edition, name="edition"),
    path("<edition:date>/<page:page>/", reading.page, name="page"),
    path("<edition:date>/<page:page>/articles/<int:pk>/", reading.article, name="article"),
    path("<edition:date>/<page:page>/photos/<int:pk>/", reading.photo, name="photo"),
    path("<edition:date>/<page:page>/briefs/<int:pk>/", reading.brief, name="brief"),
]
