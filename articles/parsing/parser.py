"""parse_page: the text of one newspaper page in, its structure out."""

import logging
import re

from .assembly import Assembler, Draft
from .bylines import authors_of, join_bylines, split_trailing_author, split_trailing_continuation
from .furniture import split_furniture, split_running_furniture
from .headlines import Head, claim_loose_runs
from .layout import cut_units
from .lines import Line, read_lines
from .matching import pair_headlines
from .onecolumn import is_one_column, parse_one_column
from .structure import PARAGRAPH, Article, Block, PageStructure
from .text import keep_apart

logger = logging.getLogger(__name__)


def parse_page(text: str) -> PageStructure:
    """Parse one page. Never raises on any text, and keeps every character that counts.

    The parser only cuts the page's text into pieces, so a bug could drop or
    repeat a piece but never change a character: counting the letters, digits
    and Han characters on both sides catches it. Should that ever happen, the
    page comes back as one plain article holding all its lines, so an editor
    still sees everything. (The property tests check the full invariant, on
    NFKC-normalised text as the scorer counts it; this check can count the raw
    text because the parser never changes a character, and keep_apart stops NFKC
    from fusing two characters that it sets side by side.)
    """
    structure = build_structure(text)
    if count_countable(text) != count_countable(output_text(structure)):
        logger.error("parser lost or repeated text; returning the page unparsed")
        return unparsed(text)
    return structure


def build_structure(text: str) -> PageStructure:
    lines = read_lines(text)
    if is_one_column(lines):
        running = split_running_furniture(lines)
        structure = parse_one_column(running.page, running.lines, running.breaks, running.paper_lines)
    else:
        structure = parse_printed_page(lines)
    keep_fields_apart(structure)
    return structure


def parse_printed_page(lines: list[Line]) -> PageStructure:
    page, lines = split_furniture(lines)
    assembler = Assembler(cut_units(lines))
    assembler.run()
    drafts, headlines = pair_headlines(assembler.drafts, assembler.heads)
    gone = claim_loose_runs(assembler.loose_runs, drafts, headlines)
    briefs = [brief for brief in assembler.briefs if id(brief) not in gone]
    articles = [article_from(draft, headlines.get(d)) for d, draft in enumerate(drafts)]
    paired = {id(head) for head in headlines.values()}
    articles += [article_from(None, head) for head in assembler.heads if id(head) not in paired]
    by_position = lambda record: record.position  # noqa: E731
    structure = PageStructure(
        page=page,
        articles=sorted(articles, key=by_position),
        columns=assembler.columns,
        briefs=sorted(briefs, key=by_position),
        photos=sorted(assembler.photos, key=by_position),
    )
    return structure


ARTICLE_TEXT_FIELDS = ("kicker", "title", "subtitle", "column", "dateline", "byline", "continuation")


def keep_fields_apart(structure: PageStructure) -> None:
    """No text field may open with a character that NFKC would fuse into the field read before it."""
    structure.page.lines = [keep_apart(line) for line in structure.page.lines]
    structure.columns = [keep_apart(column) for column in structure.columns]
    for article in structure.articles:
        for name in ARTICLE_TEXT_FIELDS:
            setattr(article, name, keep_apart(getattr(article, name)))
        for block in article.body:
            block.text = keep_apart(block.text)
    for brief in structure.briefs:
        brief.text, brief.ref = keep_apart(brief.text), keep_apart(brief.ref)
    for photo in structure.photos:
        photo.caption, photo.credit = keep_apart(photo.caption), keep_apart(photo.credit)


def article_from(draft: Draft | None, head: Head | None) -> Article:
    article = Article()
    if head is not None:
        headline = head.headline
        article.kicker, article.title, article.subtitle = headline.kicker, headline.title, headline.subtitle
        article.byline = headline.byline
        article.position = head.position
    if draft is None:
        article.authors = authors_of(article.byline)
        return article
    article.position = draft.position
    article.dateline, article.column, article.continuation = draft.dateline, draft.column, draft.continuation
    # A headline's "▶ 本报记者 张伟" over a body that opens "本报讯（记者 李争粉）": keep both names.
    article.byline = join_bylines(article.byline, draft.byline)
    article.body = [Block(piece.kind, piece.text) for piece in draft.pieces]
    paragraphs = [block for block in article.body if block.kind == PARAGRAPH]
    if paragraphs:
        last = paragraphs[-1]
        last.text, note = split_trailing_continuation(last.text)
        if note:
            article.continuation = (article.continuation + " " + note).strip()
        last.text, author = split_trailing_author(last.text)
        if author:
            article.byline = join_bylines(article.byline, author)
    article.body = [block for block in article.body if block.text]
    article.authors = authors_of(article.byline)
    return article


_NOT_COUNTABLE = re.compile(r"[\W_]+")


def count_countable(text: str) -> int:
    """How many Han characters, letters and digits a text holds: what must survive parsing."""
    return len(_NOT_COUNTABLE.sub("", text))


def output_text(structure: PageStructure) -> str:
    """All the text fields of a parsed page, as PAGE_FORMAT.md lists them. An article's
    column is not among them: it repeats a rubric of structure.columns, counted once."""
    parts = list(structure.page.lines) + list(structure.columns)
    for article in structure.articles:
        parts += [article.kicker, article.title, article.subtitle, article.dateline, article.byline]
        parts += [article.continuation] + [block.text for block in article.body]
    for brief in structure.briefs:
        parts += [brief.text, brief.ref]
    for photo in structure.photos:
        parts += [photo.caption, photo.credit]
    return "".join(parts)


def unparsed(text: str) -> PageStructure:
    lines = [line.text for line in read_lines(text)]
    body = [Block(PARAGRAPH, keep_apart(line)) for line in lines]
    return PageStructure(articles=[Article(body=body)] if body else [])
