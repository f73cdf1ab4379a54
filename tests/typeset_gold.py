"""Typeset a page's expected structure (its .gold.json) as a printed page, for tests of the PDF reader.

The real pages of ../shared/pages/real are a web edition's text; a paper prints the
same stories in columns. This sets each article of a gold file the way a paper does:
its rubric boxed over it, the kicker, title (wrapped over several lines when long)
and subtitle centred over its columns in a heading face, the byline under them,
the dateline opening the first paragraph, subheads in the heading face, and the
body down the columns in turn. Reading the PDF must give back the gold's articles.

The heading face is WenQuanYi Micro Hei (fonts-wqy-microhei, which .ci/run
installs), the body reportlab's STSong-Light. Only the tests use either.
"""

import io
from dataclasses import dataclass
from pathlib import Path

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen import canvas
from typeset import BODY, FONT, GUTTER, KICKER, LEADING, MARGIN, TITLE, WIDTH

HEADING_FONT_FILE = Path("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc")
HEADING = "WenQuanYi"
RUBRIC = 12
HEADER = "人民日报 2025年10月20日 星期一 第4版 要闻"


def heading_face_missing() -> str:
    """Why the heading face cannot be used here, or ""."""
    return "" if HEADING_FONT_FILE.is_file() else f"{HEADING_FONT_FILE} is missing (apt-get install fonts-wqy-microhei)"


@dataclass
class Layout:
    """How a page is set: the column count of each story in turn, and where heads stand."""

    columns: tuple[int, ...] = (3, 4, 2, 5)
    centred: bool = True


def typeset_gold(gold: dict, layout: Layout) -> bytes:
    if HEADING not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont(HEADING, str(HEADING_FONT_FILE), subfontIndex=0))
    stories = [
        StorySetter(article, layout.columns[k % len(layout.columns)], layout.centred)
        for k, article in enumerate(gold["articles"])
    ]
    height = 140 + sum(story.height() + 40 for story in stories)
    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer, pagesize=(WIDTH, height))
    pdf.setFont(FONT, 10)
    pdf.drawString(MARGIN, height - 50, HEADER)
    pdf.line(MARGIN, height - 60, WIDTH - MARGIN, height - 60)
    pdf.line(MARGIN, 42, WIDTH - MARGIN, 42)
    top = height - 80
    for k, story in enumerate(stories):
        if k:
            pdf.line(MARGIN, top + 14, WIDTH - MARGIN, top + 14)
        top = story.set(pdf, top) - 28
    pdf.showPage()
    pdf.save()
    return buffer.getvalue()


class StorySetter:
    """One article of a gold file, set across ``columns`` columns of the page."""

    def __init__(self, article: dict, columns: int, centred: bool):
        self.article = article
        self.columns = columns
        self.centred = centred
        self.column_width = (WIDTH - 2 * MARGIN - (columns - 1) * GUTTER) / columns
        self.lines = self.body_lines()

    @property
    def signed_by_editors(self) -> bool:
        return self.article["byline"].replace(" ", "") == "编者"

    def head_lines(self) -> list[tuple[str, str, float]]:
        """(text, face, size) of each line of the head, top to bottom."""
        a = self.article
        per_title_line = int((WIDTH - 2 * MARGIN) // TITLE) - 2
        lines = []
        if a["kicker"]:
            lines.append((a["kicker"], HEADING, KICKER))
        for part in a["title"].split(" "):
            lines += [(part[i : i + per_title_line], HEADING, TITLE) for i in range(0, len(part), per_title_line)]
        if a["subtitle"]:
            lines.append((a["subtitle"], HEADING, KICKER))
        if a["byline"] and not a["dateline"] and not self.signed_by_editors:
            lines.append((a["byline"], HEADING, BODY))
        return lines

    def body_lines(self) -> list[tuple[str, str, bool, bool]]:
        """(text, face, opens a paragraph, closes it) of each body line, in reading order."""
        a = self.article
        lines = []
        for k, block in enumerate(a["body"]):
            text = block["text"]
            if k == 0 and a["dateline"]:
                text = a["dateline"] + (f"（{a['byline']}）" if a["byline"] else "　") + text
            face = HEADING if block["kind"] == "subhead" else FONT
            if face == FONT:
                text = "\u3000\u3000" + text
            wrapped = wrap(text, face, self.column_width)
            lines += [(line, face, k == 0, k == len(wrapped) - 1) for k, line in enumerate(wrapped)]
        if self.signed_by_editors:  # "——编  者" closes an editors' note, set flush right
            lines.append(("——" + a["byline"], FONT, True, True))
        if a["continuation"]:
            lines.append((a["continuation"], FONT, True, True))
        return lines

    def height(self) -> float:
        head = sum(size + 10 for _, _, size in self.head_lines()) + (RUBRIC + 16 if self.article["column"] else 0)
        return head + 16 + self.per_column() * LEADING

    def per_column(self) -> int:
        return -(-len(self.lines) // self.columns)

    def set(self, pdf: canvas.Canvas, top: float) -> float:
        """Set the story from ``top`` down; the height where it ends."""
        if self.article["column"]:
            top = self.set_rubric(pdf, top)
        for text, face, size in self.head_lines():
            pdf.setFont(face, size)
            if self.centred:
                pdf.drawCentredString(WIDTH / 2, top - size, text)
            else:
                pdf.drawString(MARGIN, top - size, text)
            top -= size + 10
        top -= 6
        per_column = self.per_column()
        for n, (line, face, first, last) in enumerate(self.lines):
            column, row = divmod(n, per_column)
            x = MARGIN + column * (self.column_width + GUTTER)
            y = top - BODY - row * LEADING
            width = self.column_width
            if face == FONT and first and line.startswith("\u3000\u3000"):
                line, x, width = line[2:], x + 2 * BODY, width - 2 * BODY
            natural = pdfmetrics.stringWidth(line, face, BODY)
            if self.signed_by_editors and n == len(self.lines) - 1 - bool(self.article["continuation"]):
                x += self.column_width - natural
            elif (face == HEADING or line.startswith("（")) and last:  # a short subhead or 下转 note stands centred
                x += max(0.0, self.column_width - natural) / 2
            set_line(pdf, x, y, line, face, None if last else width)
        return top - per_column * LEADING

    def set_rubric(self, pdf: canvas.Canvas, top: float) -> float:
        """The column's name in a box at the story's top left, as papers print a 栏目."""
        width = pdfmetrics.stringWidth(self.article["column"], HEADING, RUBRIC)
        pdf.rect(MARGIN, top - RUBRIC - 8, width + 12, RUBRIC + 8)
        pdf.setFont(HEADING, RUBRIC)
        pdf.drawString(MARGIN + 6, top - RUBRIC - 4, self.article["column"])
        return top - RUBRIC - 16


def wrap(text: str, face: str, width: float) -> list[str]:
    """The text cut into lines that fill ``width`` at the body size, as a typesetter fills
    a column: half-width digits take half the room of Han."""
    lines, line = [], ""
    for char in text:
        if line and pdfmetrics.stringWidth(line + char, face, BODY) > width:
            lines.append(line)
            line = ""
        line += char
    return [*lines, line]


# STSong-Light, through reportlab, has no "·" (U+00B7): papers set it from another font too.
NOT_IN_BODY_FONT = "·"


def set_line(pdf: canvas.Canvas, x: float, y: float, line: str, face: str, justify_to: float | None) -> None:
    """One line, glyph runs in their font; spaced out to ``justify_to`` points wide, as a
    justified column's lines are, unless it is None (a paragraph's last line)."""
    runs, run = [], ""
    for char in line:
        if run and (char in NOT_IN_BODY_FONT) != (run[-1] in NOT_IN_BODY_FONT):
            runs.append(run)
            run = ""
        run += char
    runs.append(run)
    fonts = [HEADING if face == FONT and run[0] in NOT_IN_BODY_FONT else face for run in runs]
    natural = sum(pdfmetrics.stringWidth(run, font, BODY) for run, font in zip(runs, fonts, strict=True))
    text = pdf.beginText(x, y)
    # Always set: the character spacing is text state, which outlives a text object in PDF.
    spread = (justify_to - natural) / (len(line) - 1) if justify_to and len(line) > 1 else 0.0
    text.setCharSpace(max(0.0, spread))
    for run, font in zip(runs, fonts, strict=True):
        text.setFont(font, BODY)
        text.textOut(run)
    pdf.drawText(text)
