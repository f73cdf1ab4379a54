"""Read a headline group: kicker (引题), title, subtitle (副题) and byline."""

from dataclasses import dataclass

from .text import has_running_text_marks, join_lines, strip_decorations
from .vocabulary import BYLINE_LINE


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
    if len(heads) >= 3:
        kicker, heads, heads_widths = heads[0], heads[1:], heads_widths[1:]
        if not subtitle and heads_widths[-1] > heads_widths[-2] + 1:
            heads, subtitle = heads[:-1], heads[-1:]
    if len(heads) > 2:
        heads, subtitle = heads[:2], heads[2:] + subtitle
    return Headline(kicker=kicker, title=join_lines(heads), subtitle=join_lines(subtitle), byline=" ".join(bylines))
