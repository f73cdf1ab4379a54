"""Function words: the words a query may hold that a hit need not.

"枫城的老字号" must find 枫城老字号“触网”年销售额破亿, which has no 的: the
particles, conjunctions and prepositions below join a query's words without
naming what the reader looks for. A hit that holds them still ranks higher
(tiers in plan.py). Editors add more in the admin (搜索虚词); those live in the
database, so every server reads the same list.
"""

from ..models import FunctionWord

PARTICLES = "的 地 得 了 着 过 之 吗 呢 吧 啊"
CONJUNCTIONS_AND_PREPOSITIONS = "和 与 及 以及 并 且 或 跟 在 于 把 被"
BUILT_IN = frozenset(f"{PARTICLES} {CONJUNCTIONS_AND_PREPOSITIONS}".split())


def function_words() -> frozenset[str]:
    """The built-in function words and the editors' own."""
    return BUILT_IN | frozenset(FunctionWord.objects.values_list("word", flat=True))
