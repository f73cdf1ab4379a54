"""Papers: each has a name, as its pages print it, and a slug that starts its addresses."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.urls import reverse
from paths import SAMPLES

from articles.models import Paper
from articles.papers import pinyin_slug, validate_slug


@pytest.mark.parametrize(
    ("name", "slug"),
    [
        ("青岚科技日报", "qinglankejiribao"),
        ("澜州日报", "lanzhouribao"),
        ("21世纪经济报道", "p21shijijingjibaodao"),
        ("China Daily 中国日报", "china-daily-zhongguoribao"),
        ("！？", "paper"),
    ],
)
def test_a_slug_is_the_name_s_pinyin(name, slug):
    assert pinyin_slug(name) == slug
    validate_slug(slug)


@pytest.mark.parametrize("slug", ["search", "admin", "undated-3", "2023-02-11", "Kejiribao", "ke ji", "-x"])
def test_a_slug_may_not_be_the_site_s_own_address_or_look_like_a_date(slug):
    with pytest.raises(ValidationError):
        validate_slug(slug)


def test_papers_whose_names_sound_alike_get_their_own_slugs(db):
    first, second = Paper.named("澜州日报"), Paper.named("兰州日报")
    assert (first.slug, second.slug) == ("lanzhouribao", "lanzhouribao-2")
    assert Paper.named("澜州日报") == first


def test_a_page_without_a_paper_goes_to_the_default_paper_of_the_settings(db, settings, import_sample):
    settings.DIGEST_DEFAULT_PAPER = "示例日报"
    page = import_sample("sample-2")  # its header prints no paper's name
    assert page.edition.paper.name == "示例日报"
    assert page.get_absolute_url().startswith("/shiliribao/")


def test_importpages_names_the_paper_of_pages_that_print_none(db, capsys):
    sample = next(path for path in SAMPLES if path.name == "sample-2.txt")
    call_command("importpages", str(sample), "--paper", "枫城日报", "--date", "2023-02-11")
    paper = Paper.objects.get(name="枫城日报")
    assert paper.editions.get().date == datetime.date(2023, 2, 11)


def test_an_editor_changes_a_paper_s_slug_and_its_addresses_follow(editor_client, seed_page):
    paper = seed_page.edition.paper
    url = reverse("admin:articles_paper_change", args=[paper.pk])
    response = editor_client.post(url, {"name": paper.name, "slug": "kjrb"})
    assert response.status_code == 302
    seed_page.refresh_from_db()
    assert seed_page.get_absolute_url() == "/kjrb/2023-02-11/1/"
    assert editor_client.get("/kjrb/2023-02-11/1/").status_code == 200


def test_the_admin_refuses_a_slug_the_site_uses_itself(editor_client, seed_page):
    paper = seed_page.edition.paper
    response = editor_client.post(
        reverse("admin:articles_paper_change", args=[paper.pk]), {"name": paper.name, "slug": "search"}
    )
    assert response.status_code == 200
    assert "是本站自己的网址" in response.content.decode()
    paper.refresh_from_db()
    assert paper.slug == "kejiribao"


def test_a_paper_s_old_slug_leads_to_its_new_one(client, seed_page):
    story = seed_page.articles.first()
    old_addresses = [seed_page.edition.get_absolute_url(), seed_page.get_absolute_url(), "/kejiribao/calendar/"]
    old_addresses.append(f"/kejiribao/2023-02-11/1/articles/{story.pk}/")
    paper = seed_page.edition.paper
    paper.slug = "kjrb"
    paper.save()
    for old in old_addresses:
        response = client.get(old)
        assert response.status_code == 301, old
        assert response["Location"] == old.replace("/kejiribao/", "/kjrb/")
        assert client.get(response["Location"]).status_code == 200
    # Once another paper takes the slug, the slug is that paper's.
    Paper.objects.create(name="柯吉日报", slug="kejiribao")
    assert client.get("/kejiribao/2023-02-11/").status_code == 404


def test_a_paper_s_page_shows_its_latest_edition_in_fixed_queries(client, seed_page, import_sample, reader_queries):
    newer = import_sample("sample-2", paper="科技日报", date=datetime.date(2023, 2, 12), number="1")
    # The paper, its latest edition, its pages, and the front page's articles, briefs and photos.
    with reader_queries(6):
        html = client.get("/kejiribao/").content.decode()
    assert newer.edition.get_absolute_url() in html and "国家试点公共领域车辆全面电动化" not in html
    assert client.get("/nosuchpaper/").status_code == 404
