"""The archive (往期): every edition by date, newest first, by month."""

import datetime

from articles.models import Edition, Page, Paper


def test_it_lists_editions_newest_first_with_the_undated_last(client, all_pages):
    html = client.get("/archive/").content.decode()
    dates = ["2023年3月6日 星期一", "2023年2月11日 星期六", "2023年2月10日 星期五", "未注明日期"]
    assert [html.index(date) for date in dates] == sorted(html.index(date) for date in dates)
    assert "2023年3月" in html and "2023年2月" in html


def test_it_links_to_each_edition_and_its_pages(client, all_pages):
    html = client.get("/archive/").content.decode()
    for page in all_pages:
        assert page.edition.get_absolute_url() in html
        assert page.get_absolute_url() in html


def test_it_is_paginated(client, db):
    first = datetime.date(2020, 1, 1)
    paper = Paper.named("试验日报")
    days = [first + datetime.timedelta(days=n) for n in range(35)]
    editions = Edition.objects.bulk_create(Edition(paper=paper, date=day) for day in days)
    Page.objects.bulk_create(Page(edition=edition, number="1", checksum=edition.date) for edition in editions)
    html = client.get("/archive/").content.decode()
    assert "2020年2月4日" in html and "2020年1月5日" not in html
    html = client.get("/archive/?page=2").content.decode()
    assert "2020年1月5日" in html and "2020年1月1日" in html
    assert client.get("/archive/?page=3").status_code == 404


def test_it_runs_the_same_queries_however_much_is_imported(client, all_pages, reader_queries):
    # The count, the editions and their pages, and the papers (for their calendars).
    with reader_queries(4):
        assert client.get("/archive/").status_code == 200
