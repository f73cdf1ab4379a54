"""Typeset newspaper pages as PDF with reportlab, for tests of the PDF reader.

A page is a header over a rule, stories stacked down the page with a rule
between them, and a footer under a rule. Each story's kicker and title are
centred over all its columns, its body flows down the columns in turn, each
paragraph indented by two characters; a photo, if any, stands under the body
with its caption and credit under it in a smaller size. Han text is set in reportlab's built-in
STSong-Light (not embedded), which pdfminer.six maps back to Unicode.
"""

import io
from dataclasses import dataclass, field

from PIL import Image
from reportlab.lib.utils import ImageReader
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.pdfgen import canvas

FONT = "STSong-Light"
pdfmetrics.registerFont(UnicodeCIDFont(FONT))

WIDTH, HEIGHT = 1000, 1400
MARGIN = 40
GUTTER = 20
BODY, LEADING = 9, 15
TITLE, KICKER = 28, 14
CAPTION, PHOTO_WIDTH, PHOTO_HEIGHT = 7, 240, 150


@dataclass
class Story:
    title: str
    paragraphs: list[str]
    kicker: str = ""
    columns: int = 3
    caption: str = ""  # a photo under the body, with this caption
    credit: str = ""  # and this credit line under the caption
    photo_pixels: tuple[int, int] = (PHOTO_WIDTH, PHOTO_HEIGHT)  # the embedded image's size


@dataclass
class Page:
    stories: list[Story] = field(default_factory=list)
    header: str = "人民日报 2025年10月20日 星期一 第3版 要闻"
    footer: str = "责任编辑：王 明"


def typeset(page: Page) -> bytes:
    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer, pagesize=(WIDTH, HEIGHT))
    pdf.setFont(FONT, 10)
    pdf.drawString(MARGIN, HEIGHT - 50, page.header)
    pdf.line(MARGIN, HEIGHT - 60, WIDTH - MARGIN, HEIGHT - 60)
    pdf.line(MARGIN, 42, WIDTH - MARGIN, 42)
    pdf.drawString(MARGIN, 28, page.footer)
    top = HEIGHT - 80
    for k, story in enumerate(page.stories):
        if k:
            pdf.line(MARGIN, top + 10, WIDTH - MARGIN, top + 10)
        top = set_story(pdf, story, top) - 25
    pdf.showPage()
    pdf.save()
    return buffer.getvalue()


def set_story(pdf: canvas.Canvas, story: Story, top: float) -> float:
    """Set one story from ``top`` down; the height where it ends."""
    if story.kicker:
        pdf.setFont(FONT, KICKER)
        pdf.drawCentredString(WIDTH / 2, top - KICKER, story.kicker)
        top -= KICKER + 8
    pdf.setFont(FONT, TITLE)
    pdf.drawCentredString(WIDTH / 2, top - TITLE, story.title)
    top -= TITLE + 16
    column_width = (WIDTH - 2 * MARGIN - (story.columns - 1) * GUTTER) / story.columns
    per_line = int(column_width // BODY)
    lines = []
    for paragraph in story.paragraphs:
        text = "\u3000\u3000" + paragraph  # the indent, as two ideographic spaces
        lines += [(text[i : i + per_line], i == 0) for i in range(0, len(text), per_line)]
    per_column = -(-len(lines) // story.columns)
    pdf.setFont(FONT, BODY)
    for n, (line, first) in enumerate(lines):
        column, row = divmod(n, per_column)
        x = MARGIN + column * (column_width + GUTTER)
        y = top - BODY - row * LEADING
        if first:  # the indent is a space the reader sees, not two characters
            line, x = line[2:], x + 2 * BODY
        pdf.drawString(x, y, line)
    top -= per_column * LEADING
    return set_photo(pdf, story, top) if story.caption else top


def set_photo(pdf: canvas.Canvas, story: Story, top: float) -> float:
    """A grey picture at the left margin, its caption and credit lines under it."""
    picture = io.BytesIO()
    Image.new("RGB", story.photo_pixels, (90, 120, 150)).save(picture, format="PNG")
    picture.seek(0)
    top -= 10 + PHOTO_HEIGHT
    pdf.drawImage(ImageReader(picture), MARGIN, top, PHOTO_WIDTH, PHOTO_HEIGHT)
    per_line = int(PHOTO_WIDTH // CAPTION)
    lines = [story.caption[i : i + per_line] for i in range(0, len(story.caption), per_line)]
    pdf.setFont(FONT, CAPTION)
    for line in [*lines, story.credit] if story.credit else lines:
        top -= CAPTION + 3
        pdf.drawString(MARGIN, top, line)
    return top
