"""Generated pages whose text runs on without punctuation, for tests/test_long_runs.py and
bench/long_runs.py. Never a real page: characters drawn at random, seeded."""

import random

# Common characters (the first of the CJK block), drawn at random: they make few of
# jieba's words, so it must guess at nearly every one, its slowest case.
CHARACTERS = [chr(code) for code in range(0x4E00, 0x4E00 + 300)]


def unpunctuated(characters: int, seed: int = 1) -> str:
    rng = random.Random(seed)
    return "".join(rng.choice(CHARACTERS) for _ in range(characters))


def page_of_one_line(line: str) -> str:
    """A page of one article whose body is the line, as a page's text arrives."""
    return f"\n试验日报\n\n2023年4月1日 星期六 第1版 要闻\n\n一行没有标点的长文\n\n本报讯（记者 秦朗） {line}\n"


# A line of 1 MB in UTF-8: three bytes a character.
ONE_MEGABYTE = 1_000_000 // 3
