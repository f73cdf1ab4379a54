"""How fast parse_page is, against the floor of reading a page and splitting its lines.

    python bench/parse.py

The parser is plain Python, so this imports it without starting Django.
Each figure is the median, over several repeats, of the mean time of a call
within a repeat; a repeat runs long enough for the clock to be precise.
Target: under 5 ms to parse the seed page. Exit status 1 when it is over.
The real pages of ../shared/pages/real, where present, are two to four times
the seed's size: their µs per KB beside the seed's shows the parser linear in
the page's length.
"""

import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from articles.parsing import parse_page  # noqa: E402  (needs ROOT on sys.path)

SEED_NAME = "000_836e624efba3a217.txt"
FIXTURES = ROOT / "tests" / "fixtures" / "pages"
REAL = ROOT.parent / "shared" / "pages" / "real"
TARGET_MS = 5.0
REPEATS = 7
REPEAT_SECONDS = 0.1


def ms_per_call(func):
    """The median time of one call of func, in milliseconds."""
    start = time.perf_counter()
    func()  # also warms up caches and lazily compiled regexes
    calls = max(1, int(REPEAT_SECONDS / max(time.perf_counter() - start, 1e-9)))
    times = []
    for _ in range(REPEATS):
        start = time.perf_counter()
        for _ in range(calls):
            func()
        times.append((time.perf_counter() - start) / calls)
    return statistics.median(times) * 1000


def measure(path):
    """(parse ms, floor ms) for the page at path."""
    text = path.read_text(encoding="utf-8")
    parse = ms_per_call(lambda: parse_page(text))
    floor = ms_per_call(lambda: path.read_text(encoding="utf-8").splitlines())
    return parse, floor


def main():
    seed = ROOT / "seeds" / SEED_NAME
    if not seed.exists():
        seed = FIXTURES / SEED_NAME
    pages = [seed, *(page for page in sorted(FIXTURES.glob("*.txt")) if page.name != SEED_NAME)]
    pages += sorted(REAL.glob("*.txt")) if REAL.is_dir() else []

    print(f"{'page':<36} {'KB':>6} {'parse ms':>9} {'µs/KB':>7} {'floor ms':>9} {'parse/floor':>12}")
    results = {}
    for page in pages:
        parse, floor = results[page] = measure(page)
        label = f"{page.stem} (seed)" if page == seed else page.stem
        size = page.stat().st_size / 1024
        per_kb = parse * 1000 / size
        print(f"{label:<36} {size:>6.1f} {parse:>9.3f} {per_kb:>7.0f} {floor:>9.3f} {parse / floor:>11.1f}x")

    seed_ms = results[seed][0]
    verdict = "OK" if seed_ms < TARGET_MS else "OVER TARGET"
    print(f"\nseed page: {seed_ms:.3f} ms per parse, target under {TARGET_MS:g} ms: {verdict}")
    return 0 if seed_ms < TARGET_MS else 1


if __name__ == "__main__":
    sys.exit(main())
