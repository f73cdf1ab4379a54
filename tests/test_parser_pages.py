"""Every fixture page parses to its expected structure.

A page is tests/fixtures/pages/NAME.txt with its expected structure beside it
in NAME.gold.json; adding the two files is all a new page needs.
"""

import json

import pytest
from pagescore import compare
from paths import PAGES, SEED, SEED_FIXTURE

from articles.parsing import PageStructure, parse_page

GOLD_PAGES = sorted(page for page in PAGES.glob("*.txt") if page.with_suffix(".gold.json").exists())


def test_there_are_fixture_pages_with_expected_structures():
    assert GOLD_PAGES, f"no NAME.txt with a NAME.gold.json in {PAGES}"


@pytest.mark.parametrize("page", GOLD_PAGES, ids=lambda page: page.stem)
def test_each_fixture_page_parses_to_its_expected_structure(page):
    text = page.read_text(encoding="utf-8")
    gold = json.loads(page.with_suffix(".gold.json").read_text(encoding="utf-8"))
    mismatches = compare(parse_page(text).to_dict(), gold, text)
    if mismatches:  # the list alone, without pytest's repr of it and the traceback
        pytest.fail(f"{page.name}: {len(mismatches)} mismatches\n" + "\n".join(mismatches), pytrace=False)


def test_the_seed_fixture_is_the_page_the_site_ships():
    # The seed is in the tree twice (tests/paths.py says why): the copies must not drift apart.
    assert SEED_FIXTURE.read_bytes() == SEED.read_bytes()


@pytest.mark.parametrize("page", GOLD_PAGES, ids=lambda page: page.stem)
def test_each_fixture_page_reads_back_from_its_json_form(page):
    structure = parse_page(page.read_text(encoding="utf-8"))
    data = json.loads(json.dumps(structure.to_dict(), ensure_ascii=False))
    assert PageStructure.from_dict(data) == structure


def test_a_record_with_a_field_the_format_lacks_is_refused():
    data = parse_page(SEED_FIXTURE.read_text(encoding="utf-8")).to_dict()
    data["briefs"][0]["colour"] = "red"
    with pytest.raises(TypeError):
        PageStructure.from_dict(data)
