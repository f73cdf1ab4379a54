"""The parser on real text: 人民日报 pages as pdfminer.six extracted them (../shared/pages/real)."""

import pytest
from pagescore import compare
from shared_pages import gold, needs_shared, real_pages

from articles.parsing import parse_page

pytestmark = needs_shared


@pytest.mark.parametrize("path", real_pages(), ids=lambda path: path.stem)
def test_a_real_page_parses_as_an_editor_records_it(path):
    text = path.read_text(encoding="utf-8")
    assert compare(parse_page(text).to_dict(), gold(path), text) == []
