"""An article's keywords, by jieba's TF-IDF: for related articles and links to search."""

import logging

import jieba
import jieba.analyse

# jieba announces loading its dictionary on stderr at info level.
jieba.setLogLevel(logging.WARNING)

KEYWORD_COUNT = 8
# Keywords come from the headline and the body's first characters, up to this many: a
# whole-page 长篇通讯 runs to some 8,000, and TF-IDF's picks settle long before. A body of
# a million characters (a page whose punctuation was lost, one line) took jieba 8 s.
KEYWORD_TEXT = 10_000


def extract_keywords(headline: str, body: str) -> list[str]:
    """The words that best tell this article from others; the headline counts twice."""
    # Imported here, as models.py imports this module: the editors' words, current in this
    # process (wordlist.py), and long runs without punctuation cut first, so that jieba
    # takes a time linear in the text (terms.bounded).
    from .search.terms import bounded
    from .wordlist import keep_current

    keep_current()
    text = bounded(f"{headline}\n{headline}\n{body[:KEYWORD_TEXT]}")
    words = jieba.analyse.extract_tags(text, topK=KEYWORD_COUNT * 2)
    # Single characters and numbers make poor links to search.
    return [word for word in words if len(word) >= 2 and not word.isascii()][:KEYWORD_COUNT]
