"""The sections: every story (要闻), news brief (简讯), teaser (导读) and photo (图片),
newest first, and the stories of each column rubric. Each is paginated. A story
continued on another page is listed once, at its first part.

Records are listed with select_related("page__edition__paper"): their URLs name the date and page.
"""

from django.db.models import Count
from django.shortcuts import get_object_or_404, render

from ..models import Article, Brief, Column, Photo
from .cards import with_leads
from .paging import paginate


def articles(request):
    """Template: sections/articles.html. Context: page_obj (articles, each with
    .lead), columns (every column rubric, with .article_count)."""
    page_obj = paginate(request, Article.objects.stories().newest_first().with_page().select_related("column"))
    page_obj.object_list = with_leads(page_obj.object_list)
    columns = Column.objects.annotate(article_count=Count("articles")).filter(article_count__gt=0)
    context = {"nav": "articles", "title": "要闻", "page_obj": page_obj, "columns": list(columns)}
    return render(request, "sections/articles.html", context)


def news(request):
    """Template: sections/news.html. Context: page_obj (news briefs)."""
    page_obj = paginate(request, Brief.objects.filter(kind=Brief.NEWS).newest_first().with_page())
    return render(request, "sections/news.html", {"nav": "news", "title": "简讯", "page_obj": page_obj})


def teasers(request):
    """Template: sections/teasers.html. Context: page_obj (teasers, each with its target article, if any)."""
    teasers = Brief.objects.filter(kind=Brief.TEASER).newest_first().with_page()
    page_obj = paginate(request, teasers.select_related("target__page__edition__paper"))
    return render(request, "sections/teasers.html", {"nav": "teasers", "title": "导读", "page_obj": page_obj})


def photos(request):
    """Template: sections/photos.html. Context: page_obj (photos)."""
    page_obj = paginate(request, Photo.objects.newest_first().with_page())
    return render(request, "sections/photos.html", {"nav": "photos", "title": "图片", "page_obj": page_obj})


def column(request, pk):
    """One column rubric's articles. Template: sections/column.html. Context:
    column, page_obj (its articles, each with .lead)."""
    column = get_object_or_404(Column, pk=pk)
    page_obj = paginate(request, column.articles.stories().newest_first().with_page())
    page_obj.object_list = with_leads(page_obj.object_list)
    context = {"nav": "articles", "title": column.name, "column": column, "page_obj": page_obj}
    return render(request, "sections/column.html", context)
