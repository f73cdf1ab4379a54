"""A page imported from text gets its printed picture (版面图) and its records' boxes
from an editor in the admin; the page view then shows the picture with every boxed
record a region on it."""

import io

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image

from articles.models import Article


@pytest.fixture
def picture():
    buffer = io.BytesIO()
    Image.new("RGB", (300, 420), "white").save(buffer, "PNG")
    return SimpleUploadedFile("page.png", buffer.getvalue(), content_type="image/png")


def test_the_admin_takes_a_picture_for_the_page_and_four_numbers_for_each_box(editor_client, seed_page):
    page_form = editor_client.get(reverse("admin:articles_page_change", args=[seed_page.pk])).content.decode()
    assert 'type="file" name="scan"' in page_form
    story = seed_page.articles.first()
    article_form = editor_client.get(reverse("admin:articles_article_change", args=[story.pk])).content.decode()
    for name in ("box_left", "box_top", "box_width", "box_height"):
        assert f'name="{name}"' in article_form


def test_a_picture_and_boxes_given_by_hand_make_the_printed_page(client, seed_page, picture, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    seed_page.scan = picture
    seed_page.save()
    story = Article.objects.with_page().get(page=seed_page, title="国家试点公共领域车辆全面电动化")
    story.box_left, story.box_top, story.box_width, story.box_height = 0.1, 0.2, 0.5, 0.3
    story.save()
    html = client.get(seed_page.get_absolute_url()).content.decode()
    assert f'src="{seed_page.scan.url}"' in html
    assert f'<a href="{story.get_absolute_url()}" aria-label="{story.title}" data-record="article-{story.pk}">' in html
    assert '<rect x="100.0" y="200.0" width="500.0" height="300.0">' in html
    # Records without a box are in the list, not on the picture.
    assert html.count('<a href="/kejiribao/2023-02-11/1/') > html.count("<rect ")


def test_a_box_outside_the_page_is_refused(seed_page):
    story = seed_page.articles.first()
    story.box_left = 1.5
    with pytest.raises(ValidationError) as refused:
        story.full_clean()
    assert set(refused.value.message_dict) == {"box_left"}
