"""Headlines and teasers: the one home for reading the short lines of a page.

- A headline group is read into kicker (引题), title, subtitle (副题) and byline:
  ``read_headline``, and ``Head`` for one waiting for its body.
- Short lines with page references are teasers (导读), two lines each: ``read_teasers``.
- Short lines read as teasers because no body stands under them may yet be the
  headlines of bodies printed elsewhere on the page (``LooseRun``); once the bodies
  have their headlines (``matching.pair_headlines``), ``claim_loose_runs`` decides.
"""

from dataclasses import dataclass
from functools import cached_property

from .layout import REF, TEASER_LINES, Unit
from .lines import Line
from .matching import SPLIT_EVIDENCE, best_pairing, shared
from .structure import TEASER, Brief
from .text import han_bigrams, has_running_text_marks, join_lines, strip_decorations
from .vocabulary import BYLINE_LINE, find_trailing_ref

# A title takes at most two lines: a third line is a kicker above them or a subtitle
# below ("抢抓开年窗口期" ⏎ "外贸企业订单“开门红”" ⏎ "1月份全市进出口总值同比增长12.4%").
MAX_TITLE_LINES = 2
# A last line wider than the one above it by more than a character is a subtitle, not the
# title's wrapped end: a wrapped title fills its first line. At 0 nothing changes; at 3
# page-2.txt (../shared/pdf) joins "将于 10 月 31 日至 11 月 2" to its title, and at 6
# sample-2's "1月份全市进出口总值同比增长12.4%" joins "外贸企业订单“开门红”".
SUBTITLE_WIDER = 1


@dataclass
class Headline:
    kicker: str
    title: str
    subtitle: str
    byline: str

    @property
    def text(self) -> str:
        return self.kicker + self.title + self.subtitle


def read_headline(lines: list[str], widths: list[float]) -> Headline:
    """Split a headline group's lines into its parts.

    - "▶ 本报记者 林书瑶" is the byline.
    - A subtitle opens with a dash ("——记青岚农业大学…") or reads as a clause
      ("共426个项目，涵盖先进制造、" ⏎ "新型基础设施、民生保障等领域"), and runs to the end.
    - A title takes at most two lines. With three lines left, the first is the
      kicker; the last is a subtitle rather than the title's second line when it
      is wider than the line above it, since a wrapped title fills its first line:
      "抢抓开年窗口期" ⏎ "外贸企业订单“开门红”" ⏎ "1月份全市进出口总值同比增长12.4%".
    """
    bares = [strip_decorations(line) for line in lines]
    is_byline = [bool(BYLINE_LINE.match(bare)) for bare in bares]
    bylines = [bare for bare, byline in zip(bares, is_byline, strict=True) if byline]
    kept = [(line, w) for line, w, byline in zip(lines, widths, is_byline, strict=True) if not byline]
    texts = [line for line, _ in kept]
    sizes = [w for _, w in kept]
    subtitle_at = next(
        (i for i, text in enumerate(texts) if i > 0 and (text.startswith("—") or has_running_text_marks(text))),
        len(texts),
    )
    heads, heads_widths, subtitle = texts[:subtitle_at], sizes[:subtitle_at], texts[subtitle_at:]
    kicker = ""
    if len(heads) > MAX_TITLE_LINES:
        kicker, heads, heads_widths = heads[0], heads[1:], heads_widths[1:]
        if not subtitle and heads_widths[-1] > heads_widths[-2] + SUBTITLE_WIDER:
            heads, subtitle = heads[:-1], heads[-1:]
    if len(heads) > MAX_TITLE_LINES:
        heads, subtitle = heads[:MAX_TITLE_LINES], heads[MAX_TITLE_LINES:] + subtitle
    return Headline(kicker=kicker, title=join_lines(heads), subtitle=join_lines(subtitle), byline=" ".join(bylines))


@dataclass
class Head:
    """A headline group waiting for its body."""

    headline: Headline
    first_unit: int
    last_unit: int
    position: int
    glued: bool  # printed with no blank line above the next unit

    @cached_property
    def grams(self) -> set[str]:
        return han_bigrams(self.headline.text)


def head_of(lines: list[Line], first_unit: int, last_unit: int) -> Head:
    headline = read_headline([line.text for line in lines], [line.width for line in lines])
    return Head(headline, first_unit, last_unit, lines[0].index, lines[-1].glued)


def has_byline_line(unit: Unit) -> bool:
    """One of the unit's lines is a byline: "▶ 本报记者 张伟"."""
    return any(BYLINE_LINE.match(strip_decorations(line.text)) for line in unit.lines)


# Teasers ------------------------------------------------------------------------


@dataclass
class LooseRun:
    """Short lines taken for teasers since no body stands under them, each also read as a
    headline: they may yet be the headlines of bodies printed elsewhere on the page."""

    heads: list[Head]
    briefs: list[Brief]


def teasers(texts: list[str], ref: str, position: int | None) -> list[Brief]:
    """TEASER_LINES lines a teaser, counted from the last, which carries the page reference."""
    ref = strip_decorations(ref)
    size = TEASER_LINES
    groups = [texts[max(0, end - size) : end] for end in range(len(texts), 0, -size)][::-1] or [[]]
    last = len(groups) - 1
    return [
        Brief(TEASER, join_lines(group), ref if number == last else "", position=position or 0)
        for number, group in enumerate(groups)
    ]


def read_teasers(run: list[Unit], start: int, each_a_headline: bool = False) -> tuple[list[Brief], list[LooseRun]]:
    """Teasers from a run of short lines (units start, start + 1, …), the last of a
    group carrying the page reference; and the lines that may yet be headlines.

    With each_a_headline (no body stands under the run), every line as a headline is
    tried first; then, in each group, an odd line with no reference of its own may be a
    headline standing over teasers: "…急救网”。" ⏎ "青岚首条低空医疗物流航线开通" ⏎
    "量子计算公共服务平台" ⏎ "向中小企业开放" ⏎ "■ 2版".
    """
    briefs: list[Brief] = []
    loose_runs: list[LooseRun] = []

    def flush(texts: list[str], ref: str, position: int | None, first: int) -> None:
        made = teasers(texts, ref, position)
        briefs.extend(made)
        if len(texts) % TEASER_LINES and not made[0].ref:
            lines = run[first - start].lines
            loose_runs.append(LooseRun([head_of(lines, first, first)], [made[0]]))

    pending: list[str] = []
    first = start  # the unit index of the first pending line
    position = run[0].position
    for k, unit in enumerate(run, start=start):
        if unit.kind == REF:
            flush(pending, unit.text, position, first)
            pending, position = [], None
            continue
        if position is None:
            position, first = unit.position, k
        ref = find_trailing_ref(unit.text)
        if ref and ref.start() > 0:
            # "提速扩面（详见第6版）": the reference printed on the teaser's own line.
            pending.append(unit.text[: ref.start()])
            flush(pending, ref["ref"], position, first)
            pending, position = [], None
        else:
            pending.append(unit.text)
    if pending:
        flush(pending, "", position, first)
    if each_a_headline:
        heads = [head_of(unit.lines, k, k) for k, unit in enumerate(run, start=start)]
        loose_runs.insert(0, LooseRun(heads, list(briefs)))
    return briefs, loose_runs


def claim_loose_runs(loose_runs: list[LooseRun], drafts: list, headlines: dict[int, Head]) -> set[int]:
    """Give bodies left without a headline the loose runs' lines that fit them (adding to
    headlines, by body index); the ids of the teasers that those lines were, now gone."""
    claimed_lines: set[int] = set()
    gone: set[int] = set()
    for run in loose_runs:
        # A line stands in two runs when it is also the odd line of its teasers: once
        # claimed as a headline, it is no other body's.
        if any(head.first_unit in claimed_lines for head in run.heads):
            continue
        if claimed := claim_headless_bodies(run.heads, drafts, headlines):
            headlines.update(claimed)
            claimed_lines.update(head.first_unit for head in claimed.values())
            gone.update(id(brief) for brief in run.briefs)
    return gone


def claim_headless_bodies(heads: list[Head], drafts: list, paired: dict[int, Head]) -> dict[int, Head]:
    """Headlines, by body index, for lines that were read as one teaser, or nothing.

    "首批自然资源节约集约示范县公布" ⏎ "国家高新区“新春第一会”战鼓催征" may stand together
    after a third body with nothing under them, in the shape of a two-line teaser.
    When every line shares enough words with a body of its own that has no
    headline, they are those bodies' headlines; one teaser's two halves never
    match two different bodies.
    """
    free = [d for d in range(len(drafts)) if d not in paired]
    if len(free) < len(heads):
        return {}
    scores = [[shared(head.grams, drafts[d].grams) for d in free] for head in heads]
    _, pairs = best_pairing([[score if score >= SPLIT_EVIDENCE else None for score in row] for row in scores])
    if len(pairs) < len(heads):
        return {}
    return {free[d]: heads[h] for h, d in pairs.items()}
