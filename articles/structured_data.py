"""schema.org JSON-LD for an article page: what search engines and share cards read.

The JSON is written into a <script type="application/ld+json">: "<", ">" and "&"
are written as \\u escapes, so that a title such as "</script><script>…" stays
text inside the JSON and cannot end the element.
"""

import json

from django.utils.safestring import SafeString, mark_safe

from .templatetags.chinese import page_place

_ESCAPES = {ord("<"): "\\u003C", ord(">"): "\\u003E", ord("&"): "\\u0026"}


def news_article(request, article, photos) -> SafeString:
    """A NewsArticle: headline, date, authors from the byline, the paper as publisher,
    the first photo as image, and the edition it is part of."""
    edition = article.page.edition
    data = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": str(article),
        "url": request.build_absolute_uri(article.get_absolute_url()),
        "publisher": {
            "@type": "Organization",
            "name": edition.paper.name,
            "url": request.build_absolute_uri(edition.paper.get_absolute_url()),
        },
        "isPartOf": {
            "@type": "PublicationIssue",
            "name": page_place(article.page).rsplit(" ", 1)[0],
            "url": request.build_absolute_uri(edition.get_absolute_url()),
        },
    }
    if edition.date:
        data["datePublished"] = edition.date.isoformat()
    authors = article.authors or ([article.byline] if article.byline else [])
    if authors:
        data["author"] = [{"@type": "Person", "name": name} for name in authors]
    images = [request.build_absolute_uri(photo.image.url) for photo in photos if photo.image]
    if images:
        data["image"] = images
    return mark_safe(json.dumps(data, ensure_ascii=False).translate(_ESCAPES))
