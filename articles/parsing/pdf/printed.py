"""A printed page's structure from its geometry: what the text alone cannot show.

A typesetter writes the content stream in any order (page-1 of ../shared/pdf
writes every headline after all the bodies), so nothing here relies on it.
Sizes and places decide instead, against the body text's own size:

- a **title** is set at twice the body size or more (18–34pt over a 9pt body);
- a **deck** between (11–16pt) is the kicker above its title, the subtitle
  under it, or, inside a box, a **rubric** ("总书记的关切·落地的回响");
- a line in the heading face at body size under a head is its **byline**
  ("本报记者  程龙  潘俊强"); inside a body, a **subhead** ("（一）");
- smaller lines by a picture are its **caption**, the last one its credit.

Each body block belongs to the nearest head above it that it stands under,
unless a printed rule parts them. A rubric with no title over its column heads
news in brief (简讯): each paragraph there is a brief.
"""

from dataclasses import dataclass, field

from ..furniture import read_page_info
from ..notes import finish_article, is_author_line, is_credit
from ..structure import NEWS, PARAGRAPH, SUBHEAD, Article, Block, Brief, PageStructure, Photo
from ..text import join_lines
from ..vocabulary import CREDIT_WORDS
from .document import PdfPage, Picture
from .geometry import Rule, TextBlock, TextLine, body_style, build_blocks, overlap

# Sizes, as multiples of the body size. Titles are set at 18–34pt over a 9–10pt body,
# kickers and subtitles at 11–16pt, subheads at 9.5pt in the heading face.
TITLE_SIZE = 1.9
DECK_SIZE = 1.15
BODY_SIZE_SLACK = 0.15
# A kicker stands this close above its title, a subtitle this close under it, in the
# deck's own size: "党的二十届四中全会10月20日至23日在北京召开" is 9 points above its 34pt title.
DECK_DISTANCE = 1.5
# A byline stands within this many body sizes under its head: "任仲平" 8 points under
# "引领未来，中国做对了什么".
BYLINE_DISTANCE = 3.0
# A rubric's box stands this close above the head it names, in the rubric's size.
RUBRIC_DISTANCE = 3.0
# A caption stands this close to its picture, in body sizes.
CAPTION_DISTANCE = 3.0
# Furniture stands outside the page's rules: the header above a rule this near the
# top, the footer under one this near the bottom (as shares of the page height).
FURNITURE_BAND = 0.12
# The share of a column a head above it covers when it heads that column (stands_over).
HEAD_OVER_COLUMN = 0.1
# A paragraph's first line is indented by two characters; one is enough to see it.
INDENT = 1.0
# Each constant below was checked by moving it on ../shared/pdf's three PDFs (records and
# boxes compared): the example named is what changes first.
#
# Points by which a glyph's box may stand past the block or box it belongs to (an
# accent, a quote mark, a box drawn tight): a block in a box, a deck over its title. No
# page here changes from 0 to 6: a margin.
OVERHANG = 2
# Points of slack where two edges meet (a column's edge, a rule under a head): at 4
# page-2.pdf's "一项改革带来就医新变化" loses its body to the story beside it; none at 0.
EDGE = 1
# A rule parts a head from a block under it when it runs across more than this share of
# the block. No page here changes from 0.1 to 0.9: a margin.
RULE_ACROSS = 0.5
# A block wider than this many points spans several columns (a page is about 800
# wide): it is read by its left edge, not its centre. At 200 page-2.pdf's "一项改革带来
# 就医新变化" story is read out of order; nothing changes up to 2000.
SPREAD = 400
# Header and footer lines within rows this many points high are read left to right:
# at 5 page-2.pdf's header ("人民日报2025年10月20日 星期一 第4版 要闻") is read otherwise.
FURNITURE_ROW = 20
# A caption line that holds a credit word and is no longer than this is its credit:
# "苗秋闹摄（新华社发）". At 5, page-1.pdf's caption keeps its credit in the text;
# nothing changes up to 80.
MAX_CREDIT_LINE = 30


@dataclass
class Head:
    title: TextBlock | None
    kicker: TextBlock | None = None
    subtitle: TextBlock | None = None
    byline: TextBlock | None = None
    rubric: TextBlock | None = None
    span: tuple[float, float] | None = None  # a rubric's box, wider than its words

    @property
    def parts(self) -> list[TextBlock]:
        return [b for b in (self.rubric, self.kicker, self.title, self.subtitle, self.byline) if b is not None]

    @property
    def x0(self) -> float:
        return self.span[0] if self.span else min(b.x0 for b in self.spanning)

    @property
    def x1(self) -> float:
        return self.span[1] if self.span else max(b.x1 for b in self.spanning)

    @property
    def spanning(self) -> list[TextBlock]:
        """The blocks whose width says which columns the head stands over."""
        return [b for b in (self.kicker, self.title, self.subtitle) if b is not None] or self.parts

    @property
    def bottom(self) -> float:
        return min(b.y0 for b in self.parts)

    @property
    def top(self) -> float:
        return max(b.y1 for b in self.parts)


@dataclass
class PrintedPage:
    """A page's structure, and where each record stands on the page."""

    structure: PageStructure
    boxes: dict[int, tuple[float, float, float, float]] = field(default_factory=dict)  # id(record) -> x0, y0, x1, y1
    pictures: dict[int, Picture] = field(default_factory=dict)  # id(photo) -> its picture


def read_printed_page(page: PdfPage, lines: list[TextLine]) -> PrintedPage:
    """The structure of a printed page, from its lines (``build_lines`` of its glyphs)."""
    body_size, body_font = body_style(lines)
    rules = [rule for rule in page.rules if not rule.is_box]
    boxes = [rule for rule in page.rules if rule.is_box]
    furniture, lines = split_furniture(lines, rules, page.height)
    blocks = build_blocks(lines, rules)
    sorter = Sorter(blocks, body_size, body_font, boxes)
    heads = sorter.heads()
    photos = sorter.photos(page.pictures)
    content = [b for b in blocks if id(b) not in sorter.used]
    columns = column_ranges([b for b in content if sorter.kind(b) == BODY])
    owners = own(content, heads, rules, columns)
    result = PrintedPage(PageStructure(page=read_page_info(furniture)))
    order = sorted(heads + [None], key=lambda h: reading_key(h.parts[0] if h else None, columns))
    for position, head in enumerate(order):
        owned = in_reading_order(owners.get(id(head), []), sorter)
        if head is None:
            if owned:
                add_article(result, Head(title=None), owned, sorter, position)
            continue
        if head.rubric is not None:
            result.structure.columns.append(join_lines([line.text for line in head.rubric.lines]))
        if head.title is None:
            add_briefs(result, owned, sorter, position)
        else:
            add_article(result, head, owned, sorter, position)
    for position, (picture, caption) in enumerate(photos, start=len(order)):
        add_photo(result, picture, caption, position)
    return result


BODY, TITLE, DECK, HEAVY, SMALL = "body", "title", "deck", "heavy", "small"


class Sorter:
    """Tells the blocks apart by size and face, and gathers them into heads and photos."""

    def __init__(self, blocks: list[TextBlock], body_size: float, body_font: str, boxes: list[Rule]):
        self.blocks = blocks
        self.body_size = body_size
        self.body_font = body_font
        self.boxes = boxes
        self.used: set[int] = set()
        self.columns = column_ranges([b for b in blocks if self.kind(b) == BODY])

    def kind(self, block: TextBlock) -> str:
        ratio = block.size / self.body_size
        if ratio >= TITLE_SIZE:
            return TITLE
        if ratio >= DECK_SIZE:
            return DECK
        if ratio < 1 - BODY_SIZE_SLACK / 2:
            return SMALL
        # "22.9%。" alone on its line is set in the Latin face: without Han, the face says nothing.
        han = any(line.has_han for line in block.lines)
        return BODY if block.font == self.body_font or not han else HEAVY

    def box_of(self, block: TextBlock) -> Rule | None:
        return next(
            (
                box
                for box in self.boxes
                if box.x0 - OVERHANG <= block.x0
                and block.x1 <= box.x1 + OVERHANG
                and box.y0 - OVERHANG <= block.y0
                and block.y1 <= box.y1 + OVERHANG
            ),
            None,
        )

    def boxed(self, block: TextBlock) -> bool:
        return self.box_of(block) is not None

    def take(self, block: TextBlock) -> TextBlock:
        self.used.add(id(block))
        return block

    def free(self, kinds: tuple[str, ...]) -> list[TextBlock]:
        return [b for b in self.blocks if id(b) not in self.used and self.kind(b) in kinds]

    def heads(self) -> list[Head]:
        heads = [Head(title=self.take(b)) for b in self.free((TITLE,))]
        rubrics = [self.take(b) for b in self.free((DECK, HEAVY)) if self.boxed(b)]
        for deck in self.free((DECK,)):
            self.attach_deck(deck, heads)
        for head in heads:
            self.attach_byline(head)
        for rubric in rubrics:
            unnamed = [h for h in heads if h.rubric is None]
            reach = RUBRIC_DISTANCE * rubric.size
            named = nearest_below(rubric, unnamed, reach) or self.head_under_open_space(rubric, unnamed, reach)
            if named is not None:
                named.rubric = rubric
            else:
                box = self.box_of(rubric)
                heads.append(Head(title=None, rubric=rubric, span=(box.x0, box.x1) if box else None))
        return heads

    def head_under_open_space(self, rubric: TextBlock, heads: list[Head], reach: float) -> Head | None:
        """The head a rubric names when it is set at the story's left edge and the title
        centred over the story ("“十四五”的文化印记" boxed over the first of four columns,
        "一堂思政课见证学生新成长" in the middle): nothing stands under the rubric down to
        that head. A rubric over news in brief (简讯) has the briefs right under it."""
        for head in sorted(heads, key=lambda h: rubric.y0 - h.top):
            if not -OVERHANG <= rubric.y0 - head.top <= reach:
                continue
            between = [
                b
                for b in self.blocks
                if b is not rubric
                and head.bottom - EDGE <= b.y1 <= rubric.y0 + EDGE
                and overlap(b.x0, b.x1, rubric.x0, rubric.x1) > 0
                and b not in head.parts
            ]
            if not between:
                return head
        return None

    def attach_deck(self, deck: TextBlock, heads: list[Head]) -> None:
        best = None
        for head in heads:
            title = head.title
            if overlap(deck.x0, deck.x1, title.x0, title.x1) <= 0:
                continue
            above = deck.y0 - title.y1
            below = title.y0 - deck.y1
            reach = DECK_DISTANCE * max(deck.size, title.size / 2)
            if -OVERHANG <= above <= reach and head.kicker is None:
                candidate = (above, head, "kicker")
            elif -OVERHANG <= below <= reach and head.subtitle is None:
                candidate = (below, head, "subtitle")
            else:
                continue
            if best is None or candidate[0] < best[0]:
                best = candidate
        if best is not None:
            setattr(best[1], best[2], self.take(deck))

    def attach_byline(self, head: Head) -> None:
        reach = BYLINE_DISTANCE * self.body_size
        for block in self.free((HEAVY,)):
            if len(block.lines) != 1 or not is_author_line(block.lines[0].text):
                continue
            gap = head.bottom - block.y1
            near = block.x0 <= head.x1 + reach and block.x1 >= head.x0 - reach
            if -OVERHANG <= gap <= reach and near:
                head.byline = self.take(block)
                return

    def photos(self, pictures: list[Picture]) -> list[tuple[Picture, TextBlock | None]]:
        found = []
        reach = CAPTION_DISTANCE * self.body_size
        for picture in pictures:
            caption = None
            for block in self.free((SMALL, HEAVY)):
                if overlap(block.x0, block.x1, picture.x0, picture.x1) <= 0:
                    continue
                if 0 <= picture.y0 - block.y1 <= reach or 0 <= block.y0 - picture.y1 <= reach:
                    caption = self.take(block)
                    break
            found.append((picture, caption))
        return found


def nearest_below(block: TextBlock, heads: list[Head], reach: float) -> Head | None:
    best = None
    for head in heads:
        gap = block.y0 - head.top
        beside = head.x0 <= block.x1 + reach * 2 and head.x1 >= block.x0
        if -OVERHANG <= gap <= reach and beside and (best is None or gap < best[0]):
            best = (gap, head)
    return best[1] if best else None


def split_furniture(lines: list[TextLine], rules: list[Rule], height: float) -> tuple[list[str], list[TextLine]]:
    """Header lines above the top rule, footer lines under the bottom one, in reading order."""
    top = max((r.y1 for r in rules if r.y0 > height * (1 - FURNITURE_BAND)), default=None)
    bottom = min((r.y0 for r in rules if r.y1 < height * FURNITURE_BAND), default=None)
    header = [line for line in lines if top is not None and line.y0 >= top]
    footer = [line for line in lines if bottom is not None and line.y1 <= bottom]
    edge = {id(line) for line in header + footer}
    by_row = lambda line: (-round(line.centre_y / FURNITURE_ROW), line.x0)  # noqa: E731
    ordered = sorted(header, key=by_row) + sorted(footer, key=by_row)
    return [line.text for line in ordered], [line for line in lines if id(line) not in edge]


def own(
    content: list[TextBlock], heads: list[Head], rules: list[Rule], columns: list[tuple[float, float]]
) -> dict[int, list[TextBlock]]:
    """Give each block to the nearest head above it that it stands under, with no rule between.
    A block stands under a head when its column does: "（下转第2版）" is set flush right."""
    owners: dict[int, list[TextBlock]] = {}
    for block in content:
        owner = next((head for span in spans_of(block, columns) if (head := owner_of(block, span, heads, rules))), None)
        if owner is None:
            owner = owner_of(block, None, [head for head in heads if alone_across(head, heads)], rules)
        owners.setdefault(id(owner), []).append(block)
    return owners


def owner_of(block: TextBlock, span: tuple[float, float] | None, heads: list[Head], rules: list[Rule]) -> Head | None:
    """The nearest head above the block that stands over span (any span if None), with no
    rule between them."""
    best = None
    for head in heads:
        gap = head.bottom - block.y1
        if gap < -OVERHANG or (span is not None and not stands_over(head, *span)):
            continue
        if any(parts(rule, block, head) for rule in rules):
            continue
        if best is None or gap < best[0]:
            best = (gap, head)
    return best[1] if best else None


def alone_across(head: Head, heads: list[Head]) -> bool:
    """No other head stands beside it: a short title centred over all its story's columns
    heads the first of them too, though it stands over the middle ones only."""
    return not any(other is not head and overlap(other.bottom, other.top, head.bottom, head.top) > 0 for other in heads)


def spans_of(block: TextBlock, columns: list[tuple[float, float]]) -> list[tuple[float, float]]:
    """Where a block may stand: its own width, then each column range that holds it, narrowest
    first. A page mixes grids, so a column of a four-column story lies inside a column of a
    two-column story below it, and only the wider range reaches a short title centred over
    the four."""
    # Half a character of slack: a flush-right glyph's box may stand past the column's edge.
    slack = block.size / 2
    holding = [(x0, x1) for x0, x1 in columns if x0 - slack <= block.x0 and block.x1 <= x1 + slack]
    return [(block.x0, block.x1), *sorted(holding, key=lambda span: span[1] - span[0])]


def stands_over(head: Head, x0: float, x1: float) -> bool:
    """A head stands over a column it covers a tenth of, or that holds all of it. A short
    title centred over two columns covers a sixth of each; a neighbour's head may stray
    a few points into a column, never a tenth of it."""
    inside = x0 - EDGE <= head.x0 and head.x1 <= x1 + EDGE
    return inside or overlap(head.x0, head.x1, x0, x1) >= HEAD_OVER_COLUMN * (x1 - x0)


def parts(rule: Rule, block: TextBlock, head: Head) -> bool:
    """A rule printed between a head and a block under it, across the block."""
    across = overlap(rule.x0, rule.x1, block.x0, block.x1) > RULE_ACROSS * (block.x1 - block.x0)
    return block.y1 - EDGE <= rule.y0 <= head.bottom + EDGE and across


def column_ranges(blocks: list[TextBlock]) -> list[tuple[float, float]]:
    """The page's columns, left to right, from its body blocks' widths."""
    ranges: list[list[float]] = []
    for block in sorted(blocks, key=lambda b: b.x0):
        if ranges and block.x0 < ranges[-1][1] - 0.5 * (block.x1 - block.x0):
            ranges[-1][1] = max(ranges[-1][1], block.x1)
        else:
            ranges.append([block.x0, block.x1])
    return [(a, b) for a, b in ranges]


def story_columns(blocks: list[TextBlock], sorter: "Sorter") -> list[tuple[float, float]]:
    """A story's own columns, then the page's: a column the story fills only in part (an
    editors' note ends on a short line, then its signature "——编  者") is measured by the
    page's columns."""
    return column_ranges([b for b in blocks if sorter.kind(b) == BODY]) + sorter.columns


def in_reading_order(blocks: list[TextBlock], sorter: "Sorter") -> list[TextBlock]:
    """A story's blocks down its own columns in turn. A page mixes grids (a lead story in
    four columns over two stories in two), so a story's columns come from its own body."""
    columns = story_columns(blocks, sorter)
    return sorted(blocks, key=lambda b: reading_key(b, columns))


def reading_key(block: TextBlock | None, columns: list[tuple[float, float]]) -> tuple[int, float]:
    """Columns left to right, each top to bottom."""
    if block is None:
        return (len(columns) + 1, 0.0)
    centre = block.centre_x if block.x1 - block.x0 < SPREAD else block.x0 + EDGE
    index = next((k for k, (x0, x1) in enumerate(columns) if x0 - EDGE <= centre <= x1 + EDGE), len(columns))
    if index == len(columns):
        index = next((k for k, (x0, _) in enumerate(columns) if block.x0 <= x0 + EDGE), len(columns))
    return (index, -block.y1)


def paragraphs_of(blocks: list[TextBlock], sorter: Sorter) -> list[Block]:
    """Body blocks as paragraphs and subheads. A paragraph runs on from one column to the
    next unless the next opens indented. Indents are measured from the column's edge, so
    a line alone in its block, set flush right ("——编  者"), opens a paragraph too."""
    result: list[Block] = []
    open_lines: list[str] = []
    columns = story_columns(blocks, sorter)

    def close() -> None:
        if open_lines:
            result.append(Block(PARAGRAPH, join_lines(open_lines)))
            open_lines.clear()

    for block in blocks:
        if sorter.kind(block) in (HEAVY, DECK):
            close()
            result.append(Block(SUBHEAD, join_lines([line.text for line in block.lines])))
            continue
        # The narrowest column wider than the block that holds it: a block of one flush-right
        # line makes a "column" of its own width, which shows no indent.
        wider = [x0 for x0, x1 in spans_of(block, columns)[1:] if x1 - x0 > block.x1 - block.x0 + block.size]
        left = wider[0] if wider else block.x0
        for k, line in enumerate(block.lines):
            indented = line.x0 > left + INDENT * line.size
            previous_short = k > 0 and block.lines[k - 1].x1 < block.x1 - 1.5 * line.size
            if indented or previous_short:
                close()
            open_lines.append(line.text)
        if block.lines[-1].x1 < block.x1 - 1.5 * block.size:
            close()
    close()
    return result


def union(blocks: list[TextBlock]) -> tuple[float, float, float, float]:
    return (min(b.x0 for b in blocks), min(b.y0 for b in blocks), max(b.x1 for b in blocks), max(b.y1 for b in blocks))


def add_article(result: PrintedPage, head: Head, owned: list[TextBlock], sorter: Sorter, position: int) -> None:
    article = Article(position=position)
    if head.title is not None:
        article.title = join_lines([line.text for line in head.title.lines])
    if head.kicker is not None:
        article.kicker = join_lines([line.text for line in head.kicker.lines])
    if head.subtitle is not None:
        article.subtitle = join_lines([line.text for line in head.subtitle.lines])
    if head.byline is not None:
        article.byline = head.byline.lines[0].text
    if head.rubric is not None:
        article.column = join_lines([line.text for line in head.rubric.lines])
    article.body = paragraphs_of(owned, sorter)
    finish_article(article)
    result.structure.articles.append(article)
    result.boxes[id(article)] = union(head.parts + owned)


def add_briefs(result: PrintedPage, owned: list[TextBlock], sorter: Sorter, position: int) -> None:
    """News in brief under a rubric: each paragraph is one item."""
    for block in paragraphs_of(owned, sorter):
        brief = Brief(kind=NEWS, text=block.text, position=position)
        result.structure.briefs.append(brief)
        result.boxes[id(brief)] = union(owned)


def add_photo(result: PrintedPage, picture: Picture, caption: TextBlock | None, position: int) -> None:
    texts = [line.text for line in caption.lines] if caption else []
    credit = texts.pop() if texts and is_credit_line(texts[-1]) else ""
    photo = Photo(caption=join_lines(texts), credit=credit, position=position)
    result.structure.photos.append(photo)
    result.pictures[id(photo)] = picture
    box = (picture.x0, picture.y0, picture.x1, picture.y1)
    result.boxes[id(photo)] = union_boxes(box, caption.box) if caption else box


def is_credit_line(text: str) -> bool:
    """A caption's last line that only credits it: "苗秋闹摄（新华社发）", "新华社记者 牟宇/摄"."""
    return is_credit(text) or (
        len(text) <= MAX_CREDIT_LINE and any(word in text for word in CREDIT_WORDS) and "。" not in text
    )


def union_boxes(a, b):
    return (min(a[0], b[0]), min(a[1], b[1]), max(a[2], b[2]), max(a[3], b[3]))
