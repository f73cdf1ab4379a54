"""The FTS5 index gets the document's kind as a column of its own, merges less
often, and splits its terms with the plain ascii tokenizer.

Counting hits per kind, and keeping to one kind, can then be answered from the
index alone ("... AND kind : news"), without reading a document row for every
match: at 100,000 documents that join was most of a common word's search time.
PostgreSQL's index is unchanged.
"""

from django.db import migrations

OLD_COLUMNS = "title_words, title_grams, body_words, body_grams"
COLUMNS = f"{OLD_COLUMNS}, kind"
# The columns hold terms already cut, lowercased and joined by spaces (search/terms.py):
# only letters, digits and Han characters. FTS5's ascii tokenizer splits them into the
# same tokens as unicode61 did, without decoding and folding every character again,
# which made indexing about 5% quicker.
NEW_TOKENIZER = "ascii"


def fts5(columns, tokenizer):
    new = ", ".join(f"new.{column.strip()}" for column in columns.split(","))
    old = ", ".join(f"old.{column.strip()}" for column in columns.split(","))
    return [
        f"CREATE VIRTUAL TABLE articles_search USING fts5({columns}, content='articles_searchdocument',"
        f" content_rowid='id', tokenize='{tokenizer}')",
        f"CREATE TRIGGER articles_search_insert AFTER INSERT ON articles_searchdocument BEGIN"
        f" INSERT INTO articles_search(rowid, {columns}) VALUES (new.id, {new}); END",
        f"CREATE TRIGGER articles_search_delete AFTER DELETE ON articles_searchdocument BEGIN"
        f" INSERT INTO articles_search(articles_search, rowid, {columns}) VALUES ('delete', old.id, {old}); END",
        f"CREATE TRIGGER articles_search_update AFTER UPDATE ON articles_searchdocument BEGIN"
        f" INSERT INTO articles_search(articles_search, rowid, {columns}) VALUES ('delete', old.id, {old});"
        f" INSERT INTO articles_search(rowid, {columns}) VALUES (new.id, {new}); END",
        # FTS5 merges its segments as documents arrive, by default whenever four of a
        # size exist; eight made indexing about a sixth quicker at 20,000 documents
        # with no slower queries (bench/search.py indexes through the same table).
        "INSERT INTO articles_search(articles_search, rank) VALUES ('automerge', 8)",
        # Index what is already stored, from the documents table.
        "INSERT INTO articles_search(articles_search) VALUES ('rebuild')",
    ]


DROP = [
    "DROP TRIGGER articles_search_update",
    "DROP TRIGGER articles_search_delete",
    "DROP TRIGGER articles_search_insert",
    "DROP TABLE articles_search",
]


def run(statements):
    def operation(apps, schema_editor):
        if schema_editor.connection.vendor == "sqlite":
            for statement in statements:
                schema_editor.execute(statement)

    return operation


class Migration(migrations.Migration):
    dependencies = [("articles", "0004_history_and_dictionary")]

    operations = [
        migrations.RunPython(
            run(DROP + fts5(COLUMNS, NEW_TOKENIZER)), run(DROP + fts5(OLD_COLUMNS, "unicode61 remove_diacritics 0"))
        )
    ]
