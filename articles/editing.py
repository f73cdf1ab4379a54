"""Fixes for the parser's mistakes, without retyping: the operations behind the admin's tools.

Each operation runs in one transaction and writes through the models' save()
and delete(), so the search index and the history follow every change. Each
keeps every headline, subtitle, kicker, byline, dateline and credit somewhere a
reader sees it; each is one EditStep, which undo_step reverses whole; and each
tells articles/addresses.py where the text of a record it removes went.
"""

import json
import re

from django.core import serializers
from django.db import transaction
from django.utils import timezone

from . import addresses
from .body import blocks_to_body, body_to_blocks
from .models import Article, Brief, EditStep, RecordAddress
from .parsing.structure import PARAGRAPH, SUBHEAD, Block

HEADLINE_FIELDS = ("kicker", "title", "subtitle")
# A brief made from an article keeps its headline in these brackets, so that it
# is seen apart from the text and turning the brief back finds it again:
# "【首批自然资源节约集约示范县公布】本报讯（记者 秦朗）日前，……".
_BRIEF_HEADLINE = re.compile(r"^【([^【】]+)】")


class EditError(ValueError):
    """The fix cannot be made as asked; str() says why, for the editor."""


def _in_order(*articles: Article) -> list[Article]:
    return sorted(articles, key=lambda a: (a.page.number_sort, a.page_id, a.position, a.pk))


def _same_edition(first, second) -> None:
    """Two records of different papers or days are never one story."""
    if first.page.edition_id != second.page.edition_id:
        raise EditError("只能在同一期报纸内整理：所选内容属于不同的报纸或日期。")


class _Step:
    """What one fix changed, for undo_step: the records as they were, and those it made."""

    def __init__(self, name: str, *records):
        self.name = name
        self.before = json.loads(serializers.serialize("json", [r for r in records if r.pk]))
        self.created: list[list] = []

    def made(self, record) -> None:
        self.created.append([addresses.kind_of(record), record.pk])

    def done(self) -> EditStep:
        return EditStep.objects.create(name=self.name[:200], before=self.before, created=self.created)


def _save(record, reason: str) -> None:
    record._change_reason = reason  # the history's 修改原因 (django-simple-history)
    record.save()


def _delete(record, reason: str) -> None:
    record._change_reason = reason
    record.delete()


def _heading_of(article: Article) -> list[Block]:
    return [Block(SUBHEAD, getattr(article, field)) for field in HEADLINE_FIELDS if getattr(article, field)]


def _signature_of(article: Article) -> str:
    return " ".join(part for part in (article.dateline, article.byline) if part)


@transaction.atomic
def merge_articles(first: Article, second: Article) -> Article:
    """One article from two of the same edition: the earlier keeps its headline and takes the
    later's body; the later's own headline and byline stay in the body, where it began."""
    if first.pk == second.pk:
        raise EditError("请选择两篇不同的文章。")
    _same_edition(first, second)
    keep, drop = _in_order(first, second)
    teasers = list(drop.teasers.all())
    # An earlier part that went on in the later article goes on in the merged one.
    earlier = Article.objects.filter(continued_on=drop).exclude(pk=keep.pk).first()
    if earlier is not None and Article.objects.filter(continued_on=keep).exists():
        earlier = None
    name = f"合并文章《{keep}》和《{drop}》"
    step = _Step(name, keep, drop, *teasers, *([earlier] if earlier else []))
    joined = []
    # The later part's headline and byline, where the earlier has its own: a
    # subhead and a line of the body, "## 强信心：多起来" / "本报记者 张伟".
    for field in (*HEADLINE_FIELDS, "dateline", "byline", "column"):
        if not getattr(keep, field) and getattr(drop, field):
            setattr(keep, field, getattr(drop, field))
    if any(getattr(drop, f) and getattr(drop, f) != getattr(keep, f) for f in HEADLINE_FIELDS):
        joined += _heading_of(drop)
    if (signature := _signature_of(drop)) and signature != _signature_of(keep):
        joined.append(Block(PARAGRAPH, signature))
    keep.body = blocks_to_body(body_to_blocks(keep.body) + joined + body_to_blocks(drop.body))
    keep.authors = list(dict.fromkeys([*keep.authors, *drop.authors]))
    # Two parts of a continued story: the merged article continues where the later part did.
    following = None
    if keep.continued_on_id == drop.pk:
        following, keep.continued_on_id = drop.continued_on_id, None
        keep.continuation = drop.continuation if drop.continued_on_id else ""
    drop_pk = drop.pk
    _delete(drop, name)
    keep.continued_on_id = following
    _save(keep, name)
    for teaser in teasers:
        teaser.target = keep
        _save(teaser, name)
    if earlier is not None:
        earlier.refresh_from_db()
        earlier.continued_on = keep
        _save(earlier, name)
    addresses.moved("article", drop_pk, keep)
    step.done()
    return keep


@transaction.atomic
def split_article(article: Article, at: int) -> Article:
    """Cut an article before its block number at (0-based): the new article takes the rest.
    A subhead where the cut falls becomes the new article's title, never "## …" text."""
    blocks = body_to_blocks(article.body)
    if not 0 < at < len(blocks):
        raise EditError(f"只能在第 2 到第 {len(blocks)} 段之前拆分。")
    name = f"拆分文章《{article}》"
    step = _Step(name, article)
    rest, title = blocks[at:], ""
    if rest[0].kind == SUBHEAD:
        title, rest = rest[0].text, rest[1:]
    new = Article(page=article.page, position=article.position + 1, title=title, body=blocks_to_body(rest))
    # "（下转第3版）" is printed where the text ends, so it goes with the rest;
    # "（上接第1版）" where it starts, so it stays.
    if article.continuation and "接" not in article.continuation:
        new.continuation, article.continuation = article.continuation, ""
        new.continued_on_id, article.continued_on_id = article.continued_on_id, None
    article.body = blocks_to_body(blocks[:at])
    _save(article, name)
    _save(new, name)
    step.made(new)
    step.done()
    return new


@transaction.atomic
def move_paragraph(source: Article, index: int, target: Article, to_start: bool = False) -> None:
    """Move block number index of source to the end (or start) of target."""
    if source.pk == target.pk:
        raise EditError("请选择另一篇文章作为目标。")
    _same_edition(source, target)
    blocks = body_to_blocks(source.body)
    if not 0 <= index < len(blocks):
        raise EditError("没有这一段。")
    name = f"把《{source}》的一段移到《{target}》"
    step = _Step(name, source, target)
    moved = blocks.pop(index)
    target_blocks = body_to_blocks(target.body)
    target.body = blocks_to_body([moved, *target_blocks] if to_start else [*target_blocks, moved])
    source.body = blocks_to_body(blocks)
    _save(source, name)
    _save(target, name)
    step.done()


@transaction.atomic
def swap_headlines(first: Article, second: Article) -> None:
    """Exchange kicker, title and subtitle: the parser gave each body the other's headline."""
    if first.pk == second.pk:
        raise EditError("请选择两篇不同的文章。")
    _same_edition(first, second)
    name = f"交换《{first}》和《{second}》的标题"
    step = _Step(name, first, second)
    for field in HEADLINE_FIELDS:
        a, b = getattr(first, field), getattr(second, field)
        setattr(first, field, b)
        setattr(second, field, a)
    _save(first, name)
    _save(second, name)
    step.done()


def _earlier_id(record, new_kind: str) -> int | None:
    """The id this record had as a new_kind before it was converted, when that id is free:
    an article turned into a brief and back is at its first address again."""
    for entry in RecordAddress.objects.filter(
        kind=new_kind, target_kind=addresses.kind_of(record), target_id=record.pk
    ):
        if not addresses.MODELS[new_kind].objects.filter(pk=entry.record_id).exists():
            return entry.record_id
    return None


@transaction.atomic
def brief_to_article(brief: Brief) -> Article:
    """A brief that is really a short article: its text becomes the body, at the same place;
    a headline in 【】 (what article_to_brief keeps one in) becomes the title again."""
    name = f"把简讯《{brief}》转为文章"
    step = _Step(name, brief)
    text, title = brief.text, ""
    if match := _BRIEF_HEADLINE.match(text):
        title, text = match.group(1), text[match.end() :]
    body = [Block(PARAGRAPH, line) for line in text.splitlines() if line.strip()]
    article = Article(
        pk=_earlier_id(brief, "article"),
        page=brief.page,
        position=brief.position,
        title=title,
        body=blocks_to_body(body),
        **_box_of(brief),
    )
    return _replace(brief, article, name, step)


@transaction.atomic
def article_to_brief(article: Article, kind: str = Brief.NEWS) -> Brief:
    """An article that is really a brief or a teaser: its headline, in 【】, its dateline and
    byline and its body become the text, each still apart from the others."""
    heading = " ".join(getattr(article, field) for field in HEADLINE_FIELDS if getattr(article, field))
    signature = article.dateline
    if article.byline:
        signature += f"（{article.byline}）" if signature else article.byline + " "
    paragraphs = [block.text for block in body_to_blocks(article.body)]
    if not heading and not paragraphs:
        raise EditError("这篇文章没有文字，无法转为简讯。")
    text = (f"【{heading}】" if heading else "") + signature + "\n".join(paragraphs)
    name = f"把文章《{article}》转为{dict(Brief.KINDS)[kind]}"
    step = _Step(name, article, *article.teasers.all())
    brief = Brief(
        pk=_earlier_id(article, "brief"),
        page=article.page,
        position=article.position,
        kind=kind,
        text=text,
        **_box_of(article),
    )
    return _replace(article, brief, name, step)


def _replace(old, new, name: str, step):
    """Put the new record in the old one's place, as one step: the old deleted, the new
    saved, and the old one's address leading to the new one."""
    old_kind, old_pk = old.url_name, old.pk
    _delete(old, name)
    _save(new, name)
    addresses.back(new)
    addresses.moved(old_kind, old_pk, new)
    step.made(new)
    step.done()
    return new


def _box_of(record) -> dict:
    return {field: getattr(record, field) for field in ("box_left", "box_top", "box_width", "box_height")}


def _changed_since(step: EditStep) -> bool:
    """Whether a record the step touched was changed again after it: undoing would lose that."""
    for kind, pk in [*((e["model"].split(".")[1], e["pk"]) for e in step.before), *step.created]:
        model = addresses.MODELS[kind]
        if model.history.filter(id=pk, history_date__gt=step.done_at).exists():
            return True
    return False


@transaction.atomic
def undo_step(step: EditStep) -> None:
    """Put back every record of the step as it was before, with its id and address."""
    step = EditStep.objects.select_for_update().get(pk=step.pk)
    if step.undone_at is not None:
        raise EditError("这一步已经撤销过了。")
    if _changed_since(step):
        raise EditError("这一步涉及的内容后来又修改过，不能直接撤销；请在各条内容的历史记录中逐条恢复。")
    reason = f"撤销：{step.name}"
    for kind, pk in step.created:
        if record := addresses.MODELS[kind].objects.filter(pk=pk).first():
            _delete(record, reason)
    restored = []
    # Each record written back as it was; a link to one not yet written back is
    # checked at commit (Django's foreign keys are deferred on both backends).
    for entry in serializers.deserialize("json", json.dumps(step.before)):
        record = entry.object
        _save(record, reason)
        addresses.back(record)
        restored.append(record)
    for kind, pk in step.created:
        if restored:
            addresses.moved(kind, pk, addresses.MODELS[restored[0].url_name].objects.with_page().get(pk=restored[0].pk))
    step.undone_at = timezone.now()
    step.save()
