"""Pages set as one column of running text, one story after another.

This is the shape of a web edition rendered to PDF, as pdfminer.six reads it:

    一户家庭开启智能新生活（“十四五”的发          <- title, wrapped mid-word
    展镜头）
    本报记者  王崟欣                              <- author line
    《人民日报》（2025年10月20日 第 02 版）       <- the paper's line, under every title
    亮点                                          <- a boxed highlight: the subtitle
    2020年至2024年，居民服务性消费支出年均增长9.6%
    在上海市闵行区，陶多多和丈夫终于有了属于自己的小家。
    新房装修，所有家电都是小两口精心挑选的——智能空调、智能    <- body lines, 30 wide
    …
    第 30 页                                      <- page furniture, then a form feed

Unlike a printed page (``layout`` and ``assembly``), nothing stands out of
reading order and there are no briefs or teasers. The work is telling the
heads (title, author line, subtitle), the subheads and the closing notes from
the body, from the shapes of the lines alone:

1. ``pieces``: lines rejoin while the line before fills the column; a line that
   opens on a closing bracket continues the one before ("展镜头）").
2. ``heads``: a head is the run of open pieces (no sentence end) just before the
   paper's line, or a short line over a reporter's byline after a finished
   paragraph ("战略科技持续壮大" ⏎ "本报记者  刘诗瑶").
3. ``article_from_pieces``: subtitle, subheads, dateline, closing notes, photos.
"""

import re
from dataclasses import dataclass, field

from .bylines import collapse_padding
from .layout import MAX_SUBHEAD_LINES
from .lines import Line
from .notes import finish_article, is_author_line, is_credit
from .structure import PARAGRAPH, SUBHEAD, Article, Block, PageInfo, PageStructure, Photo
from .text import CLOSERS, ends_sentence, join_lines
from .vocabulary import BYLINE_LINE, DATELINE, SIGNATURE_LINE

# A column of running text at least this wide (in Han characters) is a web page's,
# not a printed page's: printed columns hold 11 to 20 ("about 11 characters in the
# brief and caption columns, 20 to 30 in article columns"), while the web edition's
# body lines hold 30: "新房装修，所有家电都是小两口精心挑选的——智能空调、智能".
MIN_FLOW_WIDTH = 24
# ... and most lines fill it: 59–73% of the 人民日报 pages' lines are within
# FULL_SLACK of the width, against 30–43% on printed pages with their mixed columns.
MIN_FULL_SHARE = 0.5
# A line this close to the column width fills it. Two characters of slack: a
# paragraph's first line is indented by two ("“十四五”时期，随着服务消费场景更新，
# 服务消费潜能激活，" is 28 wide in a column of 30).
FULL_SLACK = 2.5
# A pull-quote under the head is a sentence, at least half a column wide: "无论干革命，
# 还是搞建设，…集中体现在党的坚强领导"; a poem's first line ("黔灵山推窗可见") is not.
MIN_PULL_QUOTE_SHARE = 0.5
# A head holds a title of up to three lines and an author line: "要学“对不对”，也学“美不美”（中国道"
# ⏎ "路中国梦·青春为中国式现代化挺膺担当" ⏎ "）" ⏎ "赵佳洁" is four pieces, the bracket joining its line.
MAX_HEAD_PIECES = 4
# A boxed highlight's label is a word or two: "亮点".
MAX_LABEL_LENGTH = 4
# A subhead states a point in a clause: "不少同学反映，实习协议不对等、实习待遇低、缺乏实习指导";
# a poem line ("有灵猴三两只") is shorter.
MIN_SUBHEAD_LENGTH = 8
_SPACES = re.compile(r"\s+")


@dataclass
class Piece:
    """Lines rejoined into one paragraph, or one head line."""

    lines: list[Line]
    after_break: bool  # page furniture stood just before it: the PDF page turned
    before_paper_line: bool  # the paper's line ("《人民日报》（…第 02 版）") follows it

    @property
    def text(self) -> str:
        return join_lines([line.text for line in self.lines])

    @property
    def position(self) -> int:
        return self.lines[0].index

    @property
    def open(self) -> bool:
        """No sentence end closes it: a head, subhead, note or poem line."""
        return not ends_sentence(self.lines[-1].text)


@dataclass
class Story:
    head: list[Piece]
    pieces: list[Piece] = field(default_factory=list)


def column_width(lines: list[Line]) -> float:
    """The most common line width: the width of the body column."""
    counts: dict[int, int] = {}
    for line in lines:
        counts[round(line.width)] = counts.get(round(line.width), 0) + 1
    return max(counts, key=lambda w: (counts[w], w)) if counts else 0


def is_one_column(lines: list[Line]) -> bool:
    width = column_width(lines)
    if width < MIN_FLOW_WIDTH:
        return False
    full = sum(1 for line in lines if width - FULL_SLACK <= line.width <= width + 1)
    return full >= MIN_FULL_SHARE * len(lines)


def parse_one_column(page: PageInfo, lines: list[Line], breaks: set[int], paper_lines: set[int]) -> PageStructure:
    """The structure of a one-column page. ``breaks`` holds the indices of the lines
    that follow page furniture; ``paper_lines`` those of the lines the paper's line follows."""
    width = column_width(lines)
    pieces = cut_pieces(lines, width, breaks, paper_lines)
    structure = PageStructure(page=page)
    for story in stories(pieces, width):
        article_or_photo(story, width, structure)
    return structure


def cut_pieces(lines: list[Line], width: float, breaks: set[int], paper_lines: set[int]) -> list[Piece]:
    pieces: list[Piece] = []
    for line in lines:
        last = pieces[-1] if pieces else None
        if last and not last.before_paper_line and continues(last.lines[-1], line, width):
            last.lines.append(line)
            last.before_paper_line = line.index in paper_lines
        else:
            pieces.append(Piece([line], line.index in breaks, line.index in paper_lines))
    return pieces


def continues(previous: Line, line: Line, width: float) -> bool:
    """Whether a line goes on with the paragraph of the line before it."""
    # "一户家庭开启智能新生活（“十四五”的发" ⏎ "展镜头）": a line never opens on a closing bracket.
    if line.text[0] in CLOSERS:
        return True
    # "新华社北京10月19日电  10月19日，全国妇联系统召开视频会": the spaces after a
    # dateline shorten its line, which still runs on.
    if DATELINE.match(previous.text) and not ends_sentence(previous.text):
        return True
    return previous.width >= width - FULL_SLACK and not ends_sentence(previous.text)


def stories(pieces: list[Piece], width: float) -> list[Story]:
    """Cut the pieces into stories, each opening on its head."""
    found: list[Story] = []
    current = Story(head=[])
    i = 0
    while i < len(pieces):
        head_end = head_ending_at(pieces, i, width)
        if head_end is None:
            current.pieces.append(pieces[i])
            i += 1
            continue
        if current.head or current.pieces:
            found.append(current)
        current = Story(head=pieces[i : head_end + 1])
        i = head_end + 1
    if current.head or current.pieces:
        found.append(current)
    return found


def head_ending_at(pieces: list[Piece], start: int, width: float) -> int | None:
    """If a head opens at ``start``, the index of its last piece."""
    piece = pieces[start]
    if not may_open_head(pieces, start):
        return None
    # The paper's line under the head: every open piece up to it is the head's.
    end = start
    while end - start < MAX_HEAD_PIECES and end < len(pieces) and pieces[end].open:
        if pieces[end].before_paper_line:
            break
        end += 1
    turned = any(piece.after_break for piece in pieces[start + 1 : end + 1])
    if end < len(pieces) and pieces[end].open and pieces[end].before_paper_line and not turned:
        return end
    # "战略科技持续壮大" ⏎ "本报记者  刘诗瑶" after a finished paragraph: a title over a reporter.
    if start + 1 < len(pieces) and len(piece.lines) == 1 and piece.lines[0].width < width - FULL_SLACK:
        byline = pieces[start + 1]
        if byline.open and len(byline.lines) == 1 and BYLINE_LINE.match(collapse_padding(byline.text)):
            return start + 1
    return None


def may_open_head(pieces: list[Piece], start: int) -> bool:
    """A head opens a page, follows a finished paragraph or a page turn, and is no note:
    a bracketed "（刘张烨参与采写）" or a dashed "——编  者" closes the story before."""
    piece = pieces[start]
    if not piece.open or piece.text[0] in "（(—":
        return False
    if start == 0 or piece.after_break:
        return True
    before = pieces[start - 1]
    return not before.open or bool(SIGNATURE_LINE.match(before.text)) or before.text[0] in "（("


def article_or_photo(story: Story, width: float, structure: PageStructure) -> None:
    article = Article()
    head = story.head
    if head:
        article.position = head[0].position
        if len(head) > 1 and is_author_line(head[-1].text):
            article.byline = _SPACES.sub(" ", head[-1].text)
            head = head[:-1]
        article.title = join_lines([piece.text for piece in head])
    else:
        article.position = story.pieces[0].position
    pieces = list(story.pieces)
    article.subtitle, pieces = take_subtitle(pieces, width, bool(story.head))
    blocks: list[Block] = []
    for k, piece in enumerate(pieces):
        if is_credit(piece.text) and blocks and blocks[-1].kind == PARAGRAPH:
            caption = blocks.pop()
            structure.photos.append(Photo(caption=caption.text, credit=piece.text, position=pieces[k - 1].position))
            continue
        kind = SUBHEAD if is_subhead(pieces, k, width) else PARAGRAPH
        blocks.append(Block(kind, piece.text))
    if not blocks and structure.photos and structure.photos[-1].position > article.position:
        # "图片报道" over a caption and its credit: the head is the photo's rubric.
        if article.title:
            structure.columns.append(article.title)
        return
    article.body = blocks
    finish_article(article)
    structure.articles.append(article)


def take_subtitle(pieces: list[Piece], width: float, has_head: bool) -> tuple[str, list[Piece]]:
    """The subtitle printed between the head and the body: a boxed highlight ("亮点" and
    the line under it) or pull-quotes, open sentences of at least half a column."""
    if not has_head or len(pieces) < 2:
        return "", pieces
    first = pieces[0]
    if first.open and len(first.lines) == 1 and len(first.text) <= MAX_LABEL_LENGTH and not first.after_break:
        return first.text + " " + pieces[1].text, pieces[2:]
    quotes = 0
    while (
        quotes < len(pieces) - 1
        and pieces[quotes].open
        and not DATELINE.match(pieces[quotes].text)
        and sum(line.width for line in pieces[quotes].lines) >= MIN_PULL_QUOTE_SHARE * width
    ):
        quotes += 1
    if quotes and not pieces[quotes].open:
        return " ".join(piece.text for piece in pieces[:quotes]), pieces[quotes:]
    return "", pieces


def is_subhead(pieces: list[Piece], k: int, width: float) -> bool:
    """An open clause of a line or two, between a finished paragraph and a paragraph of
    several lines: "实习应聘也要实习经历，实习门槛越来越高，形成付费实习等灰" ⏎ "色产业"."""
    piece = pieces[k]
    if not piece.open or len(piece.lines) > MAX_SUBHEAD_LINES or len(piece.text) < MIN_SUBHEAD_LENGTH:
        return False
    if piece.text[0] in "（(—" or k == 0 or k + 1 >= len(pieces):
        return False
    before, after = pieces[k - 1], pieces[k + 1]
    return not before.open and len(after.lines) >= 2
