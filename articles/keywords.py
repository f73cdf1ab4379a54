"""An article's keywords, by jieba's TF-IDF: for related articles and links to search."""

import logging

import jieba
import jieba.analyse

# jieba announces loading its dictionary on stderr at info level.
jieba.setLogLevel(logging.WARNING)

KEYWORD_COUNT = 8


def extract_keywords(headline: str, body: str) -> list[str]:
    """The words that best tell this article from others; the headline counts twice."""
    words = jieba.analyse.extract_tags(f"{headline}\n{headline}\n{body}", topK=KEYWORD_COUNT * 2)
    # Single characters and numbers make poor links to search.
    return [word for word in words if len(word) >= 2 and not word.isascii()][:KEYWORD_COUNT]
