"""An edition: the pages of one day's paper(s), each with its headlines."""

import datetime


def test_it_lists_the_pages_of_the_day_with_their_headlines(client, seed_page):
    response = client.get("/2023-02-11/")
    html = response.content.decode()
    assert response.status_code == 200
    assert "科技日报" in html and "2023年2月11日 星期六" in html
    assert seed_page.get_absolute_url() in html
    assert "计量能力和水平纳入高企认定" in html


def test_it_shows_every_paper_of_the_day(client, seed_page, import_sample):
    other = import_sample("sample-2", paper="枫城日报", date=datetime.date(2023, 2, 11), number="1")
    html = client.get("/2023-02-11/").content.decode()
    assert "科技日报" in html and "枫城日报" in html
    assert "外贸企业订单“开门红”" in html
    assert other.edition != seed_page.edition


def test_an_undated_edition_has_its_own_address(client, all_pages):
    undated = all_pages[3].edition
    assert undated.get_absolute_url() == f"/undated-{undated.pk}/"
    html = client.get(undated.get_absolute_url()).content.decode()
    assert "未注明日期" in html and "外贸企业订单“开门红”" in html


def test_an_undated_address_redirects_once_the_edition_has_a_date(client, all_pages):
    undated = all_pages[3].edition
    old_url = undated.get_absolute_url()
    undated.date = datetime.date(2023, 2, 9)
    undated.save()
    response = client.get(old_url)
    assert response.status_code == 301
    assert response["Location"] == "/2023-02-09/"


def test_a_day_without_a_paper_is_not_found(client, seed_page):
    assert client.get("/2023-02-12/").status_code == 404
    assert client.get("/2023-02-30/").status_code == 404
    assert client.get("/undated-999/").status_code == 404


def test_it_runs_the_same_queries_however_much_is_imported(client, seed_page, import_sample, reader_queries):
    import_sample("sample-2", paper="枫城日报", date=datetime.date(2023, 2, 11), number="1")
    # The editions, their pages, and their pages' articles.
    with reader_queries(3):
        assert client.get("/2023-02-11/").status_code == 200
