"""How a reader moves through a paper: the page strip (版面导航) of an edition, the
editions before and after it, and the month calendar of its editions (往期回顾).

Each is a small dict or list for a template, built with a fixed number of queries
whatever the size of the paper.
"""

import calendar
import datetime
from typing import NamedTuple

from django.db.models import Max, Min

from .models import Edition, Page, Paper

# Monday first, as Chinese calendars print the week.
WEEKDAY_NAMES = "一二三四五六日"


def edition_bar(edition: Edition, current: Page | None = None) -> dict:
    """What keeps the edition in reach on its every page: the page strip, the current
    page marked (current), and the paper's previous and next editions.

    Keys: edition, pages (in order), current, previous_edition, next_edition."""
    neighbours = edition.neighbours()
    pages = list(edition.pages.in_order().defer("source_text", "header"))
    for page in pages:
        page.edition = edition  # each page's URL starts with the edition's: no query per page
    return {
        "edition": edition,
        "pages": pages,
        "current": current,
        "previous_edition": neighbours["previous"],
        "next_edition": neighbours["next"],
    }


def page_neighbours(page: Page, pages: list[Page]) -> dict:
    """The pages before and after a page in its edition's order ("previous", "next"), or None."""
    index = [other.pk for other in pages].index(page.pk)
    return {
        "previous": pages[index - 1] if index > 0 else None,
        "next": pages[index + 1] if index + 1 < len(pages) else None,
    }


class CalendarDay(NamedTuple):
    day: int  # 0 for the blanks before the month's first day and after its last
    edition: Edition | None


class Month(NamedTuple):
    year: int
    month: int

    @classmethod
    def of(cls, date: datetime.date) -> "Month":
        return cls(date.year, date.month)

    def shifted(self, months: int) -> "Month":
        index = self.year * 12 + self.month - 1 + months
        return Month(index // 12, index % 12 + 1)

    @property
    def first_day(self) -> datetime.date:
        return datetime.date(self.year, self.month, 1)

    @property
    def last_day(self) -> datetime.date:
        return datetime.date(self.year, self.month, calendar.monthrange(self.year, self.month)[1])


# Years a calendar may show: a typed /calendar/99999/1/ is no month.
FIRST_YEAR, LAST_YEAR = 1800, 2200


def valid_month(year: int, month: int) -> Month | None:
    if FIRST_YEAR <= year <= LAST_YEAR and 1 <= month <= 12:
        return Month(year, month)
    return None


def month_calendar(paper: Paper, month: Month) -> dict:
    """A month of the paper's editions as weeks of days, Monday first, with where to go next.

    Keys: paper, month, weeks (lists of seven CalendarDay), weekday_names, edition_count,
    and previous_month, next_month, previous_year, next_year: a Month to link to, or None
    where the paper has no edition that far back or forward."""
    editions = Edition.objects.filter(paper=paper, date__range=(month.first_day, month.last_day)).with_pages()
    by_day = {edition.date.day: edition for edition in editions.select_related("paper")}
    weeks = [
        [CalendarDay(day, by_day.get(day)) for day in week]
        for week in calendar.Calendar(firstweekday=0).monthdayscalendar(month.year, month.month)
    ]
    span = Edition.objects.filter(paper=paper).with_pages().aggregate(first=Min("date"), last=Max("date"))
    first, last = span["first"], span["last"]

    def reachable(target: Month) -> Month | None:
        """The month to link to, if the paper has an edition in it or beyond it in that direction."""
        if first is None:
            return None
        if target < month:
            return target if Month.of(first) <= target else None
        return target if target <= Month.of(last) else None

    return {
        "paper": paper,
        "month": month,
        "weeks": weeks,
        "weekday_names": WEEKDAY_NAMES,
        "edition_count": len(by_day),
        "previous_month": reachable(month.shifted(-1)),
        "next_month": reachable(month.shifted(1)),
        "previous_year": reachable(month.shifted(-12)),
        "next_year": reachable(month.shifted(12)),
        "years": list(range(first.year, last.year + 1)) if first else [],
        "month_numbers": range(1, 13),
    }
