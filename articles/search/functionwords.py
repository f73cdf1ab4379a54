"""Function words: the words a query may hold that a hit need not.

"枫城的老字号" must find 枫城老字号“触网”年销售额破亿, which has no 的: the
particles, conjunctions and prepositions below join a query's words without
naming what the reader looks for. A hit that holds them still ranks higher
(tiers in plan.py). Editors add more in the admin (搜索虚词); those live in the
database, so every server reads the same list.
"""

from django.db import connection

from ..models import FunctionWord

PARTICLES = "的 地 得 了 着 过 之 吗 呢 吧 啊"
CONJUNCTIONS_AND_PREPOSITIONS = "和 与 及 以及 并 且 或 跟 在 于 把 被"
BUILT_IN = frozenset(f"{PARTICLES} {CONJUNCTIONS_AND_PREPOSITIONS}".split())


def function_words() -> frozenset[str]:
    """The built-in function words and the editors' own, read for every query (the
    editors' list is shared by every server): in plain SQL, as through the ORM the
    read cost a quarter of a rare word's whole search (bench/search.py, profiled)."""
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT word FROM {FunctionWord._meta.db_table}")
        return BUILT_IN | frozenset(word for (word,) in cursor.fetchall())
