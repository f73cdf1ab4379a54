"""Links between the pages of one edition: continued articles and teasers.

"（下转第3版）" on page 1 and "（上接第1版）" on page 3 are one article in two
parts; a front-page teaser with "■ 3版" points to an article on page 3. Either
page may be imported first, so the links are made again after every import.
"""

import re

from .models import Article, Brief, Edition
from .parsing.text import han_bigrams
from .search.index import index_records

_PAGE_NUMBER = re.compile(r"(\d+)\s*版")
_FORWARD = re.compile(r"下?转")
# A teaser without a page reference must share this much of its words with an article.
MIN_UNREFERENCED_OVERLAP = 0.5
MIN_REFERENCED_OVERLAP = 0.2


def referenced_page(note: str) -> str:
    match = _PAGE_NUMBER.search(note)
    return match.group(1) if match else ""


def overlap(text: str, other: str) -> float:
    grams = han_bigrams(text)
    return len(grams & han_bigrams(other)) / len(grams) if grams else 0.0


def link_edition(edition: Edition) -> None:
    articles = list(Article.objects.filter(page__edition=edition).select_related("page"))
    link_continuations(articles)
    link_teasers(edition, articles)


def link_continuations(articles: list[Article]) -> None:
    """Join each "下转第N版" part to the "上接第M版" part on page N that fits it best."""
    taken = {article.continued_on_id for article in articles if article.continued_on_id}
    joined = []
    for first in articles:
        if first.continued_on_id or not _FORWARD.search(first.continuation):
            continue
        target_page = referenced_page(first.continuation)
        candidates = [
            article
            for article in articles
            if article.page.number == target_page
            and "接" in article.continuation
            and "下转" not in article.continuation
            and referenced_page(article.continuation) == first.page.number
            and article.pk not in taken
        ]
        if candidates:
            best = max(candidates, key=lambda article: overlap(first.title, article.title + article.body))
            first.continued_on = best
            # A link is derived, like the index: no save(), which would recompute
            # keywords and reindex the article for a field neither reads.
            Article.objects.filter(pk=first.pk).update(continued_on=best)
            taken.add(best.pk)
            joined.append(first)
    # Search finds a joined story once, by the text of both parts (search/index.py).
    index_records(joined)


def link_teasers(edition: Edition, articles: list[Article]) -> None:
    """Point each teaser at the article it announces, once that article's page is in."""
    for teaser in Brief.objects.filter(page__edition=edition, kind=Brief.TEASER, target=None).select_related("page"):
        number = referenced_page(teaser.ref)
        if number:
            candidates, threshold = [a for a in articles if a.page.number == number], MIN_REFERENCED_OVERLAP
        else:
            candidates, threshold = [a for a in articles if a.page_id != teaser.page_id], MIN_UNREFERENCED_OVERLAP
        scored = [(overlap(teaser.text, f"{a.kicker}{a.title}{a.subtitle}"), a) for a in candidates]
        best = max(scored, key=lambda pair: pair[0], default=(0.0, None))
        if best[1] is not None and best[0] >= threshold:
            Brief.objects.filter(pk=teaser.pk).update(target=best[1])


# A photo's caption must share this much of its character pairs with a story on its
# page to be shown with it. Captions of a story's scene share far more: "2月8日，在云川
# 省岚山县白岩村，返乡青年蒙小芽（右）在茶园里……" shares 0.74 with the story of 蒙小芽's
# tea, "3月5日，青岚市第三中学的学生在市科技馆体验VR航天模拟驾驶" 0.37 with the story of
# the youth science survey. A photo of its own, with no story on the page, shares
# little with any: the seed's "近年来，河北省沧县深入挖掘特色文化资源……" 0.10 at most.
MIN_CAPTION_OVERLAP = 0.3


def pair_photos(page) -> None:
    """Give each photo of a freshly imported page the story on the page its caption shares
    most words with, when it shares enough and no other story shares as much."""
    articles = list(page.articles.all())
    for photo in page.photos.filter(article__isnull=True):
        scored = sorted(
            ((overlap(photo.caption, f"{a.kicker}{a.title}{a.subtitle}{a.body}"), a) for a in articles),
            key=lambda pair: pair[0],
            reverse=True,
        )
        if not scored or scored[0][0] < MIN_CAPTION_OVERLAP:
            continue
        if len(scored) > 1 and scored[1][0] == scored[0][0]:
            continue  # two stories fit as well: an editor decides
        photo.article = scored[0][1]
        photo.save(update_fields=["article"])
