"""Give each article body its headline.

The extractor's reading order is not the reader's: a headline may stand before
its body, after it, or beside another headline after a third body. What a
headline has in common with its body is the words: "首批自然资源节约集约示范县公布"
shares "自然资源", "节约集约" and "示范县" with its body and little with the
others. So each headline goes to the body it shares most with, nudged by where it
stands, and the pairing is chosen for the whole page at once.
"""


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


# A body cut in two must share at least this much with the headline it gains.
SPLIT_EVIDENCE = 0.35


def pair_score(head, draft) -> float:
    """How well a headline fits a body: shared words, then where the headline stands.

    A headline with its own byline ("▶ 本报记者 张伟") belongs to a body with no
    dateline; "本报讯（记者 李争粉）" already names its writer.
    """
    cached = draft.scores.get(id(head))
    if cached is not None:
        return cached
    head_grams = head.grams
    score = 0.5 * shared(head_grams, draft.lede_grams) + 0.5 * shared(head_grams, draft.grams)
    if head.last_unit == draft.first_unit - 1:
        score += 0.15
    if head.first_unit == draft.last_unit + 1:
        score += 0.1
    if head.headline.byline:
        score += -0.5 if (draft.dateline or draft.byline) else 0.2
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
                if piece.kind != "paragraph" or draft.pieces[k - 1].kind != "paragraph":
                    continue
                if all(shared(grams, piece.grams) < SPLIT_EVIDENCE for grams in spare):
                    continue
                first, second = draft.split(k)
                candidate = drafts[:d] + [first, second] + drafts[d + 1 :]
                new_value, new_pairs = pairing(candidate, heads)
                gained = new_pairs.get(d + 1)
                if gained is None or shared(heads[gained].grams, second.lede_grams) < SPLIT_EVIDENCE:
                    continue
                if new_value > value + 1.0 and (best is None or new_value > best[0]):
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
            scores.append([10.0 if forced.get(id(head)) == d else None for head in heads])
        else:
            scores.append([None if id(head) in forced else pair_score(head, draft) for head in heads])
    return best_pairing(scores)
