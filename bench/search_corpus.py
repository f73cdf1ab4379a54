"""The synthetic corpus of bench/search.py: articles of words drawn from jieba's
dictionary by frequency, and queries made from the words that were drawn.

Plain Python, no Django: the benchmark writes the articles to the database.
"""

import itertools
import random
import re
from pathlib import Path

ARTICLE_LENGTH = 600  # characters of body, about
KINDS = ("rare", "common", "multi")
_HAN_WORD = re.compile(r"^[\u4e00-\u9fff]{2,}$")


class Dictionary:
    """jieba's dictionary, for drawing words by their frequency."""

    def __init__(self):
        import jieba

        path = Path(jieba.__file__).parent / "dict.txt"
        self.words, self.frequency, weights = [], {}, []
        for line in path.read_text(encoding="utf-8").splitlines():
            word, freq = line.split()[:2]
            self.words.append(word)
            self.frequency[word] = int(freq)
            weights.append(int(freq))
        self.cumulative = list(itertools.accumulate(weights))

    def draw(self, rng, count):
        return rng.choices(self.words, cum_weights=self.cumulative, k=count)


def article_words(dictionary, seed, number):
    """(title words, body paragraphs of sentences of clauses of words) of article `number`.

    Each article has its own generator, so article 7 is the same whatever N is
    and can be drawn again to make queries from it."""
    rng = random.Random(seed * 1_000_003 + number)
    title = dictionary.draw(rng, rng.randint(3, 6))
    paragraphs, length = [[]], 0
    while length < ARTICLE_LENGTH:
        sentence = [dictionary.draw(rng, rng.randint(3, 8)) for _ in range(rng.randint(1, 3))]
        length += sum(len(word) for clause in sentence for word in clause) + len(sentence)
        paragraphs[-1].append(sentence)
        if length > len(paragraphs) * 220:
            paragraphs.append([])
    return title, [paragraph for paragraph in paragraphs if paragraph]


def article_text(title, paragraphs):
    body = "\n\n".join(
        "".join("，".join("".join(clause) for clause in sentence) + "。" for sentence in paragraph)
        for paragraph in paragraphs
    )
    return "".join(title), body


def all_words(title, paragraphs):
    return title + [
        word for paragraph in paragraphs for sentence in paragraph for clause in sentence for word in clause
    ]


def make_queries(dictionary, counts, size, seed, total):
    """[(kind, query)]: rare words, common words and two or three words of one article, interleaved."""
    rng = random.Random(seed)
    per_kind = total // 3
    han = {word for word in counts if _HAN_WORD.match(word)}
    rare = sorted((word for word in han if counts[word] <= 2), key=lambda word: (dictionary.frequency[word], word))
    rare = rng.sample(rare[: max(per_kind * 5, 1)], per_kind)
    common = sorted(han, key=lambda word: (-counts[word], word))[: per_kind * 2]
    common = rng.sample(common, per_kind)
    multi = []
    while len(multi) < per_kind:
        article = article_words(dictionary, seed, rng.randrange(size))
        words = sorted({word for word in all_words(*article) if word in han})
        multi.append(" ".join(rng.sample(words, rng.choice((2, 3)))))
    return [item for triple in zip(rare, common, multi, strict=True) for item in zip(KINDS, triple, strict=True)]
