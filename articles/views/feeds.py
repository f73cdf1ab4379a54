"""RSS and Atom feeds of the latest articles."""

import datetime

from django.contrib.syndication.views import Feed
from django.urls import reverse_lazy
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed
from django.utils.html import escape

from ..body import first_paragraph
from ..context_processors import SITE_NAME
from ..models import Article

FEED_SIZE = 30


class LatestArticlesFeed(Feed):
    title = SITE_NAME
    link = reverse_lazy("home")
    description = "最新见报文章"

    def items(self):
        return Article.objects.newest_first().with_page()[:FEED_SIZE]

    # item_title is Django's: the title escaped, as readers show it as HTML.

    def item_description(self, item):
        return escape(first_paragraph(item.body))

    def item_author_name(self, item):
        return item.byline or None

    def item_pubdate(self, item):
        date = item.page.edition.date
        return timezone.make_aware(datetime.datetime.combine(date, datetime.time())) if date else None

    def item_updateddate(self, item):
        return item.page.imported_at

    def item_categories(self, item):
        return item.keywords


class LatestArticlesAtomFeed(LatestArticlesFeed):
    feed_type = Atom1Feed
    subtitle = LatestArticlesFeed.description

    def item_title(self, item):
        # An Atom <title> is text (type="text"), not HTML: the XML writer escapes it, once.
        return str(item)
