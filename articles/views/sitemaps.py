"""sitemap.xml: the sections, and the permanent URL of every edition, page, column and record."""

from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from ..models import Article, Brief, Column, Edition, Page, Photo


class SectionSitemap(Sitemap):
    changefreq = "daily"

    def items(self):
        return ["home", "archive", "section_articles", "section_news", "section_teasers", "section_photos"]

    def location(self, item):
        return reverse(item)


class EditionSitemap(Sitemap):
    def items(self):
        # Two papers of the same day share that day's URL.
        return list({edition.url_segment: edition for edition in Edition.objects.all()}.values())


class PageSitemap(Sitemap):
    def items(self):
        # Two papers of the same day may each have a page 1, at the same URL.
        pages = Page.objects.in_order().select_related("edition").defer("source_text")
        return list({page.get_absolute_url(): page for page in pages}.values())

    def lastmod(self, page):
        return page.imported_at


class RecordSitemap(Sitemap):
    def __init__(self, model):
        self.model = model

    def items(self):
        # Only what a record's URL and date need: with whole rows (bodies and all),
        # 10,000 articles took seconds.
        return (
            self.model.objects.in_reading_order()
            .select_related("page__edition")
            .only("page", "page__number", "page__imported_at", "page__edition__date")
        )

    def lastmod(self, record):
        return record.page.imported_at


class ColumnSitemap(Sitemap):
    def items(self):
        return Column.objects.all()


SITEMAPS = {
    "sections": SectionSitemap,
    "editions": EditionSitemap,
    "pages": PageSitemap,
    "articles": RecordSitemap(Article),
    "briefs": RecordSitemap(Brief),
    "photos": RecordSitemap(Photo),
    "columns": ColumnSitemap,
}
