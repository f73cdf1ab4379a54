"""Open a PDF and read each page's glyphs, rules and pictures through pdfminer.six.

Every way a bad PDF can come in ends here, as one PdfRefused with a Chinese
sentence for the person who gave it: not a PDF, cut short, locked, scanned
(pictures of text, which need OCR first), set in fonts whose glyphs map to no
characters, or too large. Nothing is stored before the whole file has been read.
"""

import io
import logging
import re
from collections.abc import Callable
from dataclasses import dataclass, field

from pdfminer.converter import PDFPageAggregator
from pdfminer.layout import LTChar, LTCurve, LTFigure, LTImage, LTLine, LTRect
from pdfminer.pdfdocument import PDFDocument, PDFEncryptionError, PDFPasswordIncorrect
from pdfminer.pdfinterp import PDFPageInterpreter, PDFResourceManager
from pdfminer.pdfpage import PDFPage
from pdfminer.pdfparser import PDFParser, PDFSyntaxError
from pdfminer.pdftypes import resolve1
from pdfminer.psexceptions import PSException

from .geometry import Glyph, Rule

# A paper's edition runs to a few dozen pages, a web edition's PDF to a few hundred.
MAX_PDF_PAGES = 400
MAX_PDF_BYTES = 200 * 1024 * 1024
# A broadsheet page is about 1,600 points tall, a spread of two 2,400 wide: a page over
# this on a side is no newspaper page, and its picture would take gigabytes to render.
MAX_PAGE_POINTS = 3600
POINTS_PER_MM = 72 / 25.4
# Below this share of glyphs with a character behind them, the fonts carry no text:
# pdfminer reads such a glyph as "(cid:123)".
MIN_MAPPED_SHARE = 0.9

# pdfminer logs a warning for every odd object in a damaged file; the refusal says it once.
logging.getLogger("pdfminer").setLevel(logging.ERROR)


class PdfRefused(ValueError):
    """The file cannot be read as a newspaper's PDF. str() is a Chinese sentence."""


@dataclass
class Picture:
    """A raster picture on the page: where it stands, and the PDF object's name."""

    x0: float
    y0: float
    x1: float
    y1: float
    name: str


@dataclass
class PdfPage:
    number: int  # 1-based, in the PDF
    width: float
    height: float
    glyphs: list[Glyph] = field(default_factory=list)
    rules: list[Rule] = field(default_factory=list)
    pictures: list[Picture] = field(default_factory=list)


# Called with (pages read, pages in the PDF) as a long PDF is read.
Progress = Callable[[int, int], None]

# A subset font's name starts with six capitals and a plus: "AAAAAB+WenQuanYi" is the
# second subset of the face "WenQuanYi", which a typesetter starts after 256 glyphs.
SUBSET_TAG = re.compile(r"^[A-Z]{6}\+")


def face_of(fontname: str) -> str:
    """The typeface a glyph is set in, whichever subset of it the PDF embeds."""
    return SUBSET_TAG.sub("", fontname)


# Fonts parsed once serve every page that uses them (a web edition's 56 pages share
# two), but an edition joined from pages' own PDFs embeds each page's fonts anew, and
# a Chinese font's maps take 10-20 MB: past this many, the cache starts over.
MAX_CACHED_FONTS = 8


# The PDF header may follow up to a kilobyte of junk, which readers accept.
PDF_HEADER_REACH = 1024


def looks_like_pdf(data: bytes) -> bool:
    return b"%PDF-" in data[:PDF_HEADER_REACH]


def is_pdf_file(path) -> bool:
    """Whether the file at path is to be read as a PDF: its content says so, whatever its
    name, or its name does (and the PDF reader then says it is none).

    False for another file that cannot be opened: the text reader then says why.
    """
    if str(path).lower().endswith(".pdf"):
        return True
    try:
        with open(path, "rb") as file:
            return looks_like_pdf(file.read(PDF_HEADER_REACH))
    except OSError:
        return False


def read_pdf(data: bytes, name: str = "PDF", progress: Progress | None = None) -> list[PdfPage]:
    """Every page of the PDF in data, or PdfRefused. ``progress(read, total)`` is called
    after each page, for a long edition's importer to show how far it is."""
    if len(data) > MAX_PDF_BYTES:
        raise PdfRefused(f"{name}：文件超过 {MAX_PDF_BYTES // (1024 * 1024)} MB，请分成几个文件导入。")
    if not looks_like_pdf(data):
        raise PdfRefused(f"{name}：这不是 PDF 文件。")
    try:
        pages = list(_read_pages(data, name, progress or (lambda read, total: None)))
    except PdfRefused:
        raise
    except (PDFPasswordIncorrect, PDFEncryptionError):
        raise PdfRefused(f"{name}：PDF 已加密，请先用密码解除加密再导入。") from None
    except (PDFSyntaxError, PSException, ValueError, KeyError, TypeError, AttributeError, AssertionError):
        raise PdfRefused(f"{name}：PDF 文件已损坏或不完整，无法读取。") from None
    if not pages:
        raise PdfRefused(f"{name}：PDF 里没有页面。")
    glyphs = [glyph for page in pages for glyph in page.glyphs]
    if not glyphs:
        raise PdfRefused(f"{name}：PDF 里没有文字，可能是扫描件；请先做文字识别（OCR）再导入。")
    mapped = sum(1 for glyph in glyphs if not glyph.text.startswith("(cid:"))
    if mapped < MIN_MAPPED_SHARE * len(glyphs):
        raise PdfRefused(f"{name}：PDF 的字体没有字符映射，取不出文字；请用原始排版文件重新导出 PDF。")
    return pages


def _read_pages(data: bytes, name: str, progress: Progress):
    parser = PDFParser(io.BytesIO(data))
    document = PDFDocument(parser)
    if not document.is_extractable:
        raise PdfRefused(f"{name}：PDF 禁止提取文字，无法导入。")
    total = page_count(document)
    resources = PDFResourceManager(caching=True)
    for number, page in enumerate(PDFPage.create_pages(document), start=1):
        if number > MAX_PDF_PAGES:
            raise PdfRefused(f"{name}：PDF 超过 {MAX_PDF_PAGES} 页，请分成几个文件导入。")
        refuse_huge_page(page, number, name)
        if len(getattr(resources, "_cached_fonts", ())) > MAX_CACHED_FONTS:
            resources = PDFResourceManager(caching=True)
        device = PDFPageAggregator(resources, laparams=None)
        PDFPageInterpreter(resources, device).process_page(page)
        yield _page_from_layout(number, device.get_result())
        progress(number, max(total, number))


def refuse_huge_page(page: PDFPage, number: int, name: str) -> None:
    x0, y0, x1, y1 = page.mediabox
    width, height = abs(x1 - x0), abs(y1 - y0)
    if max(width, height) > MAX_PAGE_POINTS:
        size = f"{width / POINTS_PER_MM:.0f}×{height / POINTS_PER_MM:.0f} 毫米"
        raise PdfRefused(f"{name}：第 {number} 页的版面尺寸过大（{size}），不像报纸版面，无法导入。")


def page_count(document: PDFDocument) -> int:
    """The page count the PDF's page tree declares, or 0 when it does not say."""
    count = resolve1(resolve1(document.catalog.get("Pages")) or {}).get("Count") if document.catalog else None
    return count if isinstance(count, int) and count > 0 else 0


def _page_from_layout(number: int, layout) -> PdfPage:
    x0, y0, x1, y1 = layout.bbox
    page = PdfPage(number=number, width=x1 - x0, height=y1 - y0)
    _collect(layout, page)
    return page


def _collect(item, page: PdfPage) -> None:
    for child in item:
        if isinstance(child, LTChar):
            text = child.get_text()
            if text.strip():
                face = face_of(child.fontname)
                page.glyphs.append(Glyph(child.x0, child.y0, child.x1, child.y1, child.size, face, text))
        elif isinstance(child, LTImage):
            page.pictures.append(Picture(child.x0, child.y0, child.x1, child.y1, child.name))
        elif isinstance(child, LTFigure):
            before = len(page.pictures)
            _collect(child, page)
            if len(page.pictures) > before + 1:
                continue
            if len(page.pictures) == before + 1:
                # An image drawn inside a form: the figure's box is where it is printed.
                page.pictures[-1] = Picture(child.x0, child.y0, child.x1, child.y1, page.pictures[-1].name)
        elif isinstance(child, (LTRect, LTLine, LTCurve)):
            page.rules.append(Rule(child.x0, child.y0, child.x1, child.y1))
