"""RSS and Atom feeds of the latest stories: of every paper, and of each paper."""

import datetime

from django.contrib.syndication.views import Feed
from django.shortcuts import get_object_or_404
from django.urls import reverse, reverse_lazy
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed
from django.utils.html import escape

from ..body import first_paragraph
from ..context_processors import SITE_NAME
from ..models import Article, Paper
from ..templatetags.chinese import page_place

FEED_SIZE = 30


class LatestArticlesFeed(Feed):
    title = SITE_NAME
    link = reverse_lazy("home")
    description = "最新见报文章"

    def items(self):
        return Article.objects.stories().newest_first().with_page()[:FEED_SIZE]

    # item_title is Django's: the title escaped, as readers show it as HTML.

    def item_description(self, item):
        """Where the story was printed, then its first paragraph: "澜州日报 2023年2月14日 第3版｜…"."""
        return escape(f"{page_place(item.page)}｜{first_paragraph(item.body)}")

    def item_author_name(self, item):
        return item.byline or None

    def item_pubdate(self, item):
        date = item.page.edition.date
        return timezone.make_aware(datetime.datetime.combine(date, datetime.time())) if date else None

    def item_updateddate(self, item):
        return item.page.imported_at

    def item_categories(self, item):
        return [item.page.edition.paper.name, *item.keywords]


class AtomTitles:
    feed_type = Atom1Feed
    subtitle = LatestArticlesFeed.description

    def item_title(self, item):
        # An Atom <title> is text (type="text"), not HTML: the XML writer escapes it, once.
        return str(item)


class LatestArticlesAtomFeed(AtomTitles, LatestArticlesFeed):
    pass


class PaperArticlesFeed(LatestArticlesFeed):
    """One paper's latest stories, at /<paper>/feeds/rss/."""

    def get_object(self, request, paper):
        return get_object_or_404(Paper, slug=paper)

    def title(self, paper):
        return f"{paper.name} - {SITE_NAME}"

    def link(self, paper):
        return reverse("paper", args=[paper.slug])

    def description(self, paper):
        return f"{paper.name}最新见报文章"

    def items(self, paper):
        return Article.objects.stories().filter(page__edition__paper=paper).newest_first().with_page()[:FEED_SIZE]


class PaperArticlesAtomFeed(AtomTitles, PaperArticlesFeed):
    def subtitle(self, paper):
        return self.description(paper)
