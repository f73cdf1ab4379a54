"""The printed page as pictures, through pypdfium2 (Apache-2.0/BSD): the 版面图 that
readers click, its thumbnail for the page strip, each photo (the image the PDF
embeds, or the picture cut to its box), and the PDF of the page alone for
"下载本版PDF".

Plain Python on bytes; the importer stores what comes out.
"""

import io
from dataclasses import dataclass

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c
from PIL import Image

# 150 dpi: a 1000-point page renders 2083 pixels wide, enough to read a body line
# on a desk screen, at a few hundred KB as JPEG.
SCAN_DPI = 150
THUMBNAIL_WIDTH = 240
JPEG_QUALITY = 82
POINTS_PER_INCH = 72


@dataclass
class PageScan:
    image: bytes  # JPEG of the whole page at SCAN_DPI
    thumbnail: bytes  # JPEG, THUMBNAIL_WIDTH wide
    pdf: bytes  # the PDF pages this newspaper page was read from, alone
    crops: list[bytes]  # JPEG of each box asked for, in order


def scan_pages(data: bytes, numbers: list[int], boxes: list[tuple[float, float, float, float]]) -> PageScan:
    """Render the first of the 1-based PDF pages ``numbers``, copy them all into a PDF of their
    own, and cut out each box (x0, y0, x1, y1 in PDF points, origin bottom left) of the first."""
    document = pdfium.PdfDocument(data)
    try:
        page = document[numbers[0] - 1]
        height = page.get_height()
        scale = SCAN_DPI / POINTS_PER_INCH
        picture = page.render(scale=scale).to_pil().convert("RGB")
        crops = [photo_of(page, picture, box, height, scale) for box in boxes]
        thumbnail = picture.copy()
        thumbnail.thumbnail((THUMBNAIL_WIDTH, THUMBNAIL_WIDTH * 4), Image.Resampling.LANCZOS)
        alone = pdfium.PdfDocument.new()
        alone.import_pages(document, [number - 1 for number in numbers])
        buffer = io.BytesIO()
        alone.save(buffer)
        return PageScan(image=jpeg(picture), thumbnail=jpeg(thumbnail), pdf=buffer.getvalue(), crops=crops)
    finally:
        document.close()


def photo_of(page, picture: Image.Image, box, height: float, scale: float) -> bytes:
    """The photo printed in box: the image the PDF embeds there, in its own resolution, when
    it has more pixels than the page's picture gives it (a 300 dpi photo does), else the
    page's picture cut to the box (a tiny or rotated image, or one pypdfium2 cannot decode)."""
    crop = picture.crop(pixel_box(box, height, scale))
    embedded = embedded_image(page, box)
    if embedded is not None and embedded.width * embedded.height > crop.width * crop.height:
        return jpeg(embedded)
    return jpeg(crop)


def embedded_image(page, box) -> Image.Image | None:
    for image in page.get_objects(filter=[pdfium_c.FPDF_PAGEOBJ_IMAGE]):
        left, bottom, right, top = image.get_bounds()
        if max(abs(left - box[0]), abs(bottom - box[1]), abs(right - box[2]), abs(top - box[3])) > 2:
            continue
        a, b, c, d, _, _ = image.get_matrix().get()
        if b or c or a < 0 or d < 0:  # rotated or mirrored: the page's picture shows it upright
            return None
        try:
            return image.get_bitmap(render=False).to_pil().convert("RGB")
        except (pdfium.PdfiumError, ValueError, OSError):
            return None
    return None


def pixel_box(box: tuple[float, float, float, float], height: float, scale: float) -> tuple[int, int, int, int]:
    x0, y0, x1, y1 = box
    return (round(x0 * scale), round((height - y1) * scale), round(x1 * scale), round((height - y0) * scale))


def jpeg(picture: Image.Image) -> bytes:
    buffer = io.BytesIO()
    picture.save(buffer, format="JPEG", quality=JPEG_QUALITY, optimize=True)
    return buffer.getvalue()
