"""How well Digest reads every page that has an expected structure, by the official scorer.

    .venv/bin/python bench/accuracy.py

Pages: tests/fixtures/pages (the seed and the samples), and where ../shared is
present, its pages, its real text pages (pages/real), its typeset PDF pages
(pdf/page-*.pdf, read from their geometry) and its real PDF (each 版 read from
pdf/rmrb-20251020-dev.pdf, judged against the gold of pages/real). Each page is
scored by ../shared/tools/score_page.py, and the table gives exact records,
record F1, fields and coverage, page by page and per group.

Targets: the seed and samples exact; at least 90% of records exact over the
real text pages and over the PDF pages; coverage exact everywhere. Exit status
1 when one is missed.
"""

import importlib.util
import re
import sys
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from articles.parsing import parse_page  # noqa: E402  (needs ROOT on sys.path)
from articles.parsing.pdf import read_newspaper_pdf  # noqa: E402

SHARED = ROOT.parent / "shared"
SCORER = SHARED / "tools" / "score_page.py"
FIXTURES = ROOT / "tests" / "fixtures" / "pages"
REAL_EXACT_TARGET = 0.9
SUMMARY = re.compile(
    r"records F1 (?P<f1>[\d.]+) .*exact records (?P<exact>\d+)/(?P<records>\d+), "
    r"fields (?P<fields_ok>\d+)/(?P<fields>\d+), coverage (?P<coverage>[\d.]+) (?P<verdict>\S+)"
)


@dataclass
class Score:
    page: str
    exact: int
    records: int
    f1: float
    fields_ok: int
    fields: int
    coverage_exact: bool


def load_scorer():
    spec = importlib.util.spec_from_file_location("score_page", SCORER)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.score


def gold_of(path: Path) -> dict:
    import json

    return json.loads(path.with_suffix("").with_suffix(".gold.json").read_text(encoding="utf-8"))


def scored(score, name: str, text: str, gold: dict, parsed: dict) -> Score:
    _, summary, _ = score(text, gold, parsed)
    m = SUMMARY.search(summary)
    return Score(
        name,
        int(m["exact"]),
        int(m["records"]),
        float(m["f1"]),
        int(m["fields_ok"]),
        int(m["fields"]),
        m["verdict"] == "exact",
    )


def text_pages(score, folder: Path) -> list[Score]:
    results = []
    for path in sorted(folder.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        results.append(scored(score, path.stem, text, gold_of(path), parse_page(text).to_dict()))
    return results


def typeset_pdf_pages(score) -> list[Score]:
    results = []
    for path in sorted((SHARED / "pdf").glob("page-*.pdf")):
        (reading,) = read_newspaper_pdf(path.read_bytes())
        text = path.with_suffix(".txt").read_text(encoding="utf-8")
        results.append(scored(score, path.name, text, gold_of(path), reading.structure.to_dict()))
    return results


def real_pdf_pages(score) -> list[Score]:
    results = []
    for reading in read_newspaper_pdf((SHARED / "pdf" / "rmrb-20251020-dev.pdf").read_bytes()):
        real = SHARED / "pages" / "real" / f"rmrb-{int(reading.structure.page.number):02d}.txt"
        name = f"rmrb-dev.pdf 第{reading.structure.page.number}版"
        text = real.read_text(encoding="utf-8")
        results.append(scored(score, name, text, gold_of(real), reading.structure.to_dict()))
    return results


def print_group(title: str, scores: list[Score]) -> float:
    print(f"\n{title}")
    print(f"  {'page':<28} {'exact':>9} {'F1':>6} {'fields':>9} {'coverage':>9}")
    for s in scores:
        coverage = "exact" if s.coverage_exact else "LOST"
        print(f"  {s.page:<28} {s.exact:>4}/{s.records:<4} {s.f1:>6.3f} {s.fields_ok:>4}/{s.fields:<4} {coverage:>9}")
    exact, records = sum(s.exact for s in scores), sum(s.records for s in scores)
    share = exact / records if records else 1.0
    print(f"  {'all':<28} {exact:>4}/{records:<4} {share:>6.1%} exact")
    return share


def main() -> int:
    if not SCORER.is_file():
        print(f"The scorer is not at {SCORER}: ../shared is absent, so there is nothing to score against.")
        return 0
    score = load_scorer()
    groups = {"seed and samples (tests/fixtures/pages)": text_pages(score, FIXTURES)}
    if (SHARED / "pages").is_dir():
        groups["../shared/pages"] = text_pages(score, SHARED / "pages")
        groups["real text (../shared/pages/real)"] = text_pages(score, SHARED / "pages" / "real")
    if (SHARED / "pdf").is_dir():
        groups["typeset PDF (../shared/pdf)"] = typeset_pdf_pages(score)
        groups["real PDF (../shared/pdf/rmrb-20251020-dev.pdf)"] = real_pdf_pages(score)
    missed = []
    for title, scores in groups.items():
        share = print_group(title, scores)
        target = 1.0 if "samples" in title else REAL_EXACT_TARGET
        if share < target or not all(s.coverage_exact for s in scores):
            missed.append(title)
    print("\nall targets met" if not missed else f"\ntargets missed: {', '.join(missed)}")
    return 1 if missed else 0


if __name__ == "__main__":
    sys.exit(main())
