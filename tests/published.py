"""Imported pages as readers see them: an import alone makes a draft edition, which
readers do not see (tests/test_drafts.py), so the tests that read the site publish it."""

from articles.publishing import publish_new_drafts


def published(result):
    """The imported page (an ImportResult's), its edition published now if it was a draft."""
    publish_new_drafts([result.page.edition])
    return result.page
