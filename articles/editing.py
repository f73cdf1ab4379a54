"""Fixes for the parser's mistakes, without retyping: the operations behind the admin's tools.

Each operation runs in one transaction and writes through the models' save()
and delete(), so the search index and the history follow every change.
"""

from django.db import transaction

from .body import blocks_to_body, body_to_blocks
from .models import Article, Brief
from .parsing.structure import PARAGRAPH, Block


class EditError(ValueError):
    """The fix cannot be made as asked; str() says why, for the editor."""


def _in_order(*articles: Article) -> list[Article]:
    return sorted(articles, key=lambda article: (article.page_id, article.position, article.pk))


@transaction.atomic
def merge_articles(first: Article, second: Article) -> Article:
    """One article from two: the earlier keeps its headline and takes the later's body."""
    if first.pk == second.pk:
        raise EditError("请选择两篇不同的文章。")
    keep, drop = _in_order(first, second)
    keep.body = blocks_to_body(body_to_blocks(keep.body) + body_to_blocks(drop.body))
    for field in ("kicker", "title", "subtitle", "dateline", "byline", "continuation", "column"):
        if not getattr(keep, field) and getattr(drop, field):
            setattr(keep, field, getattr(drop, field))
    keep.authors = keep.authors or drop.authors
    drop.delete()
    keep.save()
    return keep


@transaction.atomic
def split_article(article: Article, at: int) -> Article:
    """Cut an article before its block number at (0-based): the new article takes the rest, untitled."""
    blocks = body_to_blocks(article.body)
    if not 0 < at < len(blocks):
        raise EditError(f"只能在第 2 到第 {len(blocks)} 段之前拆分。")
    article.body = blocks_to_body(blocks[:at])
    article.save()
    return Article.objects.create(page=article.page, position=article.position + 1, body=blocks_to_body(blocks[at:]))


@transaction.atomic
def move_paragraph(source: Article, index: int, target: Article, to_start: bool = False) -> None:
    """Move block number index of source to the end (or start) of target."""
    if source.pk == target.pk:
        raise EditError("请选择另一篇文章作为目标。")
    blocks = body_to_blocks(source.body)
    if not 0 <= index < len(blocks):
        raise EditError("没有这一段。")
    moved = blocks.pop(index)
    target_blocks = body_to_blocks(target.body)
    target.body = blocks_to_body([moved, *target_blocks] if to_start else [*target_blocks, moved])
    source.body = blocks_to_body(blocks)
    source.save()
    target.save()


@transaction.atomic
def swap_headlines(first: Article, second: Article) -> None:
    """Exchange kicker, title and subtitle: the parser gave each body the other's headline."""
    if first.pk == second.pk:
        raise EditError("请选择两篇不同的文章。")
    for field in ("kicker", "title", "subtitle"):
        a, b = getattr(first, field), getattr(second, field)
        setattr(first, field, b)
        setattr(second, field, a)
    first.save()
    second.save()


@transaction.atomic
def brief_to_article(brief: Brief) -> Article:
    """A brief that is really a short article: its text becomes the body, at the same place."""
    article = Article.objects.create(
        page=brief.page, position=brief.position, body=blocks_to_body([Block(PARAGRAPH, brief.text)])
    )
    brief.delete()
    return article


@transaction.atomic
def article_to_brief(article: Article, kind: str = Brief.NEWS) -> Brief:
    """An article that is really a brief or a teaser: its headline and body become the text."""
    parts = [article.kicker, article.title, article.subtitle, *(b.text for b in body_to_blocks(article.body))]
    text = "".join(part for part in parts if part)
    if not text:
        raise EditError("这篇文章没有文字，无法转为简讯。")
    brief = Brief.objects.create(page=article.page, position=article.position, kind=kind, text=text)
    article.delete()
    return brief
