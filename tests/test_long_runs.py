"""Text without punctuation is segmented in a time linear in its length (articles/search/terms.py).

jieba's time grows with the square of a block it segments whole, so a page of one
unpunctuated line of 1 MB took more than 300 s to import. Such blocks are cut into
pieces first; these tests check that jieba, with its HMM, is never handed a longer
one, and that nothing of the text is lost. bench/long_runs.py measures the time.
"""

import re

import jieba
import pytest
from long_runs import ONE_MEGABYTE, page_of_one_line, unpunctuated
from paths import SEED

from articles.importer import import_text
from articles.models import Article
from articles.search import search
from articles.search.terms import _PUNCTUATION, MAX_PIECE, _pieces, bounded, normalize, words

UNPUNCTUATED = re.compile(f"[^{_PUNCTUATION}]+")


@pytest.fixture
def blocks_given_to_jieba(monkeypatch):
    """The longest block without punctuation in each text jieba's cut is given, with its HMM flag."""
    seen = []
    cut = jieba.dt.cut

    def spy(sentence, cut_all=False, HMM=True, use_paddle=False):  # noqa: N803 - jieba's own name
        longest = max(map(len, UNPUNCTUATED.findall(sentence)), default=0)
        seen.append((longest, HMM))
        return cut(sentence, cut_all=cut_all, HMM=HMM)

    monkeypatch.setattr(jieba.dt, "cut", spy)
    return seen


def test_a_page_of_one_unpunctuated_megabyte_line_is_imported_whole(db, blocks_given_to_jieba):
    line = unpunctuated(ONE_MEGABYTE)
    assert len(line.encode()) >= 999_999
    page = import_text(page_of_one_line(line), source_name="long-line.txt").page
    article = Article.objects.get(page=page)
    assert line in article.body
    assert max(longest for longest, hmm in blocks_given_to_jieba if hmm) <= MAX_PIECE
    # Searchable: a phrase about where jieba's first piece ends. (Not deep in the line:
    # PostgreSQL keeps no word position past 16,383, so a phrase there is not found.)
    phrase = line[MAX_PIECE - 3 : MAX_PIECE + 3]
    assert search(f'"{phrase}"').hits[0].url == article.get_absolute_url()


def test_pieces_end_at_a_natural_place_and_lose_nothing():
    block = "王小明" * 20 + "的" + "李大伟" * 20 + "第3版" + "张晓红" * 40
    pieces = _pieces(block)
    assert "".join(pieces) == block
    assert all(len(piece) <= MAX_PIECE for piece in pieces)
    assert pieces[0].endswith("的")  # after the particle, not in the middle of a name
    assert pieces[1].endswith("第3")  # where the digit meets the Han characters


def test_text_with_its_punctuation_is_never_cut():
    text = SEED.read_text(encoding="utf-8")
    assert bounded(text) == text
    assert bounded(normalize(text)) == normalize(text)


def test_a_long_block_keeps_its_dictionary_words():
    block = "国家高新区陆续召开新春第一会" * 30  # 420 characters, no punctuation
    assert {"国家", "高新区", "召开"} <= set(words(block))
