"""Decide what each layout unit is, from the units around it, and build the records.

One pass over the units builds article drafts (bodies), headline groups,
briefs, teasers, photos and rubrics; then ``matching.pair_headlines`` gives bodies
their headlines. ``Assembler`` walks the seed page through it.
"""

from collections.abc import Callable
from dataclasses import dataclass, field, replace
from functools import cached_property

from .bylines import join_bylines, split_opening
from .headlines import Head, LooseRun, has_byline_line, head_of, read_teasers, teasers
from .layout import BYLINE, CONT, CREDIT, HEADLINE, MAX_SUBHEAD_LINES, PARA, REF, SHORT, Unit, starts_article
from .lines import Line
from .structure import NEWS, PARAGRAPH, SUBHEAD, Brief, Photo
from .text import ends_sentence, han_bigrams, join_lines, split_sentences, strip_decorations
from .vocabulary import find_trailing_ref, looks_like_name

# The widest column of a paragraph read as news briefs rather than a body. Not measured
# from the page: a constant fitted to the pages of tests/fixtures and ../shared. There,
# brief and caption columns are 9 to 12.5 characters wide (the seed's 简讯 "中共中央 国务院
# 印发《质量强国建设纲要》。" is 11), article columns 14 and more (sample-3's bodies). Every
# value from 12 to 14.5 gives every page the same output: at 11.5 page-1.txt (../shared/pdf)
# reads a 12-wide body as briefs, at 15 page-2.txt's one-line body "锻长板，巩固优势产业
# 领先地位。" becomes a brief. Measured from the page instead, as three quarters of the
# median column width of its paragraphs' lines, every page here reads the same, but a
# page (or pasted text) of briefs alone becomes one article: the constant stays, and a
# paper set in narrower columns will need it changed.
NARROW = 13.5
# A one-line paragraph may overrun the body's column by this share and this many
# characters (an unjustified last line, a wider digit run) and still continue it. No page
# here changes anywhere from 0 to 0.5 and from 0 to 3 characters: a margin, not a fit.
ONE_LINE_OVERRUN = 0.15
ONE_LINE_OVERRUN_CHARS = 1
# Two paragraphs of one column differ in width by at most a fifth (justified lines of
# 20 and 22 characters, "去年，全市规模以上电子信息…" in sample-2). At 0.9 sample-2's brief
# "枫城农商银行推出“春耕贷”…" joins the body above it; at 0.6 page-1.txt mixes two columns.
SAME_COLUMN = 0.8
# A column rubric is two short lines at the top of a block, over its article (and may
# have the article's title under it): " 学习贯彻党的二十大精神" ⏎ "高新区在行动".
RUBRIC_LINES = 2


@dataclass
class Piece:
    kind: str  # PARAGRAPH or SUBHEAD
    text: str
    unit: int
    position: int

    @cached_property
    def grams(self) -> set[str]:
        return han_bigrams(self.text)


@dataclass
class Draft:
    """An article body as it is being assembled."""

    first_unit: int
    last_unit: int
    position: int
    width: float
    pieces: list[Piece] = field(default_factory=list)
    dateline: str = ""
    byline: str = ""
    continuation: str = ""
    column: str = ""
    forced: Head | None = None  # a headline that can only be this body's
    scores: dict[int, float] = field(default_factory=dict, repr=False)  # pair scores by headline id, once complete

    # Read only once the body is complete, while headlines are paired.
    @cached_property
    def lede_grams(self) -> set[str]:
        return next((piece.grams for piece in self.pieces if piece.kind == PARAGRAPH), set())

    @cached_property
    def grams(self) -> set[str]:
        return set().union(*(piece.grams for piece in self.pieces))

    def split(self, k: int) -> tuple["Draft", "Draft"]:
        """Two bodies, cut before piece k: the second opens with no dateline."""
        head = replace(self, pieces=self.pieces[:k], last_unit=self.pieces[k - 1].unit, scores={})
        rest = self.pieces[k:]
        tail = Draft(rest[0].unit, self.last_unit, rest[0].position, self.width, rest)
        return head, tail


def fits(draft: Draft, unit: Unit) -> bool:
    """A paragraph continues a body printed in a column of the same width."""
    return fits_width(draft.width, unit)


def fits_width(column: float, unit: Unit) -> bool:
    """A one-line paragraph shows only that its column is at least that wide."""
    if len(unit.lines) == 1:
        return unit.width <= column * (1 + ONE_LINE_OVERRUN) + ONE_LINE_OVERRUN_CHARS
    return min(column, unit.width) >= SAME_COLUMN * max(column, unit.width)


class Assembler:
    """One pass over the page's units, in the order printed, deciding each from its neighbours.

    The state between units is what is still waiting for what comes next:

    - ``open``: the body the next paragraph may continue, or None. A paragraph of its
      width continues it and a subhead between two of its paragraphs keeps it; a
      paragraph of another width, a credit, a note, a headline or short lines close it.
    - ``rubric`` and ``byline``: a column rubric or a lone byline waiting for the
      next body, which takes them (``start_draft``).
    - ``heads``: headline groups waiting for bodies; ``pair_headlines`` pairs them
      afterwards, as the extractor may print a headline after its body. A headline
      glued to the body under it is ``forced`` on that body at once.
    - ``undo``: how to take back each paragraph just read, should the next unit be a
      photo credit that makes it a caption.

    Each unit kind has its handler (``run``). On the seed page
    (tests/fixtures/pages/000_836e624efba3a217.txt), in order:

    1. a paragraph 9 characters wide (``paragraph``: narrower than NARROW) becomes
       news briefs, then the credit "新华社记者" ⏎ "牟宇/摄" under it (``credit``)
       takes it back as its caption: a photo;
    2. the glued lines "国家试点公共领域车辆" ⏎ "全面电动化" are a headline group
       (``headline_group``: a Head); "本报讯 工业和信息化部…" opens a body
       (``start_draft``: a dateline), and the paragraphs of its width continue it
       (``append``) while it is ``open``;
    3. four paragraphs 11 and 12 wide: news briefs, one a sentence (``news_briefs``);
    4. " 学习贯彻党的二十大精神" ⏎ "高新区在行动", two short lines at a block's top over
       a body (``short_run``, ``opens_article``): the rubric, which "本报讯（记者 李争粉）"
       takes as its column; the short line after that body, "培育质量卓越产业集群看“高新”",
       is a Head left for the pairing;
    5. in the body of "科技日报讯 （记者 操秀英）", "强信心：多起来、大起来、强起来" between two
       of its paragraphs is a subhead (``is_subhead``);
    6. "计量能力和水平纳入高企认定" glued to "本报讯 近日…" is forced on that body; the two
       headlines after it ("首批自然资源节约集约示范县公布", and "国家高新区“新春第一会”
       战鼓催征" with "▶ 本报记者 张伟") wait for the pairing, which cuts the
       操秀英 body in two to give each a body (``matching.pair_headlines``);
    7. a 59-wide paragraph opens a body, but the trailing credit "新华社发" cut off
       its last line takes it back (``undo``): the second photo;
    8. ten short lines with no page reference: five teasers, two lines each
       (``short_run``, ``headlines.read_teasers``), also kept as a loose run of
       headlines that no body claims (``headlines.claim_loose_runs``);
    9. "习近平会见柬埔寨首相" ⏎ "洪森。": one brief (``layout.paragraph_opening`` joined them).
    """

    def __init__(self, units: list[Unit]):
        self.units = units
        self.drafts: list[Draft] = []
        self.heads: list[Head] = []
        self.briefs: list[Brief] = []
        self.photos: list[Photo] = []
        self.columns: list[str] = []
        self.open: Draft | None = None  # the body that the next paragraph may continue
        self.rubric = ""  # a column rubric waiting for the article printed under it
        self.byline = ""  # a lone byline waiting for the article printed under it
        self.loose_runs: list[LooseRun] = []
        self.brief_units: set[int] = set()  # paragraphs that became news briefs
        self.undo: dict[int, Callable[[], None]] = {}  # how to take a paragraph back for a caption

    def run(self) -> None:
        handlers = {PARA: self.paragraph, CREDIT: self.credit, CONT: self.continuation, BYLINE: self.lone_byline}
        i = 0
        while i < len(self.units):
            kind = self.units[i].kind
            if kind in handlers:
                handlers[kind](i)
                i += 1
            elif kind == HEADLINE:
                i = self.headline_group(i)
            else:
                i = self.short_run(i)
        if self.byline:
            self.place_leftover_byline()
        # The undo closures refer back to the assembler; dropped once every unit is read,
        # they let the page's objects be freed as soon as the parse is done instead of
        # waiting for the cycle collector, which would walk them all on the way.
        self.undo.clear()

    # Paragraphs ---------------------------------------------------------------

    def paragraph(self, i: int) -> None:
        unit = self.units[i]
        if starts_article(unit.text):
            self.start_draft(i)
        elif self.open and not unit.block_start and self.open.last_unit == i - 1 and fits(self.open, unit):
            self.append(self.open, i, PARAGRAPH, unit.text)
        elif unit.width <= NARROW or self.continues_briefs(i):
            self.news_briefs(i)
        else:
            self.start_draft(i)

    def continues_briefs(self, i: int) -> bool:
        """A paragraph right under news briefs, in a column as narrow as theirs."""
        previous = self.units[i - 1] if i > 0 else None
        return bool(
            previous
            and previous.kind == PARA
            and i - 1 in self.brief_units
            and fits_width(previous.width, self.units[i])
        )

    def start_draft(self, i: int) -> None:
        unit = self.units[i]
        draft = Draft(i, i, unit.position, unit.width)
        draft.dateline, draft.byline, draft.continuation, rest = split_opening(unit.text)
        waiting = self.byline, self.rubric
        # "▶ 本报记者 张伟" ⏎ "本报讯（记者 李争粉） …": both name this article's writers;
        # dropping either would lose a printed name.
        draft.byline = join_bylines(self.byline, draft.byline)
        draft.column, self.rubric, self.byline = self.rubric, "", ""
        head = self.heads[-1] if self.heads else None
        # "计量能力和水平纳入高企认定" ⏎ "本报讯 近日…": printed with no blank line, the
        # headline is this body's. So is a headline with a byline ("▶ 本报记者 张伟")
        # right above a body that has no dateline of its own.
        if head and head.last_unit == i - 1 and (head.glued or (head.headline.byline and not draft.dateline)):
            draft.forced = head
        self.drafts.append(draft)
        self.open = draft
        if rest:
            draft.pieces.append(Piece(PARAGRAPH, rest, i, unit.position))

        def take_back() -> None:
            # "近日，海南自贸港…" ⏎ "新华社发": the paragraph was a caption, not a body, so the
            # byline and rubric it took wait for the next body again instead of vanishing with it.
            self.drafts.remove(draft)
            self.byline, self.rubric = join_bylines(waiting[0], self.byline), waiting[1] or self.rubric

        self.undo[i] = take_back

    def append(self, draft: Draft, i: int, kind: str, text: str) -> None:
        unit = self.units[i]
        draft.pieces.append(Piece(kind, text, i, unit.position))
        draft.last_unit = i
        if kind == PARAGRAPH and len(unit.lines) > 1:
            draft.width = max(draft.width, unit.width)
        self.undo[i] = draft.pieces.pop

    def news_briefs(self, i: int) -> None:
        """A narrow paragraph outside any article: one brief per sentence."""
        unit = self.units[i]
        briefs = [Brief(NEWS, sentence, position=unit.position) for sentence in split_sentences(unit.text)]
        self.briefs.extend(briefs)
        self.brief_units.add(i)
        self.open = None
        self.undo[i] = lambda: [self.briefs.remove(brief) for brief in briefs]

    # Notes --------------------------------------------------------------------

    def credit(self, i: int) -> None:
        """A photo credit; the paragraph printed just above it is the caption."""
        unit = self.units[i]
        caption, position = "", unit.position
        if i > 0 and self.units[i - 1].kind == PARA and i - 1 in self.undo:
            self.undo.pop(i - 1)()
            caption, position = self.units[i - 1].text, self.units[i - 1].position
        self.photos.append(Photo(caption, unit.text, position=position))
        self.open = None

    def continuation(self, i: int) -> None:
        """A continued-on note ("（下转第3版）") closes the article above it."""
        target = self.open or (self.drafts[-1] if self.drafts else None)
        if target is None:
            target = Draft(i, i, self.units[i].position, 0.0)
            self.drafts.append(target)
        target.continuation = (target.continuation + " " + self.units[i].text).strip()
        self.open = None

    def lone_byline(self, i: int) -> None:
        """A byline on its own line goes with the headline right above it, or waits for the next body.

        "▶ 本报记者 林书瑶" ⏎ "▶ 通讯员 沈一帆": a second byline line adds to the
        first, under a headline or waiting, rather than replacing it.
        """
        text = strip_decorations(self.units[i].text)
        head = self.heads[-1] if self.heads else None
        if head and head.last_unit == i - 1:
            head.headline.byline = join_bylines(head.headline.byline, text)
            head.last_unit = i
        else:
            self.byline = join_bylines(self.byline, text)
        self.open = None

    def place_leftover_byline(self) -> None:
        """A byline with no body after it: "…停车位的10%。" ⏎ "本报记者 丁涛" at the foot of
        the page signs the body above it. On a page with no body at all it stands alone."""
        if not self.drafts:
            self.drafts.append(Draft(len(self.units), len(self.units), self.units[-1].position, 0.0))
        self.drafts[-1].byline = join_bylines(self.drafts[-1].byline, self.byline)
        self.byline = ""

    # Headline-shaped lines ------------------------------------------------------

    def headline_group(self, i: int) -> int:
        unit = self.units[i]
        following = self.units[i + 1] if i + 1 < len(self.units) else None
        if following and following.kind == REF:
            self.briefs += teasers([join_lines([line.text for line in unit.lines])], following.text, unit.position)
            return i + 2
        if len(unit.lines) <= MAX_SUBHEAD_LINES and not has_byline_line(unit) and self.is_subhead(i, i + 1):
            self.append(self.open, i, SUBHEAD, join_lines([line.text for line in unit.lines]))
            return i + 1
        self.add_head(unit.lines, i, i)
        return i + 1

    def short_run(self, i: int) -> int:
        """Lone short lines in a row: a subhead, a headline, a column rubric or teasers."""
        if self.signs_open_body(i):
            self.open.byline = join_bylines(self.open.byline, self.units[i].text)
            self.open = None
            return i + 1
        end = i + 1
        while end < len(self.units) and self.units[end].kind in (SHORT, REF) and not self.units[end].block_start:
            end += 1
        run = self.units[i:end]
        shorts = [unit for unit in run if unit.kind == SHORT]
        has_ref = len(shorts) < len(run) or any(find_trailing_ref(unit.text) for unit in shorts)
        if has_ref:
            # Page references alone count too: "■ 4版" ⏎ "■ 3版" are two refs, each kept.
            self.teaser_run(run, i)
        elif end < len(self.units) and self.units[end].kind == BYLINE:
            # Teasers carry no byline: short lines over "▶ 本报记者 张伟" are headlines,
            # the last of them that byline's ("首批…公布" ⏎ "国家高新区…战鼓催征" ⏎ "▶ 本报记者 张伟").
            for k, unit in enumerate(shorts, start=i):
                self.add_head(unit.lines, k, k)
        elif len(shorts) == 1:
            if self.is_subhead(i, end):
                self.append(self.open, i, SUBHEAD, shorts[0].text)
                return end
            self.add_head(shorts[0].lines, i, i)
        elif len(shorts) <= RUBRIC_LINES + 1 and self.opens_article(i, end):
            # " 学习贯彻党的二十大精神" ⏎ "高新区在行动" above a body: the column rubric.
            rubric = " ".join(unit.text for unit in shorts[:RUBRIC_LINES])
            self.columns.append(rubric)
            self.rubric = rubric
            if len(shorts) > RUBRIC_LINES:  # and the article's title under it
                self.add_head(shorts[RUBRIC_LINES].lines, i + RUBRIC_LINES, i + RUBRIC_LINES)
        else:
            # No body stands under them: each line may yet be a body's headline.
            self.teaser_run(run, i, each_a_headline=True)
        self.open = None
        return end

    def is_subhead(self, start: int, end: int) -> bool:
        """A short line between two paragraphs of one body: "“冷板凳”上坐出硬成果"."""
        if not self.open or self.open.last_unit != start - 1 or end >= len(self.units):
            return False
        following = self.units[end]
        if following.kind != PARA or following.block_start or starts_article(following.text):
            return False
        is_caption = end + 1 < len(self.units) and self.units[end + 1].kind == CREDIT
        return not is_caption and fits(self.open, following)

    def signs_open_body(self, i: int) -> bool:
        """ "…停车位的10%。" ⏎ "丁涛": a surname-led name on its own line, right after a
        body's last sentence and not a subhead over more of it, is the body's author: the
        "…的10%。 丁涛" author, wrapped onto a line of its own."""
        draft = self.open
        if not draft or draft.last_unit != i - 1 or not draft.pieces or draft.pieces[-1].kind != PARAGRAPH:
            return False
        return (
            looks_like_name(self.units[i].text)
            and ends_sentence(draft.pieces[-1].text)
            and not self.is_subhead(i, i + 1)
        )

    def opens_article(self, start: int, end: int) -> bool:
        """Lines at the top of a block with an article right under them."""
        if not (start == 0 or self.units[start].block_start) or end >= len(self.units):
            return False
        following = self.units[end]
        if following.kind in (HEADLINE, BYLINE):
            return True
        return following.kind == PARA and (starts_article(following.text) or following.width > NARROW)

    def add_head(self, lines: list[Line], first_unit: int, last_unit: int) -> None:
        self.heads.append(head_of(lines, first_unit, last_unit))
        self.open = None

    def teaser_run(self, run: list[Unit], start: int, each_a_headline: bool = False) -> None:
        briefs, loose_runs = read_teasers(run, start, each_a_headline)
        self.briefs += briefs
        self.loose_runs += loose_runs
