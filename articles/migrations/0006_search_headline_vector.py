"""PostgreSQL: the headline's terms as a tsvector of their own, with a GIN index.

A broad query gives the documents with its terms in their headline first
(articles/search/postgres.py). Weighted terms in the whole-document vector
could answer that only by reading every match's vector; this column, derived
from it by PostgreSQL itself, answers from its own index. SQLite's FTS5 index
has the headline columns already.
"""

from django.db import migrations

CREATE = [
    "ALTER TABLE articles_searchdocument ADD COLUMN headline tsvector"
    " GENERATED ALWAYS AS (ts_filter(vector, '{a}')) STORED",
    "CREATE INDEX articles_searchdocument_headline ON articles_searchdocument USING GIN (headline)",
]
DROP = ["DROP INDEX articles_searchdocument_headline", "ALTER TABLE articles_searchdocument DROP COLUMN headline"]


def run(statements):
    def operation(apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            for statement in statements:
                schema_editor.execute(statement)

    return operation


class Migration(migrations.Migration):
    dependencies = [("articles", "0005_search_kind_column")]

    operations = [migrations.RunPython(run(CREATE), run(DROP))]
