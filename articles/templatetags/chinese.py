"""How the site names dates and pages in Chinese: "2023年2月11日 星期六", "第1版 要闻"."""

from django import template

register = template.Library()

WEEKDAYS = "一二三四五六日"
UNDATED = "未注明日期"


@register.filter
def chinese_date(value):
    """A date with its weekday: "2023年2月14日 星期二"."""
    if value is None:
        return UNDATED
    return f"{chinese_day(value)} 星期{WEEKDAYS[value.weekday()]}"


@register.filter
def chinese_day(value):
    """A date without its weekday, as a record's place names it: "2023年2月14日"."""
    if value is None:
        return UNDATED
    return f"{value.year}年{value.month}月{value.day}日"


@register.filter
def page_place(page):
    """Where a page was printed, as titles, hits and feeds name it: "澜州日报 2023年2月14日 第3版".
    Needs the page's edition and paper."""
    number = f"第{page.number}版" if page.number else "版次不详"
    return f"{page.edition.paper.name} {chinese_day(page.edition.date)} {number}"


@register.filter
def chinese_month(value):
    if value is None:
        return UNDATED
    return f"{value.year}年{value.month}月"


@register.filter
def page_name(page):
    """The page as readers name it, e.g. "第1版 要闻"; "版次不详" when no number was printed."""
    number = f"第{page.number}版" if page.number else "版次不详"
    return f"{number} {page.section}" if page.section else number
