"""往期回顾: a paper's editions, a month at a time. Days with an edition are links;
the month and year links, and a form to pick a month, need no script."""

from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render

from ..editions import Month, month_calendar, valid_month
from ..models import Edition, Paper


def pick(request, paper):
    """The month picked in the calendar's form (?year=&month=): a redirect to its page."""
    paper = get_object_or_404(Paper, slug=paper)
    year, month = request.GET.get("year", ""), request.GET.get("month", "")
    picked = valid_month(int(year), int(month)) if year.isdigit() and month.isdigit() else None
    if picked is None:
        raise Http404("没有这个月份")
    return redirect("calendar_month", paper.slug, *picked)


def latest_month(request, paper):
    """The month of the paper's latest edition."""
    paper = get_object_or_404(Paper, slug=paper)
    latest = Edition.objects.filter(paper=paper, date__isnull=False).with_pages().newest_first().first()
    if latest is None:
        raise Http404("这份报纸还没有注明日期的期次")
    return _render(request, paper, Month.of(latest.date))


def month(request, paper, year, month):
    """Template: reading/calendar.html. Context: what editions.month_calendar gives, title."""
    picked = valid_month(year, month)
    if picked is None:
        raise Http404("没有这个月份")
    return _render(request, get_object_or_404(Paper, slug=paper), picked)


def _render(request, paper, month: Month):
    context = month_calendar(paper, month)
    context |= {
        "nav": "archive",
        "title": f"{paper.name} 往期回顾 {month.year}年{month.month}月",
        "site_title": paper.name,
    }
    return render(request, "reading/calendar.html", context)
