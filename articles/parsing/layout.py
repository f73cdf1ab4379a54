"""Cut the page's lines into layout units: paragraphs, headline lines and notes.

A unit knows only its own shape; what it means (an article's body, a brief, a
caption, a teaser) is decided in ``assembly`` from the units around it.
"""

from dataclasses import dataclass
from functools import lru_cache

from .bylines import split_trailing_author
from .lines import Line
from .text import ends_sentence, has_running_text_marks, join_lines, strip_decorations
from .vocabulary import (
    BYLINE_LINE,
    CONTINUATION_LINE,
    CREDIT_LINE,
    CREDIT_PREFIX,
    DATELINE,
    LEADING_CONTINUATION,
    NOTE_WORDS,
    REF_LINE,
    find_trailing_credit,
)

PARA = "paragraph"  # running text, one or more lines
SHORT = "short"  # a lone short line with no sentence in it: headline, subhead, rubric or teaser line
HEADLINE = "headline"  # lines printed without blank lines between them: a headline group
CREDIT = "credit"
REF = "ref"
CONT = "continuation"
BYLINE = "byline"

# A headline, rubric or teaser line is never wider than this (in Han characters).
MAX_SHORT_WIDTH = 24
# A line this much narrower than its column cannot be a wrapped line of it.
SHORT_RATIO = 0.7
# The longest opening DATELINE accepts is 21 characters (twelve of place, "10月19日电" and
# its spaces: "新华社北京10月19日电"): starts_article looks for "讯" or "电" this far before
# trying the regular expression. Speed only: no page changes even at 10.
DATELINE_REACH = 24
# A paragraph ends on a line shorter than its column by a character, or by 8% of a wide
# column: justified lines fill the column to within a character. At 0 characters the
# seed's 简讯 ("中共中央 国务院印发《质量强国建设纲要》。") are cut at other lines; at 2.5
# sample-3's bodies are, and at 0.2 the seed's "首批自然资源节约集约示范县公布" body.
SHORT_LAST_LINE_CHARS = 1.0
SHORT_LAST_LINE = 0.08
# A trailing name or role-and-name credit stands within this many characters of the
# line's end: "…停车位的10%。 丁涛", "…。 本报记者 罗嘉 摄". At 5 the seed's body under
# "首批自然资源节约集约示范县公布" is cut otherwise; nothing changes up to 60.
TAIL_NOTE_REACH = 20
# A teaser is printed on two short lines: "知识产权保险" ⏎ "为创新护航" (the seed's 导读).
TEASER_LINES = 2
# A subhead takes a line or two: "“冷板凳”上坐出硬成果", and in a web edition's column
# "实习应聘也要实习经历，实习门槛越来越高，形成付费实习等灰" ⏎ "色产业".
MAX_SUBHEAD_LINES = 2


@dataclass
class Unit:
    kind: str
    lines: list[Line]
    text: str
    width: float = 0.0  # the column width, for paragraphs

    @property
    def position(self) -> int:
        return self.lines[0].index

    @property
    def block_start(self) -> bool:
        return self.lines[0].lead


@lru_cache(maxsize=4096)
def starts_article(text: str) -> bool:
    """A dateline or a continued-from note opens an article: "本报讯（记者 程远） 3月2日…", "（上接第1版）去年…"."""
    opening = text[:DATELINE_REACH]
    if "讯" not in opening and "电" not in opening and not opening.startswith(("（", "(")):
        return False
    return bool(DATELINE.match(text) or LEADING_CONTINUATION.match(text))


def line_role(lines: list[Line], i: int) -> str | None:
    """The kind of a line that is a unit on its own by its words alone, or None.
    Only a line holding a note word (NOTE_WORDS) can be one: cut_units asks of those alone."""
    text = lines[i].text
    bare = strip_decorations(text)
    if CONTINUATION_LINE.match(text):
        return CONT
    if REF_LINE.match(text):
        return REF
    if CREDIT_LINE.match(text) and not ends_sentence(text):
        return CREDIT
    # "新华社记者" ⏎ "牟宇/摄": a credit whose name stands on the next line.
    if CREDIT_PREFIX.match(text) and i + 1 < len(lines) and CREDIT_LINE.match(lines[i + 1].text):
        return CREDIT
    if BYLINE_LINE.match(bare):
        return BYLINE
    return None


def headline_link(lines: list[Line], i: int, roles: list[str | None]) -> bool:
    """Line i and i+1 were printed with no blank line between them as a headline group.

    Body lines are separated by blank lines, except after a line ending in a
    digit or Latin letter ("…占比 82%。2023 年 2 月 9" ⏎ "日，科技部…"), and except
    before a line that starts a new block with a leading space.
    """
    line, following = lines[i], lines[i + 1]
    if following.lead:  # (a line not glued to the next is never asked: cut_units)
        return False
    if line.text[-1].isascii() and line.text[-1].isalnum():
        return False
    if roles[i] not in (None, BYLINE) or roles[i + 1] not in (None, BYLINE):
        return False
    # A headline never holds a finished sentence, and never opens an article body.
    return not ends_sentence(line.text) and not starts_article(line.text)


def is_short_candidate(line: Line) -> bool:
    """Could be a headline, subhead, rubric or teaser line: "培育质量卓越产业集群看“高新”"."""
    text = line.text
    return (
        line.width <= MAX_SHORT_WIDTH
        and not ends_sentence(text)
        and not has_running_text_marks(text)
        and not starts_article(text)
    )


def paragraph_ends(paragraph: list[Line], following: Line) -> bool:
    """A paragraph ends on a line shorter than its column that ends a sentence ("…优势。")."""
    if following.lead or starts_article(following.text):
        return True
    last = paragraph[-1]
    if not ends_sentence(last.text):
        # A credit or an author after the last sentence ends the paragraph however wide the line.
        return has_tail_note(last.text)
    column = column_width(paragraph) if len(paragraph) > 1 else following.width
    if last.width < column - max(SHORT_LAST_LINE_CHARS, SHORT_LAST_LINE * column):
        return True
    # A full last line hides the break, but a short line with no sentence in it
    # cannot continue the paragraph: "…用上“智能育种”工具。" ⏎ "把论文写在大地上".
    widest = max([line.width for line in paragraph])
    return is_short_candidate(following) and following.width < SHORT_RATIO * widest


@lru_cache(maxsize=4096)
def has_tail_note(text: str) -> bool:
    """ "…的10%。 丁涛" or "…优惠政策。 新华社发": a name or credit after the last sentence."""
    # A name or a role-and-name credit stands within the last 20 characters; a bracketed
    # credit ("…。（图片由XX公司提供）") may be longer, but closes the line.
    tail = text[-TAIL_NOTE_REACH:]
    if not any(mark in tail for mark in "。！？”") and not text.endswith(("）", ")")):
        return False
    return bool(find_trailing_credit(text) or split_trailing_author(text, spaced=True)[1])


def column_width(lines: list[Line]) -> float:
    """The width of a paragraph's column: its widest line, leaving out the short last one."""
    return max([line.width for line in (lines[:-1] if len(lines) > 1 else lines)])


def cut_units(lines: list[Line]) -> list[Unit]:
    # Most lines hold no note word and are followed by a blank line: those checks come first.
    roles = [line_role(lines, i) if NOTE_WORDS.search(line.text) else None for i, line in enumerate(lines)]
    links = [line.glued and headline_link(lines, i, roles) for i, line in enumerate(lines[:-1])] + [False]
    units: list[Unit] = []
    i = 0
    while i < len(lines):
        role = roles[i]
        if links[i]:
            end = i + 1
            while links[end] and not starts_article(lines[end + 1].text):
                end += 1
            # The line that opens the body below a headline is not part of it.
            if starts_article(lines[end].text):
                end -= 1
            units.append(Unit(HEADLINE, lines[i : end + 1], ""))
            i = end + 1
        elif role == CREDIT:
            end = i + 1 if CREDIT_PREFIX.match(lines[i].text) else i
            units.append(Unit(CREDIT, lines[i : end + 1], " ".join(line.text for line in lines[i : end + 1])))
            i = end + 1
        elif role is not None:
            units.append(Unit(role, [lines[i]], lines[i].text))
            i += 1
        else:
            end = i
            while end + 1 < len(lines) and roles[end + 1] is None and not links[end + 1] and not lines[end + 1].lead:
                end += 1
            units.extend(text_units(lines[i : end + 1]))
            i = end + 1
    for unit in units:
        if unit.kind == HEADLINE:
            unit.text = " ".join(line.text for line in unit.lines)
    return units


def text_units(stretch: list[Line]) -> list[Unit]:
    """Paragraphs and lone short lines from a stretch of running-text lines."""
    units: list[Unit] = []
    paragraph: list[Line] = []
    k = 0
    while k < len(stretch):
        line = stretch[k]
        if paragraph and not paragraph_ends(paragraph, line):
            paragraph.append(line)
            k += 1
            continue
        units.extend(paragraph_units(paragraph))
        paragraph = []
        if not is_short_candidate(line):
            paragraph = [line]
            k += 1
            continue
        end = k + 1
        while end < len(stretch) and is_short_candidate(stretch[end]):
            end += 1
        run, rest = stretch[k:end], stretch[end : end + 2]  # the lines after the run, as far as they count
        opening = paragraph_opening(run, rest)
        units.extend(Unit(SHORT, [short], short.text) for short in run[: len(run) - len(opening)])
        paragraph = opening
        k = end
    units.extend(paragraph_units(paragraph))
    return units


def paragraph_opening(run: list[Line], rest: list[Line]) -> list[Line]:
    """The lines at the end of a run of short lines that really open the paragraph after it.

    "习近平会见柬埔寨首相" ⏎ "洪森。" is one brief, while "“冷板凳”上坐出硬成果" stands
    alone above "2013年，刚从国外回来的…": a line that opens a paragraph fills its column.
    """
    if not rest or rest[0].lead or starts_article(rest[0].text):
        return []
    column = rest[0].width
    if len(rest) > 1 and not ends_sentence(rest[0].text):
        column = max(column, rest[1].width)
    opening: list[Line] = []
    # A run of three or more lines with no sentence is teasers, two lines each; only an
    # odd last line may open the paragraph: "进入“物超人”时代" ends the fifth teaser, while
    # "习近平会见柬埔寨首相" after ten teaser lines opens "…洪森。".
    if len(run) > TEASER_LINES and len(run) % TEASER_LINES == 0:
        return []
    candidates = run[-1:] if len(run) > TEASER_LINES else run
    for line in reversed(candidates):
        if line.width < SHORT_RATIO * column:
            break
        opening.insert(0, line)
    return opening


def paragraph_units(paragraph: list[Line]) -> list[Unit]:
    if not paragraph:
        return []
    text = join_lines([line.text for line in paragraph])
    unit = Unit(PARA, paragraph, text, width=column_width(paragraph))
    # "…享受维修航材免税的海南自贸港税收优惠政策。 新华社发": a caption with its credit.
    credit = find_trailing_credit(text)
    if credit and credit.start() > 0:
        unit.text = text[: credit.start()].rstrip()
        return [unit, Unit(CREDIT, paragraph[-1:], credit["credit"])]
    return [unit]
