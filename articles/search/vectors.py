"""PostgreSQL tsvector and tsquery text, written from our own terms.

Terms are made in Python (articles/search/terms.py) and passed to PostgreSQL as
literals, not re-parsed by to_tsvector(), so the index reads the same whatever
the database's locale or text search configuration.
"""

from collections import defaultdict

# PostgreSQL keeps positions up to 16383; a gap between the streams keeps a
# phrase from matching across the end of one and the start of the next.
MAX_POSITION = 16383
STREAM_GAP = 64


def tsvector_literal(document) -> str:
    positions: dict[str, list[str]] = defaultdict(list)
    position = 0
    # Each stream its own weight: a query can then ask for terms close together in the
    # grams alone (tsquery.near, with :AC), as FTS5's NEAR does in its gram columns,
    # while ranking weighs the two headline streams alike, and the two body streams
    # (postgres.TS_WEIGHTS). The headline column (migration 0006) is the A terms.
    streams = (
        (document.title_grams, "A"),
        (document.title_words, "B"),
        (document.body_grams, "C"),
        (document.body_words, "D"),
    )
    for terms, weight in streams:
        for term in terms.split():
            position += 1
            if position > MAX_POSITION:
                break
            positions[term].append(f"{position}{weight}")
        position += STREAM_GAP
    # Terms hold only letters and digits (terms.py), so they need no escaping.
    return " ".join(f"'{term}':{','.join(places)}" for term, places in positions.items())
