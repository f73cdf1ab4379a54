"""How long a PDF page takes from its bytes to records and pictures, against pdfminer.six's own text.

    .venv/bin/python bench/pdf.py

For each PDF of ../shared/pdf (or, where that is absent, a page typeset by the
tests' typesetter) it times, per newspaper page:

- extract: pdfminer.six's ``extract_text`` of the same file, the baseline;
- read: ``read_newspaper_pdf``, the structure from the glyphs' geometry;
- pictures: ``scan_pages``, the 150 dpi picture, thumbnail, page PDF and photo crops;
- total: read + pictures, what an import spends outside the database.

Target: total under 1.5 s a page. The ratio total/extract is the figure to
compare between runs, since this machine is shared. Then the peak memory of a
process that reads and renders an edition of 10 and of 20 pages: bounded means
the second is not twice the first. The parser and the renderer are plain
Python, so this does not start Django.
"""

import io
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "tests")]

import pypdfium2 as pdfium  # noqa: E402  (needs ROOT on sys.path)
from pdfminer.high_level import extract_text  # noqa: E402

from articles.pagescans import scan_pages  # noqa: E402
from articles.parsing.pdf import read_newspaper_pdf  # noqa: E402

SHARED_PDF = ROOT.parent / "shared" / "pdf"
TARGET_SECONDS = 1.5
REPEATS = 3


def seconds(func) -> float:
    """The median wall time of func over REPEATS runs."""
    times = []
    for _ in range(REPEATS):
        start = time.perf_counter()
        func()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def read_and_render(data: bytes) -> None:
    for reading in read_newspaper_pdf(data):
        wanted = [(p.x0, p.y0, p.x1, p.y1) for p in reading.pictures.values()]
        scan_pages(data, reading.pdf_pages, wanted)


def samples() -> list[tuple[str, bytes]]:
    if SHARED_PDF.is_dir():
        return [(path.name, path.read_bytes()) for path in sorted(SHARED_PDF.glob("*.pdf"))]
    from typeset import Page, Story, typeset

    body = ["枫城老字号搭上直播快车，一年的销售额突破了一亿元。" * 20] * 6
    return [("typeset.pdf", typeset(Page([Story("老字号触网", body), Story("高新区新春第一会", body, columns=4)])))]


def edition_of(data: bytes, pages: int) -> bytes:
    """A PDF of ``pages`` pages, the sample's pages over and over."""
    source = pdfium.PdfDocument(data)
    edition = pdfium.PdfDocument.new()
    while len(edition) < pages:
        edition.import_pages(source, list(range(min(len(source), pages - len(edition)))))
    buffer = io.BytesIO()
    edition.save(buffer)
    return buffer.getvalue()


def peak_megabytes(pages: int, sample: Path) -> float:
    """The peak memory of a fresh process that reads and renders an edition of ``pages`` pages."""
    code = (
        f"import sys; sys.path[:0] = [{str(ROOT)!r}, {str(ROOT / 'bench')!r}, {str(ROOT / 'tests')!r}]\n"
        "import resource, pdf\n"
        f"pdf.read_and_render(pdf.edition_of(open({str(sample)!r}, 'rb').read(), {pages}))\n"
        "print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    return int(out.split()[-1]) / 1024


def main() -> int:
    columns = ("pages", 5), ("extract s", 10), ("read s", 8), ("pictures s", 11), ("total s", 8), ("total/extract", 14)
    print(f"{'file':<26} " + " ".join(f"{name:>{width}}" for name, width in columns))
    worst = 0.0
    for name, data in samples():
        pages = len(read_newspaper_pdf(data))
        extract = seconds(lambda data=data: extract_text(io.BytesIO(data))) / pages
        read = seconds(lambda data=data: read_newspaper_pdf(data)) / pages
        total = seconds(lambda data=data: read_and_render(data)) / pages
        worst = max(worst, total)
        print(
            f"{name:<26} {pages:>5} {extract:>10.3f} {read:>8.3f} {total - read:>11.3f} {total:>8.3f}"
            f" {total / extract:>13.2f}x"
        )
    verdict = "OK" if worst < TARGET_SECONDS else "OVER TARGET"
    print(f"\nslowest page: {worst:.3f} s from PDF to records and pictures,", end=" ")
    print(f"target under {TARGET_SECONDS:g} s: {verdict}")

    sample = SHARED_PDF / "page-1.pdf"
    if sample.is_file():
        base = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        ten, twenty = peak_megabytes(10, sample), peak_megabytes(20, sample)
        print(f"peak memory reading and rendering an edition: 10 pages {ten:.0f} MB, 20 pages {twenty:.0f} MB")
        print(f"(this process, for scale: {base:.0f} MB)")
    return 0 if worst < TARGET_SECONDS else 1


if __name__ == "__main__":
    sys.exit(main())
