"""The full-text index over SearchDocument, in the form each database does best.

SQLite: an FTS5 table over the document's term columns, kept in step with the
documents table by triggers, so every write (import, admin edit, cascade
delete) updates it in the same transaction.
PostgreSQL: a tsvector column, written with the document, with a GIN index.
"""

from django.db import migrations

COLUMNS = "title_words, title_grams, body_words, body_grams"
NEW = "new.title_words, new.title_grams, new.body_words, new.body_grams"
OLD = "old.title_words, old.title_grams, old.body_words, old.body_grams"

SQLITE_CREATE = [
    f"CREATE VIRTUAL TABLE articles_search USING fts5({COLUMNS}, content='articles_searchdocument',"
    " content_rowid='id', tokenize='unicode61 remove_diacritics 0')",
    f"CREATE TRIGGER articles_search_insert AFTER INSERT ON articles_searchdocument BEGIN"
    f" INSERT INTO articles_search(rowid, {COLUMNS}) VALUES (new.id, {NEW}); END",
    f"CREATE TRIGGER articles_search_delete AFTER DELETE ON articles_searchdocument BEGIN"
    f" INSERT INTO articles_search(articles_search, rowid, {COLUMNS}) VALUES ('delete', old.id, {OLD}); END",
    f"CREATE TRIGGER articles_search_update AFTER UPDATE ON articles_searchdocument BEGIN"
    f" INSERT INTO articles_search(articles_search, rowid, {COLUMNS}) VALUES ('delete', old.id, {OLD});"
    f" INSERT INTO articles_search(rowid, {COLUMNS}) VALUES (new.id, {NEW}); END",
]
SQLITE_DROP = [
    "DROP TRIGGER articles_search_update",
    "DROP TRIGGER articles_search_delete",
    "DROP TRIGGER articles_search_insert",
    "DROP TABLE articles_search",
]
POSTGRES_CREATE = [
    "ALTER TABLE articles_searchdocument ADD COLUMN vector tsvector NOT NULL DEFAULT ''",
    "CREATE INDEX articles_searchdocument_vector ON articles_searchdocument USING GIN (vector)",
]
POSTGRES_DROP = ["DROP INDEX articles_searchdocument_vector", "ALTER TABLE articles_searchdocument DROP COLUMN vector"]


def run(statements):
    def operation(apps, schema_editor):
        vendor = schema_editor.connection.vendor
        for statement in statements.get(vendor, []):
            schema_editor.execute(statement)

    return operation


class Migration(migrations.Migration):
    dependencies = [("articles", "0002_search_document")]

    operations = [
        migrations.RunPython(
            run({"sqlite": SQLITE_CREATE, "postgresql": POSTGRES_CREATE}),
            run({"sqlite": SQLITE_DROP, "postgresql": POSTGRES_DROP}),
        )
    ]
