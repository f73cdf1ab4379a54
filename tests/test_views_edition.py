"""An edition: one paper's pages of one day, each with its headlines, and the way
to the paper's other editions."""

import datetime

from articles.models import Edition


def test_it_lists_the_pages_of_the_day_with_their_headlines(client, seed_page):
    assert seed_page.edition.get_absolute_url() == "/kejiribao/2023-02-11/"
    response = client.get("/kejiribao/2023-02-11/")
    html = response.content.decode()
    assert response.status_code == 200
    assert "科技日报" in html and "2023年2月11日 星期六" in html
    assert seed_page.get_absolute_url() in html
    assert "计量能力和水平纳入高企认定" in html


def test_two_papers_of_one_day_each_have_their_own_edition(client, seed_page, import_sample):
    other = import_sample("sample-2", paper="枫城日报", date=datetime.date(2023, 2, 11), number="1")
    assert other.edition.get_absolute_url() == "/fengchengribao/2023-02-11/"
    mine = client.get("/kejiribao/2023-02-11/").content.decode()
    theirs = client.get("/fengchengribao/2023-02-11/").content.decode()
    assert "计量能力和水平纳入高企认定" in mine and "外贸企业订单“开门红”" not in mine
    assert "外贸企业订单“开门红”" in theirs and "计量能力和水平纳入高企认定" not in theirs


def test_it_links_the_paper_s_previous_and_next_edition_skipping_days_without_one(client, make_page):
    first = make_page("第一天的新闻", ["第一天。"], paper="试验日报", date="2023年4月1日 星期六")
    make_page("别的报纸的新闻", ["别的报纸。"], paper="另一日报", date="2023年4月2日 星期日")
    third = make_page("第三天的新闻", ["第三天。"], paper="试验日报", date="2023年4月3日 星期一")
    html = client.get(first.edition.get_absolute_url()).content.decode()
    assert f'href="{third.edition.get_absolute_url()}">下一期 2023年4月3日 →' in html
    assert "上一期" not in html
    html = client.get(third.edition.get_absolute_url()).content.decode()
    assert f'href="{first.edition.get_absolute_url()}">← 上一期 2023年4月1日' in html
    assert "下一期" not in html and "/lingyiribao/" not in html


def test_an_undated_edition_has_its_own_address(client, all_pages):
    undated = all_pages[3].edition
    assert undated.get_absolute_url() == f"/benbao/undated-{undated.pk}/"
    html = client.get(undated.get_absolute_url()).content.decode()
    assert "未注明日期" in html and "外贸企业订单“开门红”" in html


def test_an_undated_address_redirects_once_the_edition_has_a_date(client, all_pages):
    undated = all_pages[3].edition
    old_url = undated.get_absolute_url()
    undated.date = datetime.date(2023, 2, 9)
    undated.save()
    response = client.get(old_url)
    assert response.status_code == 301
    assert response["Location"] == "/benbao/2023-02-09/"


def test_a_day_without_an_edition_of_the_paper_is_not_found(client, seed_page):
    assert client.get("/kejiribao/2023-02-12/").status_code == 404
    assert client.get("/kejiribao/2023-02-30/").status_code == 404
    assert client.get("/kejiribao/undated-999/").status_code == 404
    assert client.get("/nosuchpaper/2023-02-11/").status_code == 404


def test_an_edition_without_pages_is_not_found(client, seed_page):
    empty = Edition.objects.create(paper=seed_page.edition.paper, date=datetime.date(2023, 2, 12))
    assert client.get(empty.get_absolute_url()).status_code == 404
    # Nor is it the next edition of the day before.
    assert empty.get_absolute_url() not in client.get(seed_page.edition.get_absolute_url()).content.decode()


def test_it_runs_the_same_queries_however_much_is_imported(client, seed_page, import_sample, reader_queries):
    import_sample("sample-2", paper="枫城日报", date=datetime.date(2023, 2, 11), number="1")
    # The edition, its pages with their articles, and the edition bar: the pages,
    # the previous and the next edition.
    with reader_queries(6):
        assert client.get("/kejiribao/2023-02-11/").status_code == 200
