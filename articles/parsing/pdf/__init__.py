"""Read a newspaper's PDF: each of its pages, or each 版 that runs over several PDF pages.

A paper's own PDF prints one newspaper page on each PDF page, in columns: its
geometry decides the structure (``printed``). A web edition rendered to PDF
runs one column of stories over many PDF pages and prints the paper's line
("《人民日报》（2025年10月20日 第 02 版）") under each title: its pages are read
top to bottom into text, grouped by the 版 that line names, and parsed as such
text is (``onecolumn``).
"""

import logging
from dataclasses import dataclass, field

from ..parser import count_countable, output_text, parse_page
from ..structure import PageStructure
from ..vocabulary import HEADER_PAGE
from .document import MAX_PDF_BYTES, PdfPage, PdfRefused, Picture, Progress, is_pdf_file, looks_like_pdf, read_pdf
from .geometry import TextLine, body_style, build_lines
from .printed import read_printed_page

__all__ = [
    "MAX_PDF_BYTES",
    "PdfRefused",
    "PdfReading",
    "Progress",
    "is_pdf_file",
    "looks_like_pdf",
    "read_newspaper_pdf",
]


logger = logging.getLogger(__name__)

# A printed page in columns has hundreds of rows where two columns' lines stand side by side.
MIN_SIDE_BY_SIDE_ROWS = 5
# Two body lines stand side by side when one's bottom is above the other's top by more
# than half a body line: at 1.5, page-2.pdf reads as one column (its first story loses
# its title); nothing changes down to 0.
SAME_ROW = 0.5


@dataclass
class PdfReading:
    """One newspaper page read from a PDF."""

    structure: PageStructure
    text: str  # the page's text, top to bottom: what the page is stored and compared as
    pdf_pages: list[int]  # 1-based numbers of the PDF pages it was read from
    boxes: dict[int, tuple[float, float, float, float]] = field(default_factory=dict)  # id(record) -> PDF points
    pictures: dict[int, Picture] = field(default_factory=dict)  # id(photo) -> its picture
    page_size: tuple[float, float] = (0.0, 0.0)


def read_newspaper_pdf(data: bytes, name: str = "PDF", progress: Progress | None = None) -> list[PdfReading]:
    """Every newspaper page in a PDF's bytes, or PdfRefused with a Chinese message.
    ``progress(read, total)`` follows the reading of the PDF's pages."""
    readings: list[PdfReading] = []
    web_run: list[tuple[PdfPage, list[TextLine]]] = []
    for page in read_pdf(data, name, progress):
        lines = build_lines(page.glyphs)
        if is_one_column(lines):
            if web_run and starts_new_edition_page(lines, web_run):
                readings.append(read_web_run(web_run))
                web_run = []
            web_run.append((page, lines))
            continue
        if web_run:
            readings.append(read_web_run(web_run))
            web_run = []
        readings.append(read_printed(page, lines))
    if web_run:
        readings.append(read_web_run(web_run))
    return readings


def read_printed(page: PdfPage, lines: list[TextLine]) -> PdfReading:
    """A printed page read from its geometry, or, should that lose or repeat a character
    (it only cuts the page's lines into pieces, so it never should), from its text."""
    text = page_text([lines])
    printed = read_printed_page(page, lines)
    if count_countable(output_text(printed.structure)) != count_countable(text):
        logger.error("PDF page %s: the geometry lost or repeated text; reading its text instead", page.number)
        return PdfReading(parse_page(text), text, [page.number], page_size=(page.width, page.height))
    size = (page.width, page.height)
    return PdfReading(printed.structure, text, [page.number], printed.boxes, printed.pictures, size)


def is_one_column(lines: list[TextLine]) -> bool:
    """Body lines stand side by side on a few rows at most: the page is one column, however
    narrow its last page of a story ("黔灵山推窗可见" ⏎ "贵阳城高耸的发髻" …) or its editors'
    box. (A justified line may still break at a wide space: "“沪青同心  共筑中国梦”为主题…".)"""
    size, font = body_style(lines)
    body = sorted((line for line in lines if line.size == size and line.font == font), key=lambda line: line.y0)
    side_by_side = 0
    for upper, lower in zip(body, body[1:], strict=False):
        if lower.y0 < upper.y1 - SAME_ROW * size and (lower.x0 > upper.x1 or upper.x0 > lower.x1):
            side_by_side += 1
    return side_by_side < MIN_SIDE_BY_SIDE_ROWS


def page_number_named(lines: list[TextLine]) -> str:
    for line in lines:
        if match := HEADER_PAGE.search(line.text):
            return match["number"].lstrip("0")
    return ""


def starts_new_edition_page(lines: list[TextLine], run: list[tuple[PdfPage, list[TextLine]]]) -> bool:
    """A web PDF page whose paper line names another 版 than the run's."""
    named = page_number_named(lines)
    current = next((n for _, page_lines in run if (n := page_number_named(page_lines))), "")
    return bool(named and current and named != current)


def read_web_run(run: list[tuple[PdfPage, list[TextLine]]]) -> PdfReading:
    """The PDF pages of one 版, top to bottom, as the text an extractor gives, parsed."""
    text = page_text([lines for _, lines in run])
    page = run[0][0]
    return PdfReading(parse_page(text), text, [p.number for p, _ in run], page_size=(page.width, page.height))


def page_text(pages: list[list[TextLine]]) -> str:
    """Lines top to bottom, those on one row left to right, a blank line after each and a
    form feed between pages: the text pdfminer.six gives of a one-column page."""
    texts = []
    for lines in pages:
        rows: dict[int, list[TextLine]] = {}
        for line in lines:
            rows.setdefault(round(line.centre_y), []).append(line)
        ordered = [sorted(rows[y], key=lambda line: line.x0) for y in sorted(rows, reverse=True)]
        texts.append("\n\n".join(" ".join(line.text for line in row) for row in ordered))
    return "\n\n\f".join(texts)
