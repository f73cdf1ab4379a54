"""How the site names dates and pages in Chinese."""

import datetime

from articles.models import Page
from articles.templatetags.chinese import chinese_date, chinese_month, page_name


def test_a_date_reads_in_chinese_with_its_weekday():
    assert chinese_date(datetime.date(2023, 2, 11)) == "2023年2月11日 星期六"
    assert chinese_date(datetime.date(2023, 2, 12)) == "2023年2月12日 星期日"
    assert chinese_month(datetime.date(2023, 2, 11)) == "2023年2月"


def test_an_undated_edition_reads_as_undated():
    assert chinese_date(None) == chinese_month(None) == "未注明日期"


def test_a_page_reads_as_its_number_and_section():
    assert page_name(Page(number="1", section="要闻")) == "第1版 要闻"
    assert page_name(Page(number="A3")) == "第A3版"
    assert page_name(Page()) == "版次不详"
