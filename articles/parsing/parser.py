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
    """The structure of one page's text, in four stages (parse_page checks that it kept everything).

    On the seed page (tests/fixtures/pages/000_836e624efba3a217.txt):

    1. Lines (``lines.read_lines``): 478 source lines give 243 printed ones, each
       knowing its width in characters, whether a space leads it (" 学习贯彻党的二十大精神")
       and whether a blank line follows. The seed is a printed page in columns, not a
       web edition's one running column (``onecolumn.is_one_column``), and prints no
       header or footer (``furniture.split_furniture`` finds none: its paper and date
       come from its manifest, in the importer).
    2. Units (``layout.cut_units``), by shape alone: 55 of them. Glued lines with no
       sentence are a headline ("计量能力和水平纳入高企认定"); a lone line with no sentence
       is short ("高新区在行动"); running lines make paragraphs, each with its column's
       width ("本报讯 工业和信息化部…", 28 wide; the 简讯 11 wide); a credit
       ("新华社记者" ⏎ "牟宇/摄", and "新华社发" cut off a caption's last line) and
       the page's notes are units of their own.
    3. Assembly (``assembly.Assembler``, whose docstring walks the seed unit by unit):
       bodies (drafts) with their datelines, headline groups, news briefs, teasers,
       photos and the rubric "学习贯彻党的二十大精神 高新区在行动".
    4. Pairing (``matching.pair_headlines``): the four bodies and five headlines become
       five articles, one body cut in two before "召开企业家座谈会…" for the spare
       headline "国家高新区“新春第一会”战鼓催征"; ``headlines.claim_loose_runs`` then finds
       no body for the teaser lines, so they stay teasers. ``article_from`` reads each
       article's closing author ("…停车位的10%。 丁涛", "…体系。 方山").
    """
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
