"""sitemap.xml: the sections, and the permanent URL of every paper, edition, page,
column and story; /<paper>/sitemap.xml holds one paper's alone. A story continued
on another page is listed once, at its first part."""

from django.contrib.sitemaps import Sitemap
from django.contrib.sitemaps.views import sitemap
from django.shortcuts import get_object_or_404
from django.urls import reverse

from ..models import Article, Brief, Column, Edition, Page, Paper, Photo


class SectionSitemap(Sitemap):
    changefreq = "daily"

    def items(self):
        return ["home", "archive", "section_articles", "section_news", "section_teasers", "section_photos"]

    def location(self, item):
        return reverse(item)


class PaperSitemap(Sitemap):
    changefreq = "daily"

    def __init__(self, papers=None):
        self.papers = papers

    def items(self):
        # Lists, not querysets: a few rows each, and a queryset costs a count query too.
        return self.papers if self.papers is not None else list(Paper.objects.filter(editions__isnull=False).distinct())


class EditionSitemap(Sitemap):
    def __init__(self, papers=None):
        self.papers = papers

    def items(self):
        editions = Edition.objects.with_pages().select_related("paper")
        return list(editions.filter(paper__in=self.papers) if self.papers is not None else editions)


class PageSitemap(Sitemap):
    def __init__(self, papers=None):
        self.papers = papers

    def items(self):
        pages = Page.objects.in_order().select_related("edition__paper").defer("source_text")
        return list(pages.filter(edition__paper__in=self.papers) if self.papers is not None else pages)

    def lastmod(self, page):
        return page.imported_at


class RecordSitemap(Sitemap):
    def __init__(self, model, papers=None):
        self.model = model
        self.papers = papers

    def items(self):
        records = self.model.objects.stories() if self.model is Article else self.model.objects.all()
        if self.papers is not None:
            records = records.filter(page__edition__paper__in=self.papers)
        # Only what a record's URL and date need: with whole rows (bodies and all),
        # 10,000 articles took seconds.
        return (
            records.in_reading_order()
            .select_related("page__edition__paper")
            .only("page", "page__number", "page__imported_at", "page__edition__date", "page__edition__paper__slug")
        )

    def lastmod(self, record):
        return record.page.imported_at


class ColumnSitemap(Sitemap):
    def items(self):
        return Column.objects.all()


def sitemaps_of(papers=None) -> dict:
    """The site's sitemaps, or a list of papers' alone."""
    records = {"articles": Article, "briefs": Brief, "photos": Photo}
    own = {
        "papers": PaperSitemap(papers),
        "editions": EditionSitemap(papers),
        "pages": PageSitemap(papers),
        **{name: RecordSitemap(model, papers) for name, model in records.items()},
    }
    if papers is not None:
        return own
    return {"sections": SectionSitemap, **own, "columns": ColumnSitemap}


SITEMAPS = sitemaps_of()


def paper_sitemap(request, paper):
    return sitemap(request, sitemaps=sitemaps_of([get_object_or_404(Paper, slug=paper)]))
