"""The photo page: the image when one is attached, else a placeholder; caption and credit."""

import io

from django.core.files.base import ContentFile
from PIL import Image

from articles.models import Photo


def png():
    buffer = io.BytesIO()
    Image.new("RGB", (8, 6), "gray").save(buffer, "PNG")
    return ContentFile(buffer.getvalue())


def seed_photo(seed_page):
    return Photo.objects.with_page().get(page=seed_page, credit="新华社记者 牟宇/摄")


def test_it_shows_the_caption_and_credit(client, seed_page):
    response = client.get(seed_photo(seed_page).get_absolute_url())
    html = response.content.decode()
    assert response.status_code == 200
    assert "近年来，河北省沧县深入挖掘特色文化资源，积极推动传统制银技艺走规模化生产经营道路" in html
    assert "新华社记者 牟宇/摄" in html
    assert f'href="{seed_page.get_absolute_url()}">第1版 要闻<' in html


def test_without_an_image_it_shows_a_placeholder(client, seed_page):
    html = client.get(seed_photo(seed_page).get_absolute_url()).content.decode()
    assert 'class="photo-placeholder" role="img" aria-label="暂无图片"' in html
    assert "<img" not in html


def test_with_an_image_it_shows_it(client, seed_page, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    photo = seed_photo(seed_page)
    photo.image.save("silver.png", png())
    html = client.get(photo.get_absolute_url()).content.decode()
    assert f'<img src="{photo.image.url}"' in html
    assert f'<meta property="og:image" content="http://testserver{photo.image.url}">' in html
    assert "photo-placeholder" not in html


def test_a_stale_address_redirects_and_a_missing_photo_is_not_found(client, seed_page):
    photo = seed_photo(seed_page)
    response = client.get(f"/2023-02-10/1/photos/{photo.pk}/")
    assert response.status_code == 301 and response["Location"] == photo.get_absolute_url()
    assert client.get("/2023-02-11/1/photos/999/").status_code == 404


def test_it_runs_one_query(client, seed_page, reader_queries):
    photo = seed_photo(seed_page)
    url = photo.get_absolute_url()
    # The photo (with its page and story), and the edition bar: the edition's pages,
    # the previous and the next edition.
    with reader_queries(4):
        assert client.get(url).status_code == 200
