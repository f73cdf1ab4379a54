"""The page view (版面): everything on one page, in reading order."""

import datetime

from articles.models import Page


def test_it_shows_every_record_of_the_page_in_reading_order(client, seed_page):
    html = client.get("/kejiribao/2023-02-11/1/").content.decode()
    in_order = [
        "近年来，河北省沧县深入挖掘特色文化资源",  # photo, line 2
        "国家试点公共领域车辆全面电动化",  # article, line 37
        "习近平在学习贯彻党的二十大精神研讨班开班式上",  # brief, line 80
        "培育质量卓越产业集群看“高新”",  # article, line 118
        "计量能力和水平纳入高企认定",  # article, line 389
        "知识产权保险为创新护航",  # teaser, line 454
        "服务机器人正走进千家万景",  # teaser, line 454, after the four before it
        "习近平会见柬埔寨首相洪森。",  # brief, line 474
    ]
    positions = [html.index(text) for text in in_order]
    assert positions == sorted(positions)


def test_it_links_each_record_and_labels_briefs_and_teasers(client, seed_page):
    html = client.get("/kejiribao/2023-02-11/1/").content.decode()
    for manager in (seed_page.articles, seed_page.briefs, seed_page.photos):
        for record in manager.all():
            assert record.get_absolute_url() in html
    assert ">简讯<" in html and ">导读<" in html
    assert "第1版 要闻" in html and "科技日报</a>" in html and "2023年2月11日 星期六" in html


def test_a_page_without_a_number_has_its_own_address(client, all_pages):
    unnumbered = all_pages[3]
    assert unnumbered.get_absolute_url() == f"/benbao/undated-{unnumbered.edition.pk}/x{unnumbered.pk}/"
    html = client.get(unnumbered.get_absolute_url()).content.decode()
    assert "版次不详" in html and "外贸企业订单“开门红”" in html


def test_a_stale_address_redirects_to_where_the_page_is_now(client, all_pages):
    page = all_pages[3]
    old_url = page.get_absolute_url()
    page.number = "5"
    page.save()
    page.edition.date = datetime.date(2023, 2, 9)
    page.edition.save()
    response = client.get(old_url)
    assert response.status_code == 301
    assert response["Location"] == "/benbao/2023-02-09/5/"
    assert client.get("/benbao/2023-02-09/5/").status_code == 200


def test_it_links_to_the_other_pages_of_the_edition(client, continued_pages):
    front, third = continued_pages
    html = client.get(front.get_absolute_url()).content.decode()
    assert third.get_absolute_url() in html and "下一版" in html
    html = client.get(third.get_absolute_url()).content.decode()
    assert front.get_absolute_url() in html and "上一版" in html


def test_each_paper_s_page_of_that_number_on_the_day_is_its_own(client, seed_page, import_sample):
    other = import_sample("sample-2", paper="枫城日报", date=datetime.date(2023, 2, 11), number="1")
    assert other.get_absolute_url() == "/fengchengribao/2023-02-11/1/"
    mine = client.get(seed_page.get_absolute_url()).content.decode()
    theirs = client.get(other.get_absolute_url()).content.decode()
    assert "国家试点公共领域车辆全面电动化" in mine and "外贸企业订单“开门红”" not in mine
    assert "外贸企业订单“开门红”" in theirs and "国家试点公共领域车辆全面电动化" not in theirs


def test_the_page_strip_marks_the_page_and_the_arrow_keys_follow_prev_and_next(client, continued_pages):
    front, third = continued_pages
    html = client.get(front.get_absolute_url()).content.decode()
    assert f'<a href="{front.get_absolute_url()}" aria-current="page">第1版' in html
    assert f'<a href="{third.get_absolute_url()}">第3版' in html
    assert f'<link rel="next" href="{third.get_absolute_url()}">' in html and '<link rel="prev"' not in html
    assert '<script src="/static/js/page-keys.js" defer></script>' in html


def test_a_missing_page_is_not_found(client, seed_page):
    assert client.get("/kejiribao/2023-02-11/2/").status_code == 404
    assert client.get("/kejiribao/2023-02-12/1/").status_code == 404
    assert client.get("/kejiribao/2023-02-11/x999/").status_code == 404


def test_it_runs_the_same_queries_however_much_is_imported(client, continued_pages, reader_queries):
    assert Page.objects.count() == 2
    # The page, its articles, briefs and photos, and the edition bar: its edition's
    # pages, the previous and the next edition.
    with reader_queries(7):
        assert client.get("/yunchuanribao/2023-02-10/1/").status_code == 200
