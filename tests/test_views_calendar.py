"""往期回顾: a paper's editions, a month at a time, without script."""

import re

import pytest


@pytest.fixture
def april(make_page):
    """试验日报 on 1, 3 and 28 April and 2 June 2023; another paper on 2 April."""
    pages = [
        make_page(f"{day}日的新闻", [f"{day}日。"], date=f"2023年{month}月{day}日")
        for month, day in ((4, 1), (4, 3), (4, 28), (6, 2))
    ]
    make_page("别的报纸的新闻", ["别的。"], paper="另一日报", date="2023年4月2日")
    return pages


def day_links(html):
    return re.findall(r'<td><a href="([^"]+)" aria-label="[^"]+">(\d+)</a></td>', html)


def test_days_with_an_edition_of_the_paper_are_links(client, april):
    html = client.get("/shiyanribao/calendar/2023/4/").content.decode()
    assert day_links(html) == [(page.edition.get_absolute_url(), str(page.edition.date.day)) for page in april[:3]]
    assert "<td><span>2</span></td>" in html  # the other paper's day is not this paper's
    assert "2023年4月：3 期" in html
    # April 2023 starts on a Saturday: five blanks before it, Monday first.
    assert html.count("<td></td>") >= 5 and ">一</th>" in html


def test_it_steps_by_month_and_year_where_the_paper_has_editions(client, april):
    html = client.get("/shiyanribao/calendar/2023/4/").content.decode()
    assert 'href="/shiyanribao/calendar/2023/5/">下个月' in html
    assert "上个月" not in html and "上一年" not in html and "下一年" not in html
    # May has no edition, but June has: the calendar steps through it.
    html = client.get("/shiyanribao/calendar/2023/5/").content.decode()
    assert day_links(html) == []
    assert (
        'href="/shiyanribao/calendar/2023/4/">‹ 上个月' in html
        and 'href="/shiyanribao/calendar/2023/6/">下个月' in html
    )


def test_the_calendar_opens_at_the_latest_edition_and_a_month_can_be_picked_without_script(client, april):
    html = client.get("/shiyanribao/calendar/").content.decode()
    assert "往期回顾 · 2023年6月" in html
    response = client.get("/shiyanribao/calendar/pick/", {"year": "2023", "month": "4"})
    assert response.status_code == 302 and response["Location"] == "/shiyanribao/calendar/2023/4/"
    assert '<select name="year"><option value="2023" selected>2023年</option></select>' in html


@pytest.mark.parametrize(
    "address", ["/shiyanribao/calendar/2023/13/", "/shiyanribao/calendar/99999/1/", "/nosuch/calendar/"]
)
def test_a_month_that_is_none_is_not_found(client, april, address):
    assert client.get(address).status_code == 404
    assert client.get("/shiyanribao/calendar/pick/", {"year": "99999999999", "month": "1"}).status_code == 404
    assert client.get("/shiyanribao/calendar/pick/", {"year": "x"}).status_code == 404


def test_every_edition_view_links_to_the_calendar(client, april):
    html = client.get(april[0].get_absolute_url()).content.decode()
    assert 'href="/shiyanribao/calendar/">往期回顾</a>' in html


def test_it_runs_the_same_queries_however_many_editions(client, april, make_page, reader_queries):
    for day in range(4, 20):
        make_page(f"{day}日", ["又一天。"], date=f"2023年4月{day}日")
    # The paper, the month's editions, and the first and last edition's dates.
    with reader_queries(3):
        assert client.get("/shiyanribao/calendar/2023/4/").status_code == 200
