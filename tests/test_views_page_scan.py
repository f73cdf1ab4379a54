"""The printed page (版面图) of a page imported from a PDF: its picture, clickable stories, its PDF."""

import re

import pytest
from test_pdf_import import FRONT
from typeset import typeset

from articles.pdfimporter import import_pdf


@pytest.fixture
def printed_page(db, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    (result,) = import_pdf(typeset(FRONT), source_name="front.pdf")
    return result.page


def areas(html):
    """Each clickable area of the page map: its link and its rectangle in the map's units."""
    link = r'<a href="([^"]+)" aria-label="[^"]*" data-record="[\w-]+">'
    found = re.findall(link + r'<rect x="([\d.]+)" y="([\d.]+)" width="([\d.]+)" height="([\d.]+)">', html)
    return {url: tuple(map(float, box)) for url, *box in found}


def test_the_page_shows_its_picture_with_every_story_a_link_where_it_is_printed(client, printed_page):
    html = client.get(printed_page.get_absolute_url()).content.decode()
    assert f'src="{printed_page.scan.url}"' in html
    lead, second = printed_page.articles.all()
    (photo,) = printed_page.photos.all()
    mapped = areas(html)
    assert set(mapped) == {lead.get_absolute_url(), second.get_absolute_url(), photo.get_absolute_url()}
    for x, y, width, height in mapped.values():
        assert x >= 0 and y >= 0 and x + width <= 1000.1 and y + height <= 1000.1
    # The lead story stands at the top of the page, the second under it.
    assert mapped[lead.get_absolute_url()][1] < mapped[second.get_absolute_url()][1]
    assert f"<title>{lead.title}</title>" in html


def test_the_page_offers_its_own_pdf_and_the_file_is_served(client, printed_page):
    html = client.get(printed_page.get_absolute_url()).content.decode()
    assert f'href="{printed_page.pdf.url}" download>下载本版PDF' in html
    response = client.get(printed_page.pdf.url)
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    assert b"".join(response.streaming_content).startswith(b"%PDF")


def test_the_pictures_are_served_from_the_storage_and_cached(client, printed_page):
    for field in (printed_page.scan, printed_page.thumbnail, printed_page.photos.get().image):
        response = client.get(field.url)
        assert response.status_code == 200 and response["Content-Type"] == "image/jpeg"
        assert "max-age" in response["Cache-Control"]


@pytest.mark.parametrize("name", ["no-such.jpg", "../../digest/settings.py", "scans", "%2e%2e/secret"])
def test_a_media_name_outside_the_storage_or_missing_is_a_404(client, printed_page, name):
    assert client.get(f"/media/{name}").status_code == 404


def test_a_page_imported_from_text_has_no_picture(client, seed_page):
    html = client.get(seed_page.get_absolute_url()).content.decode()
    assert "page-scan" not in html and "下载本版PDF" not in html
