"""Reading newspaper PDFs: the shared typeset and real pages, typeset random pages, and bad files."""

import io

import pytest
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st
from pagescore import compare, countable, output_text
from PIL import Image
from reportlab.pdfgen import canvas
from shared_pages import REAL, REAL_PDF, gold, needs_shared, pdf_pages
from typeset import BODY, GUTTER, MARGIN, WIDTH, Page, Story, typeset

from articles.parsing.pdf import document as pdf_document
from articles.parsing.pdf import read_newspaper_pdf
from articles.parsing.pdf.document import PdfRefused


@needs_shared
@pytest.mark.parametrize("path", pdf_pages(), ids=lambda path: path.stem)
def test_a_typeset_page_reads_exactly_from_its_geometry(path):
    """page-1 writes its headlines after all its bodies; pdfminer's own text interleaves columns."""
    (reading,) = read_newspaper_pdf(path.read_bytes())
    text = path.with_suffix(".txt").read_text(encoding="utf-8")
    assert compare(reading.structure.to_dict(), gold(path), text) == []


@needs_shared
def test_the_real_pdf_gives_one_page_per_ban_each_as_its_editor_records_it():
    readings = read_newspaper_pdf(REAL_PDF.read_bytes())
    assert [r.structure.page.number for r in readings] == ["2", "4", "5", "10", "19", "20"]
    assert sum(len(r.pdf_pages) for r in readings) == 56
    for reading in readings:
        path = REAL / f"rmrb-{int(reading.structure.page.number):02d}.txt"
        assert compare(reading.structure.to_dict(), gold(path), path.read_text(encoding="utf-8")) == [], path.name


# GB2312's first level: the 3,755 commonest Han characters, all in STSong-Light.
HAN = "".join(
    bytes([row, cell]).decode("gb2312")
    for row in range(0xB0, 0xD8)
    for cell in range(0xA1, 0xFF)
    if (row, cell) < (0xD7, 0xFA)
)


def han(min_size, max_size):
    return st.text(alphabet=HAN, min_size=min_size, max_size=max_size)


def sentence():
    return st.builds(lambda words, end: words + end, han(8, 40), st.sampled_from("。！？"))


@st.composite
def paragraph(draw, per_line):
    """A paragraph of one and a half lines or more, as nearly all are: the full lines show
    where its column's edges are."""
    sentences = [draw(sentence())]
    while sum(map(len, sentences)) < 1.5 * per_line:
        sentences.append(draw(sentence()))
    return "".join(sentences)


@st.composite
def story(draw):
    """A story long enough to fill its columns for five lines or more: a page set in
    columns shows them side by side, where one column down the page is a web edition's
    layout, read as its text (onecolumn)."""
    columns = draw(st.integers(min_value=2, max_value=4))
    per_line = int((WIDTH - 2 * MARGIN - (columns - 1) * GUTTER) / columns // BODY)
    paragraphs = draw(st.lists(paragraph(per_line), min_size=2, max_size=6))
    while sum(len(p) + 2 for p in paragraphs) < 6 * columns * per_line:
        paragraphs.append(draw(paragraph(per_line)))
    kicker = draw(st.one_of(st.just(""), han(8, 18)))
    return Story(title=draw(han(6, 14)), paragraphs=paragraphs, kicker=kicker, columns=columns)


# No shrinking: each example typesets and reads a page, and a failure prints its stories anyway.
@settings(
    max_examples=12,
    deadline=None,
    phases=[Phase.explicit, Phase.reuse, Phase.generate],
    suppress_health_check=[HealthCheck.too_slow],
)
@given(st.lists(story(), min_size=1, max_size=3, unique_by=lambda s: s.title))
def test_a_typeset_page_gives_back_its_stories_and_every_character(stories):
    data = typeset(Page(stories))
    (reading,) = read_newspaper_pdf(data)
    parsed = reading.structure.to_dict()
    got = {article["title"]: article for article in parsed["articles"]}
    for expected in stories:
        article = got[expected.title]
        assert article["kicker"] == expected.kicker
        assert "".join(block["text"] for block in article["body"]) == "".join(expected.paragraphs)
    assert parsed["page"]["number"] == "3" and parsed["page"]["date"] == "2025-10-20"
    page_text = Page().header + Page().footer + "".join(s.kicker + s.title + "".join(s.paragraphs) for s in stories)
    assert countable(output_text(parsed)) == countable(page_text)


def pdf_of(draw, pagesize=(600, 800), **options) -> bytes:
    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer, pagesize=pagesize, **options)
    draw(pdf)
    pdf.showPage()
    pdf.save()
    return buffer.getvalue()


def scanned(pdf):
    """A page that is only a picture of a page, as a scanner makes."""
    picture = Image.new("RGB", (300, 400), "white")
    buffer = io.BytesIO()
    picture.save(buffer, format="PNG")
    buffer.seek(0)
    from reportlab.lib.utils import ImageReader

    pdf.drawImage(ImageReader(buffer), 0, 0, 600, 800)


def a_line(pdf):
    pdf.setFont("Helvetica", 12)
    pdf.drawString(72, 700, "Digest")


def raw_pdf(objects: list[bytes]) -> bytes:
    """A PDF written by hand, object by object, with its cross-reference table."""
    out, offsets = b"%PDF-1.4\n", []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += f"{number} 0 obj\n".encode() + body + b"\nendobj\n"
    table = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    out += b"".join(f"{offset:010d} 00000 n \n".encode() for offset in offsets)
    out += f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{table}\n%%EOF\n".encode()
    return out


def unmapped_font_pdf() -> bytes:
    """Text in a CID font with no ToUnicode map: its glyphs stand for no characters."""
    content = b"BT /F1 12 Tf 72 700 Td <0001000200030004> Tj ET"
    return raw_pdf(
        [
            b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 600 800] /Resources << /Font << /F1 4 0 R >> >>"
            b" /Contents 5 0 R >>",
            b"<< /Type /Font /Subtype /Type0 /BaseFont /X /Encoding /Identity-H /DescendantFonts [6 0 R] >>",
            b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream",
            b"<< /Type /Font /Subtype /CIDFontType2 /BaseFont /X"
            b" /CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> >>",
        ]
    )


BAD_PDFS = {
    "not a PDF": (lambda: "这是一段文字，不是PDF。".encode(), "不是 PDF"),
    "cut short": (lambda: pdf_of(a_line)[:400], "损坏或不完整"),
    "locked": (lambda: pdf_of(a_line, encrypt="secret"), "已加密"),
    "scanned": (lambda: pdf_of(scanned), "文字识别"),
    "fonts without characters": (unmapped_font_pdf, "字符映射"),
    "empty": (lambda: b"", "不是 PDF"),
    "a page too large": (lambda: pdf_of(a_line, pagesize=(600, 14000)), "版面尺寸过大"),
}


@pytest.mark.parametrize("case", BAD_PDFS, ids=str)
def test_a_bad_pdf_is_refused_with_a_chinese_sentence(case):
    make, words = BAD_PDFS[case]
    with pytest.raises(PdfRefused, match=words):
        read_newspaper_pdf(make(), name="page.pdf")


def test_a_pdf_of_too_many_pages_is_refused(monkeypatch):
    monkeypatch.setattr(pdf_document, "MAX_PDF_PAGES", 1)
    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer)
    for _ in range(2):
        a_line(pdf)
        pdf.showPage()
    pdf.save()
    with pytest.raises(PdfRefused, match="超过 1 页"):
        read_newspaper_pdf(buffer.getvalue())


def test_a_pdf_too_large_is_refused_before_it_is_read(monkeypatch):
    monkeypatch.setattr(pdf_document, "MAX_PDF_BYTES", 100)
    with pytest.raises(PdfRefused, match="MB"):
        read_newspaper_pdf(pdf_of(a_line))
