"""Give each article body its headline.

The extractor's reading order is not the reader's: a headline may stand before
its body, after it, or beside another headline after a third body. What a
headline has in common with its body is the words: "首批自然资源节约集约示范县公布"
shares "自然资源", "节约集约" and "示范县" with its body and little with the
others. So each headline goes to the body it shares most with, nudged by where it
stands, and the pairing is chosen for the whole page at once.
"""

from .structure import PARAGRAPH


def shared(head_grams: set[str], body_grams: set[str]) -> float:
    """Share of the headline's character pairs that the body also has."""
    return len(head_grams & body_grams) / len(head_grams) if head_grams else 0.0


# The cost of a pair that may not be made: dearer than any pairing of a page gains.
FORBIDDEN = 1e9


def best_pairing(scores: list[list[float | None]]) -> tuple[float, dict[int, int]]:
    """Pair rows (bodies) with columns (headlines) one-to-one for the highest total of
    1 + score over the pairs made, so that more pairs count first. None marks a pair
    that may not be made.

    This is the assignment problem, solved exactly by the Hungarian method in
    rows² × columns steps. (A search over the sets of headlines used doubles with
    each headline: a page cut up into forty bodies and ten headlines took half a
    second a pairing, and pair_headlines pairs once for every cut it tries.) Each row
    also has a column of its own that costs nothing: the row left without a headline.
    """
    rows = len(scores)
    if not rows or not scores[0]:
        return 0.0, {}
    columns = len(scores[0]) + rows
    # Each cost line leads with a filler, so that column j reads line[j].
    cost = [[0.0] + [FORBIDDEN if score is None else -1.0 - score for score in line] + [0.0] * rows for line in scores]
    # The classic form with potentials, 1-based, row and column 0 being sentinels:
    # each row joins the matching along a shortest augmenting path.
    row_potential = [0.0] * (rows + 1)
    column_potential = [0.0] * (columns + 1)
    owner = [0] * (columns + 1)  # the row matched to each column, 0 for none
    way = [0] * (columns + 1)
    for row in range(1, rows + 1):
        owner[0] = row
        column = 0
        slack = [float("inf")] * (columns + 1)
        # The columns on the path so far, and the others in increasing order (the order
        # in which they are tried decides between equally good pairings).
        used, free = [0], list(range(1, columns + 1))
        while owner[column]:
            current = owner[column]
            line = cost[current - 1]
            base = row_potential[current]
            delta, following = float("inf"), 0
            for j in free:
                reduced = line[j] - base - column_potential[j]
                if reduced < slack[j]:
                    slack[j], way[j] = reduced, column
                if slack[j] < delta:
                    delta, following = slack[j], j
            for j in used:
                row_potential[owner[j]] += delta
                column_potential[j] -= delta
            for j in free:
                slack[j] -= delta
            column = following
            free.remove(column)
            used.append(column)
        while column:
            previous = way[column]
            owner[column] = owner[previous]
            column = previous
    heads = len(scores[0])
    pairs = {owner[j] - 1: j - 1 for j in range(1, heads + 1) if owner[j] and scores[owner[j] - 1][j - 1] is not None}
    return sum(1.0 + scores[row][column] for row, column in pairs.items()), pairs


# The weights of pair_score. Each was checked by moving it on every text page of
# tests/fixtures and ../shared: the example named is the record that changes first.
#
# A body cut in two must share at least this much with the headline it gains, and a
# loose teaser line as much with the body it claims: at 0.5, page-1.txt (../shared/pdf)
# loses its "人说，现在北京的蓝天是 APEC 蓝，美好" head's body; no page changes down to 0.2.
SPLIT_EVIDENCE = 0.35
# A headline's words are judged against the body's first paragraph and against the
# whole body, half each: the lede restates the headline ("首批自然资源节约集约示范县公布" ⏎
# "2月 9日，自然资源部召开自然资源节约集约示范县…"), the whole body outweighs a lede that
# opens elsewhere. At 0.8, page-1.txt's "确保基本实现社会主义现代化取得决定性进展" loses its
# body; at 0.2 its "人说，现在北京的蓝天…" does.
LEDE_WEIGHT = 0.5
# Printed right above the body: where a headline usually stands. At 0 page-2.txt's
# "去年 6 月 18 日，在果洛西宁民族中学…" loses its body; at 0.4 it takes the wrong one.
RIGHT_ABOVE = 0.15
# Printed right after the body's last unit, as the extractor writes a headline set
# beside its body. Less than RIGHT_ABOVE: at 0, page-2.txt's "…新质生产力培育”" loses
# "吉林省吉林市，是一座因工业而兴的城市。"; at 0.3, page-1.txt and page-2.txt pair wrongly.
RIGHT_AFTER = 0.1
# A headline with its byline ("▶ 本报记者 张伟") over a body whose dateline already
# names its writer ("本报讯（记者 李争粉）"): one article prints its byline once. No page
# here changes anywhere from -0.2 to 0.5: the rule, not a fit, sets it.
BYLINE_TWICE = 0.5
# The same headline over a body with no byline of its own: page-2.txt's
# "一项改革带来就医新变化" ⏎ "本报记者 田先进" loses its body at 0; nothing changes up to 0.5.
BYLINE_ONCE = 0.2
# best_pairing counts each pair as 1 + its score, so a cut that only adds a pair gains 1:
# a cut must gain more, by the words its new headline shares. Nothing changes down to 0;
# at 3 the seed's "计量能力和水平纳入高企认定" body is no longer cut from the one above it.
MIN_CUT_GAIN = 1.0
# The score of a forced pair ("计量能力和水平纳入高企认定" ⏎ "本报讯 近日…", printed with no
# blank line): above any pair_score (at most 1 + RIGHT_ABOVE + RIGHT_AFTER + BYLINE_ONCE),
# so that no better pairing can outbid it.
FORCED = 10.0


def pair_score(head, draft) -> float:
    """How well a headline fits a body: shared words, then where the headline stands.

    A headline with its own byline ("▶ 本报记者 张伟") belongs to a body with no
    dateline; "本报讯（记者 李争粉）" already names its writer.
    """
    cached = draft.scores.get(id(head))
    if cached is not None:
        return cached
    head_grams = head.grams
    lede, whole = shared(head_grams, draft.lede_grams), shared(head_grams, draft.grams)
    score = LEDE_WEIGHT * lede + (1 - LEDE_WEIGHT) * whole
    if head.last_unit == draft.first_unit - 1:
        score += RIGHT_ABOVE
    if head.first_unit == draft.last_unit + 1:
        score += RIGHT_AFTER
    if head.headline.byline:
        score += -BYLINE_TWICE if (draft.dateline or draft.byline) else BYLINE_ONCE
    draft.scores[id(head)] = score
    return score


def pair_headlines(drafts: list, heads: list) -> tuple[list, dict[int, object]]:
    """Bodies (possibly cut in two) and the headline each one gets, by body index.

    A body with more headlines around than bodies to take them may be two
    articles run together, as when a headline-less article follows another's
    last paragraph: it is cut before the paragraph that best matches a spare headline.
    """
    value, pairs = pairing(drafts, heads)
    while len(pairs) < len(heads):
        best = None
        spare = [heads[h].grams for h in set(range(len(heads))) - set(pairs.values())]
        for d, draft in enumerate(drafts):
            for k in range(1, len(draft.pieces)):
                piece = draft.pieces[k]
                if piece.kind != PARAGRAPH or draft.pieces[k - 1].kind != PARAGRAPH:
                    continue
                if all(shared(grams, piece.grams) < SPLIT_EVIDENCE for grams in spare):
                    continue
                first, second = draft.split(k)
                candidate = drafts[:d] + [first, second] + drafts[d + 1 :]
                new_value, new_pairs = pairing(candidate, heads)
                gained = new_pairs.get(d + 1)
                if gained is None or shared(heads[gained].grams, second.lede_grams) < SPLIT_EVIDENCE:
                    continue
                if new_value > value + MIN_CUT_GAIN and (best is None or new_value > best[0]):
                    best = (new_value, candidate, new_pairs)
        if best is None:
            break
        value, drafts, pairs = best
    return drafts, {d: heads[h] for d, h in pairs.items()}


def pairing(drafts: list, heads: list) -> tuple[float, dict[int, int]]:
    """The best pairing of bodies with headlines; a forced headline goes to its body only."""
    forced = {id(draft.forced): d for d, draft in enumerate(drafts) if draft.forced is not None}
    scores = []
    for d, draft in enumerate(drafts):
        if draft.forced is not None:
            scores.append([FORCED if forced.get(id(head)) == d else None for head in heads])
        else:
            scores.append([None if id(head) in forced else pair_score(head, draft) for head in heads])
    return best_pairing(scores)
