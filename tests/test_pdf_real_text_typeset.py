"""Real text set as a printed page: each expected structure of ../shared, typeset in columns
(typeset_gold), must read back from the PDF's geometry as the editor recorded it."""

import pytest
from pagescore import compare
from shared_pages import gold, needs_shared, pdf_pages, real_pages
from typeset_gold import Layout, heading_face_missing, typeset_gold

from articles.parsing.pdf import read_newspaper_pdf

LAYOUTS = {
    "mixed grids, heads centred": Layout(columns=(3, 4, 2, 5), centred=True),
    "two and three columns, heads flush left": Layout(columns=(2, 3), centred=False),
    "five narrow columns": Layout(columns=(5,), centred=True),
}
pytestmark = [
    needs_shared,
    pytest.mark.skipif(bool(heading_face_missing()), reason=heading_face_missing() or "-"),
]


def cases():
    for name, layout in LAYOUTS.items():
        for path in [*real_pages(), *pdf_pages()]:
            yield pytest.param(layout, path, id=f"{path.stem}, {name}")


@pytest.mark.parametrize(("layout", "path"), list(cases()))
def test_real_text_typeset_in_columns_reads_back_as_its_editor_recorded_it(layout, path):
    expected = gold(path)
    (reading,) = read_newspaper_pdf(typeset_gold(expected, layout))
    parsed = reading.structure.to_dict()
    rubrics = [name for name in dict.fromkeys(article["column"] for article in expected["articles"]) if name]
    # The typeset page prints the articles, under a header of its own: its page fields are judged elsewhere.
    expected = {
        "page": parsed["page"],
        "articles": expected["articles"],
        "briefs": [],
        "photos": [],
        "columns": rubrics,
    }
    assert compare(parsed, expected, reading.text) == []
