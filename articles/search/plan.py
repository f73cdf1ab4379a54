"""How a query is run, the same on both databases: its ranking tiers, the plan
for a broad query, and the plan for a query no record matches whole.

Tiers, best first (each a Condition of query.py; a hit is ranked in the first
it meets, then by relevance within it):
  0. every term as typed, close together: within NEAR_DISTANCE terms (FTS5's NEAR
     on SQLite, phrase operators <N> on PostgreSQL: fts5.py, tsquery.py);
  1. every term as typed, function words included;
  2. every word of the terms, function words included;
  3. every word but the function words: what a hit must hold.

A broad query: one matching more than LARGE documents, ranked by relevance and
filtered by nothing but its kind, names a topic rather than a story. Ranking
its thousands of matches costs tens of milliseconds and says little, so each
tier is given in two parts, first the documents with the tier's terms in their
headline, then the others, each part newest first (sqlite.py measured it).

A partial result: when no record holds every group of a query of several, the
records holding most of them are given instead, most groups first, and each
hit says which groups it lacks.
"""

from collections.abc import Callable
from dataclasses import dataclass

from .query import Condition, Query
from .shared import Filters

LARGE = 1000
# Terms this close (terms between them) are "close together" (tier 0): a short
# sentence's span, "无人机 药品" in "无人机从医院楼顶起飞，把急救药品".
NEAR_DISTANCE = 12


def tiers(parsed: Query) -> list[Condition]:
    """Each tier's condition that this query has, best first, none twice."""
    found: list[Condition] = []
    for condition in (parsed.typed(), parsed.words(), parsed.needed()):
        if condition not in found:
            found.append(condition)
    return found


def near_terms(parsed: Query) -> list | None:
    """The typed phrases that tier 0 wants close together, if the query has that tier:
    several terms, none of them alternatives."""
    if len(parsed.groups) > 1 and not parsed.alternatives:
        return [group[0].typed for group in parsed.groups]
    return None


def is_broad(count: int, order: str, filters: Filters) -> bool:
    return count > LARGE and order != "newest" and not filters.beyond_kind


def broad_parts(wholes: list, headlines: list, without: Callable) -> list:
    """The parts of a broad result, in order: per tier, its headline matches, then
    its other matches; no document in two parts. wholes and headlines are each
    tier's match, in the backend's terms, and without(part, others) removes others."""
    parts, earlier = [], []
    for whole, headline in zip(wholes, headlines, strict=True):
        parts.append(without(headline, earlier))
        parts.append(without(whole, [*earlier, headline]))
        earlier.append(whole)
    return parts


def walk_parts(parts: list, limit: int, offset: int, count: Callable, fetch: Callable) -> list[int]:
    """One page of a broad result's parts laid end to end: fetch(part, limit, offset)
    gives a part's ids newest first, count(part) how many it has; a part wholly
    before the page is only counted."""
    ids: list[int] = []
    for part in parts:
        if offset:
            size = count(part)
            if size <= offset:
                offset -= size
                continue
        ids += fetch(part, limit - len(ids), offset)
        offset = 0
        if len(ids) == limit:
            break
    return ids


def partial_groups(parsed: Query) -> list[Condition]:
    """Each required group alone, as a condition, when a partial result can help."""
    required = parsed.needed()
    return [[group] for group in required] if len(required) > 1 else []


@dataclass
class Found:
    ids: list[int]  # one page of hits, best first (or newest first)
    count: int  # hits after every filter
    count_kinds: Callable[[], dict[str, int]]  # hits per kind before the kind filter
    partial: bool = False  # no record holds every group; these hold most of them
    missing: dict[int, list[str]] | None = None  # for a partial result: each hit's missing groups, as typed
