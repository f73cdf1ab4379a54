"""Synthetic page texts for the benchmarks, and a corpus grown through the real importer.

    python bench/pages.py --articles 10000    # with DATABASE_URL etc. set: import until there are that many

Each synthetic page is one of the seed and sample pages with some of its Han
characters swapped for others from the same pages, so that every page has its
own checksum, keywords and search terms, while its layout (line lengths,
punctuation, datelines, bylines, credits, page references) is the original's:
the characters the parser's rules rely on are never swapped, and neither are
column rubrics, which a paper prints again and again. A page that
prints its date and number gets new ones in its header; one that does not gets
them as import facts, like the seed's manifest gives them.

Pages go through articles.importer.import_text, so they are parsed, stored with
history, keyword rows and search documents exactly as `importpages` stores them.
"""

import argparse
import datetime
import random
import re
import sys
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from articles.parsing import parse_page  # noqa: E402  (needs ROOT on sys.path)
from articles.parsing.vocabulary import HEADER_DATE, HEADER_PAGE, HEADER_WEEKDAY  # noqa: E402

SOURCES = [
    ROOT / "seeds" / "000_836e624efba3a217.txt",
    *sorted((ROOT / "tests" / "fixtures" / "pages").glob("sample-*.txt")),
]
# What the seed's manifest gives a page that does not print it.
DEFAULT_PAPER = "科技日报"
# Synthetic editions are dated before the seed's (2023-02-11), so the home page shows the seed either way.
LAST_DATE = datetime.date(2023, 2, 10)
PAGES_PER_DAY = 8
SWAP_SHARE = 0.8
_HAN = re.compile(r"[\u4e00-\u9fff]")
WEEKDAYS = "一二三四五六日"


@dataclass(frozen=True)
class SyntheticPage:
    name: str
    text: str
    paper: str  # as import facts, for a page that does not print it
    date: datetime.date
    number: str


def _protected() -> set[str]:
    """Every Han character the parser's source names (dateline and byline words,
    surnames, credit and header words): swapping one could change how a page parses."""
    parser_source = "".join(path.read_text(encoding="utf-8") for path in (ROOT / "articles" / "parsing").glob("*.py"))
    return set(_HAN.findall(parser_source))


class PageMaker:
    """Synthetic pages number 0, 1, 2, …: page i is dated LAST_DATE - i // PAGES_PER_DAY
    days and numbered i % PAGES_PER_DAY + 1, so no two share a date and number."""

    def __init__(self, seed: int = 0, last_date: datetime.date = LAST_DATE):
        self.seed = seed
        self.last_date = last_date
        texts = [path.read_text(encoding="utf-8") for path in SOURCES]
        self.sources = [(text, parse_page(text)) for text in texts]
        self.pool = sorted({char for text in texts for char in _HAN.findall(text)} - _protected())

    def page(self, i: int) -> SyntheticPage:
        rng = random.Random(f"{self.seed}-{i}")
        source, parsed = self.sources[i % len(self.sources)]
        date = self.last_date - datetime.timedelta(days=i // PAGES_PER_DAY)
        number = str(i % PAGES_PER_DAY + 1)
        chosen = rng.sample(self.pool, int(len(self.pool) * SWAP_SHARE))
        shuffled = chosen[:]
        rng.shuffle(shuffled)
        table = str.maketrans(dict(zip(chosen, shuffled, strict=True)))
        header = set(parsed.page.lines)
        lines = []
        for line in source.split("\n"):
            if line.strip() in header:
                line = _redate(line, date, number)
            elif not any(line.strip() in column for column in parsed.columns):
                # A paper prints a few column rubrics again and again: they stay as printed.
                line = line.translate(table)
            lines.append(line)
        name = f"bench-{self.seed}-{i:06d}.txt"
        return SyntheticPage(name, "\n".join(lines), DEFAULT_PAPER, date, number)


def _redate(line: str, date: datetime.date, number: str) -> str:
    line = HEADER_DATE.sub(f"{date.year}年{date.month}月{date.day}日", line)
    line = HEADER_WEEKDAY.sub(f"星期{WEEKDAYS[date.weekday()]}", line)
    return HEADER_PAGE.sub(f"第{number}版", line)


def import_page(page: SyntheticPage):
    """Store one synthetic page through the real importer; its ImportResult."""
    from articles.importer import PageFacts, import_text

    facts = PageFacts(paper=page.paper, date=page.date, number=page.number)
    return import_text(page.text, source_name=page.name, facts=facts)


def grow(articles: int, seed: int = 0, report=sys.stderr) -> dict:
    """Import synthetic pages until the database holds at least this many articles."""
    from articles.models import Article, Page

    maker, i, started = PageMaker(seed), 0, time.perf_counter()
    count, before = Article.objects.count(), Page.objects.count()
    while count < articles:
        result = import_page(maker.page(i))
        count += result.page.articles.count() if result.status == "created" else 0
        i += 1
        if i % 200 == 0:
            rate = i / (time.perf_counter() - started)
            print(f"  imported {i} pages, {count} articles ({rate:.1f} pages/s)", file=report, flush=True)
    seconds = time.perf_counter() - started
    return {"pages": Page.objects.count() - before, "articles": Article.objects.count(), "seconds": seconds}


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--articles", type=int, required=True, help="import until there are this many articles")
    parser.add_argument("--seed", type=int, default=0, help="which series of synthetic pages")
    args = parser.parse_args()
    import os

    import django

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "digest.settings")
    django.setup()
    result = grow(args.articles, args.seed)
    print(f"{result['pages']} pages imported in {result['seconds']:.1f} s; {result['articles']} articles in all")


if __name__ == "__main__":
    main()
