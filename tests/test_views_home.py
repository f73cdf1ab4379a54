"""The home page: the latest edition of every paper at a glance."""

import datetime

from articles.models import Article, Brief, Edition, Photo


def test_it_shows_the_front_page_lead_articles_with_their_first_paragraph(client, seed_page):
    html = client.get("/").content.decode()
    for article in Article.objects.filter(page=seed_page):
        assert article.title in html
        assert article.get_absolute_url() in html
    # The first paragraph of "国家试点公共领域车辆全面电动化", not its second.
    assert "工业和信息化部等 8部门近日联合印发" in html
    assert "开展公共领域车辆全面电动化先行区试点、推动提升车辆电" not in html


def test_it_shows_the_news_briefs_teasers_and_photos(client, seed_page):
    html = client.get("/").content.decode()
    assert "习近平会见柬埔寨首相洪森。" in html
    assert "我国物联网产业进入“物超人”时代" in html
    for photo in Photo.objects.filter(page=seed_page):
        assert photo.get_absolute_url() in html
    assert "新华社记者 牟宇/摄" in html


def test_it_shows_the_latest_edition_of_every_paper(client, all_pages):
    html = client.get("/").content.decode()
    for page in all_pages:
        paper = page.edition.paper
        assert f'<a href="{paper.get_absolute_url()}">{paper}</a>' in html
        assert page.edition.get_absolute_url() in html
        assert page.get_absolute_url() in html
    assert "2023年3月6日 星期一" in html and "2023年2月11日 星期六" in html
    assert "“沧溟-2”潜水器完成万米级海试" in html and "国家试点公共领域车辆全面电动化" in html


def test_an_older_edition_of_a_paper_is_not_on_the_home_page(client, seed_page, import_sample):
    newer = import_sample("sample-2", paper="科技日报", date=datetime.date(2023, 2, 12), number="1")
    html = client.get("/").content.decode()
    assert newer.edition.get_absolute_url() in html
    assert "国家试点公共领域车辆全面电动化" not in html


def test_it_says_so_before_any_page_is_imported(client, db):
    response = client.get("/")
    assert response.status_code == 200
    assert "还没有报纸" in response.content.decode()


def test_it_runs_the_same_queries_however_much_is_imported(client, all_pages, reader_queries):
    assert Edition.objects.count() == 4 and Brief.objects.count() > 20
    # The latest edition of each paper, their pages, and the front pages' articles, briefs and photos.
    with reader_queries(5):
        assert client.get("/").status_code == 200
