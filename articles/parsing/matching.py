"""Give each article body its headline.

The extractor's reading order is not the reader's: a headline may stand before
its body, after it, or beside another headline after a third body. What a
headline has in common with its body is the words: "首批自然资源节约集约示范县公布"
shares "自然资源", "节约集约" and "示范县" with its body and little with the
others. So each headline goes to the body it shares most with, nudged by where it
stands, and the pairing is chosen for the whole page at once.
"""

# More headlines than this and the exact search would be slow; pair greedily instead.
EXACT_LIMIT = 10


def shared(head_grams: set[str], body_grams: set[str]) -> float:
    """Share of the headline's character pairs that the body also has."""
    return len(head_grams & body_grams) / len(head_grams) if head_grams else 0.0


def best_pairing(scores: list[list[float | None]]) -> tuple[float, dict[int, int]]:
    """Pair rows (bodies) with columns (headlines) one-to-one, most pairs first,
    then the highest total score. None marks a pair that may not be made."""
    rows = len(scores)
    columns = len(scores[0]) if scores else 0
    if columns > EXACT_LIMIT:
        return greedy_pairing(scores)
    # best[mask] = (value, pairs) over the rows seen so far, mask = headlines used.
    best: dict[int, tuple[float, tuple[tuple[int, int], ...]]] = {0: (0.0, ())}
    for row in range(rows):
        following = dict(best)
        for mask, (value, pairs) in best.items():
            for column in range(columns):
                score = scores[row][column]
                if score is None or mask & (1 << column):
                    continue
                candidate = (value + 1.0 + score, (*pairs, (row, column)))
                key = mask | (1 << column)
                if key not in following or candidate[0] > following[key][0]:
                    following[key] = candidate
        best = following
    value, pairs = max(best.values(), key=lambda entry: entry[0])
    return value, dict(pairs)


def greedy_pairing(scores: list[list[float | None]]) -> tuple[float, dict[int, int]]:
    candidates = sorted(
        (
            (score, row, column)
            for row, line in enumerate(scores)
            for column, score in enumerate(line)
            if score is not None
        ),
        reverse=True,
    )
    pairs: dict[int, int] = {}
    used: set[int] = set()
    value = 0.0
    for score, row, column in candidates:
        if row not in pairs and column not in used:
            pairs[row] = column
            used.add(column)
            value += 1.0 + score
    return value, pairs


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
        row = []
        for head in heads:
            owner = forced.get(id(head))
            if owner is not None:
                row.append(10.0 if owner == d else None)
            elif draft.forced is not None:
                row.append(None)
            else:
                row.append(pair_score(head, draft))
        scores.append(row)
    return best_pairing(scores)
