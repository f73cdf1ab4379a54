"""Photos inside their stories: a photo whose caption shares its words with a story on
the same page is shown at the head of that story, and links back to it."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from articles.models import Article, Photo

# sample-3's photo of the 星衡新能源 battery plant's building site belongs to the story
# of the province's projects breaking ground, which tells of that plant.
FIRST_TITLE = "全省重大项目集中开工总投资3280亿元"


@pytest.fixture
def front(import_sample):
    return import_sample("sample-3")


def battery_photo(page):
    return page.photos.select_related("article").get(caption__startswith="2月9日，在云川高新区星衡新能源动力电池")


def test_a_photo_goes_to_the_story_its_caption_shares_most_with(front):
    assert battery_photo(front).article.title == FIRST_TITLE
    tea = front.photos.select_related("article").get(caption__contains="蒙小芽")
    assert "蒙小芽" in tea.article.body


def test_a_photo_of_a_scene_with_no_story_on_its_page_goes_to_none(seed_page):
    # The seed's photos are of 沧县's crafts and a sports meeting; no story on the page tells of them.
    assert list(seed_page.photos.values_list("article", flat=True)) == [None, None]


def test_the_story_shows_its_photo_at_its_head_and_the_photo_links_back(client, front):
    photo = battery_photo(front)
    story = Article.objects.with_page().get(pk=photo.article_id)
    html = client.get(story.get_absolute_url()).content.decode()
    figure = html.index('<figure class="story-photo">')
    assert figure < html.index('<div class="story-body">')
    assert photo.caption in html and photo.credit in html
    assert f'href="{photo.get_absolute_url()}"' in html
    html = client.get(Photo.objects.with_page().get(pk=photo.pk).get_absolute_url()).content.decode()
    assert f'href="{story.get_absolute_url()}">配发文章：《{FIRST_TITLE}》' in html


def test_an_editor_moves_a_photo_to_another_story_of_its_page_only(editor_client, front, seed_page):
    photo = battery_photo(front)
    other = front.articles.exclude(pk=photo.article_id).first()
    photo.article = other
    photo.full_clean()
    photo.save()
    assert Photo.objects.get(pk=photo.pk).article == other
    photo.article = seed_page.articles.first()
    with pytest.raises(ValidationError, match="只能配发给同一版面上的文章"):
        photo.full_clean()
    assert editor_client.get(reverse("admin:articles_photo_change", args=[photo.pk])).status_code == 200
