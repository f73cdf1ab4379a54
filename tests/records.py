"""Finding the records a test imported, by what readers see of them: one home for
the tests' look-ups."""

from articles.models import Article


def article(title, page=None):
    """The article of that title (on that page, if given), with its page, edition and paper."""
    articles = Article.objects.with_page()
    return articles.get(title=title) if page is None else articles.get(page=page, title=title)
