"""Where the tests' pages are: one definition for every test module.

The seed is in the tree twice, byte for byte: seeds/ ships it with the site,
beside the manifest that gives its paper and date (what an import needs), and
tests/fixtures/pages/ keeps it beside its expected structure, with the sample
pages (what the parser's tests need). test_parser_pages checks that the two
copies stay the same.
"""

from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEED_NAME = "000_836e624efba3a217"
# The real front page of 科技日报, 11 February 2023, as `importpages seeds/` imports it.
SEED = ROOT / "seeds" / f"{SEED_NAME}.txt"
# The fixture pages: each NAME.txt beside its expected structure, NAME.gold.json.
PAGES = ROOT / "tests" / "fixtures" / "pages"
SEED_FIXTURE = PAGES / f"{SEED_NAME}.txt"
SAMPLES = sorted(PAGES.glob("sample-*.txt"))
