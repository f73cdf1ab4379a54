"""A PDF page as printed lines and text blocks, from each glyph's box and size.

pdfminer.six gives every glyph with its box, font and size. Its own text
output reads neighbouring columns as one line wherever their baselines line up;
here glyphs join into a line only when they sit on one baseline *and* close
together, so a column gutter (two characters wide on a printed page) always
ends a line. Lines then stack into blocks: one paragraph run, headline, caption
or rubric, set in one font and size.
"""

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from operator import attrgetter

from ...hanzi import is_han

# Glyphs on one line: their centres are this close, in font sizes. A digit set in a
# Latin face sits a point lower than the Han beside it ("10" in "新华社北京 10 月").
SAME_LINE = 0.35
# The widest gap inside a line, in font sizes. A dateline is followed by an em space,
# which justification widens by a point or two ("新华社北京10月19日电　中共中央总书记…");
# a gutter between columns is over two characters.
MAX_GAP = 1.6
# A gap between two Han glyphs wider than this (in font sizes) is a printed space:
# "本报记者  程龙  潘俊强" pads its names by a quarter em, which justification never adds.
SPACE_GAP = 0.2
# Between Han and Latin the typesetter puts a quarter em (0.25–0.34 with justification);
# a written space beside it makes 0.5 or more.
MIXED_SPACE_GAP = 0.45
# Lines of one block follow each other this closely: body lines at 9 points are
# 15 points apart (a gap of 0.67 size); a headline's two lines at 34 points, 43.
MAX_LEADING = 1.0
# A paragraph's first line is indented by two characters, and a little more.
INDENT = 2.5
# Sizes within this many points are one size: a 9-point body and its 9-point digits.
SAME_SIZE = 0.6
# Each constant below was checked by moving it on ../shared/pdf's three PDFs (records and
# boxes compared): the example named is what changes first.
#
# A rectangle taller and wider than this many points frames something (a rubric's box
# around "“十四五”的文化印记"); a thinner one is a rule. Printed rules are a point or less
# thick, boxes far larger: nothing changes from 1 to 10.
MIN_BOX = 4
# Open lines are looked up by their centre's height in bands this many points high
# (the glyph's band and its two neighbours): at 1, page-2.pdf's story under
# "一堂思政课见证学生新成长" is read otherwise; nothing changes at 4.
LINE_BAND = 2
# Glyphs of one line differ in size by at most SAME_SIZE points or a quarter of the size:
# at 0.6 a note set a size smaller joins page-2.pdf's title ("网络主题宣传活动举行 成绩单。").
SAME_LINE_SIZE = 0.25
# A glyph may start this share of its size before the last one ends (kerned punctuation,
# "“" set tight): at 0, page-2.pdf's "一堂思政课见证学生新成长" story loses lines.
GLYPH_OVERLAP = 0.3
# A block's next line may overlap the line above by this share of its size (tight
# leading in a headline). No page here changes from 0 to 0.6: a margin.
LINE_OVERLAP = 0.2
# The shorter of two lines lies this much under the other to be one column's. No page
# here changes from 0.3 to 0.9: a margin.
STACKED = 0.6


@dataclass(slots=True)
class TypeBox:
    """Where something printed stands (in points, y upwards), and the type it is set in."""

    x0: float
    y0: float
    x1: float
    y1: float
    size: float
    font: str


@dataclass(slots=True)
class Glyph(TypeBox):
    text: str


@dataclass
class TextLine(TypeBox):
    glyphs: list[Glyph]

    @property
    def text(self) -> str:
        return line_text(self.glyphs)

    @property
    def has_han(self) -> bool:
        return any(is_han(glyph.text[:1]) for glyph in self.glyphs)

    @property
    def centre_y(self) -> float:
        return (self.y0 + self.y1) / 2


def lines_edge(edge: str, outermost: Callable) -> property:
    """A block's edge: the outermost of its lines' (min of x0 and y0, max of x1 and y1)."""
    of_line = attrgetter(edge)
    return property(lambda block: outermost(map(of_line, block.lines)))


@dataclass
class TextBlock:
    lines: list[TextLine] = field(default_factory=list)

    # Its box grows with the lines build_blocks adds to it.
    x0 = lines_edge("x0", min)
    y0 = lines_edge("y0", min)
    x1 = lines_edge("x1", max)
    y1 = lines_edge("y1", max)
    # A block is set in one size and face (build_blocks): its first line's.
    size = property(lambda block: block.lines[0].size)
    font = property(lambda block: block.lines[0].font)

    @property
    def centre_x(self) -> float:
        return (self.x0 + self.x1) / 2

    @property
    def box(self) -> tuple[float, float, float, float]:
        return (self.x0, self.y0, self.x1, self.y1)


@dataclass(frozen=True)
class Rule:
    """A printed horizontal line or a box: rules part stories, boxes hold rubrics."""

    x0: float
    y0: float
    x1: float
    y1: float

    @property
    def is_box(self) -> bool:
        return self.y1 - self.y0 > MIN_BOX and self.x1 - self.x0 > MIN_BOX


def line_text(glyphs: list[Glyph]) -> str:
    """The glyphs' text, with a space where the page prints one between two Han characters."""
    parts: list[str] = []
    for previous, glyph in zip([None, *glyphs], glyphs, strict=False):
        if previous is not None and is_space(previous, glyph):
            parts.append(" ")
        parts.append(glyph.text)
    return "".join(parts).strip()


def is_space(previous: Glyph, glyph: Glyph) -> bool:
    """Whether the gap between two glyphs prints a space."""
    gap = (glyph.x0 - previous.x1) / glyph.size
    if previous.text.isascii() != glyph.text.isascii():
        # Han beside a digit or a letter: the typesetter's quarter em ("10 月") is no
        # space, a gap twice as wide is ("新华社北京10月19日电  10月19日").
        return gap > MIXED_SPACE_GAP
    if previous.text.isascii():
        return gap > SPACE_GAP and previous.text.isalnum() and glyph.text.isalnum()
    return gap > SPACE_GAP


def dominant_font(glyphs: list[Glyph]) -> str:
    """The font of most of a line's Han glyphs (digits come in a Latin face)."""
    fonts = Counter(glyph.font for glyph in glyphs if is_han(glyph.text[:1])) or Counter(g.font for g in glyphs)
    return fonts.most_common(1)[0][0]


def build_lines(glyphs: list[Glyph]) -> list[TextLine]:
    """Join glyphs into lines: left to right, each to the open line it continues."""
    open_lines: dict[int, list[list[Glyph]]] = {}  # by centre height, in bands of LINE_BAND points
    lines: list[list[Glyph]] = []
    for glyph in sorted(glyphs, key=lambda g: g.x0):
        centre = (glyph.y0 + glyph.y1) / 2
        band = int(centre // LINE_BAND)
        best = None
        for near in (band - 1, band, band + 1):
            for candidate in open_lines.get(near, ()):
                last = candidate[-1]
                if abs(last.size - glyph.size) > max(SAME_SIZE, SAME_LINE_SIZE * last.size):
                    continue
                if abs((last.y0 + last.y1) / 2 - centre) > SAME_LINE * max(last.size, glyph.size):
                    continue
                gap = glyph.x0 - last.x1
                fits = -GLYPH_OVERLAP * glyph.size <= gap <= MAX_GAP * max(last.size, glyph.size)
                if fits and (best is None or gap < best[0]):
                    best = (gap, candidate)
        if best is not None:
            best[1].append(glyph)
            continue
        fresh = [glyph]
        lines.append(fresh)
        open_lines.setdefault(band, []).append(fresh)
    return [make_line(line) for line in lines]


def make_line(glyphs: list[Glyph]) -> TextLine:
    han = [glyph for glyph in glyphs if is_han(glyph.text[:1])] or glyphs
    size = Counter(round(glyph.size, 1) for glyph in han).most_common(1)[0][0]
    return TextLine(
        glyphs=glyphs,
        x0=min(g.x0 for g in glyphs),
        y0=min(g.y0 for g in han),
        x1=max(g.x1 for g in glyphs),
        y1=max(g.y1 for g in han),
        size=size,
        font=dominant_font(glyphs),
    )


def build_blocks(lines: list[TextLine], rules: list[Rule]) -> list[TextBlock]:
    """Stack lines into blocks, top to bottom: one font and size, overlapping, closely led,
    and no rule between them."""
    blocks: list[TextBlock] = []
    for line in sorted(lines, key=lambda line: (-line.y1, line.x0)):
        best = None
        for block in blocks:
            last = block.lines[-1]
            if last.font != line.font or abs(last.size - line.size) > SAME_SIZE:
                continue
            gap = last.y0 - line.y1
            if not -LINE_OVERLAP * line.size <= gap <= MAX_LEADING * line.size:
                continue
            if not stacks(last, line):
                continue
            if any(rule_between(rule, last, line) for rule in rules):
                continue
            if best is None or gap < best[0]:
                best = (gap, block)
        if best is not None:
            best[1].lines.append(line)
        else:
            blocks.append(TextBlock([line]))
    return blocks


def stacks(upper: TextLine, lower: TextLine) -> bool:
    """Two lines of one column: their left edges align (give or take a first-line indent
    of two characters), or the shorter one lies mostly under the other."""
    if abs(upper.x0 - lower.x0) <= INDENT * lower.size:
        return True
    shorter = min(upper.x1 - upper.x0, lower.x1 - lower.x0)
    return overlap(upper.x0, upper.x1, lower.x0, lower.x1) >= STACKED * shorter


def overlap(a0: float, a1: float, b0: float, b1: float) -> float:
    return max(0.0, min(a1, b1) - max(a0, b0))


def rule_between(rule: Rule, upper: TextLine, lower: TextLine) -> bool:
    if rule.is_box:
        return False
    return lower.y1 <= rule.y0 <= upper.y0 and overlap(rule.x0, rule.x1, lower.x0, lower.x1) > 0


def body_style(lines: list[TextLine]) -> tuple[float, str]:
    """The size and font most of the page's glyphs are set in: the body text's."""
    sizes: Counter = Counter()
    for line in lines:
        sizes[(line.size, line.font)] += len(line.glyphs)
    return sizes.most_common(1)[0][0] if sizes else (0.0, "")
