from django.db import migrations, models
from django.utils import timezone


def keep_existing_editions_public(apps, schema_editor):
    # Editions that readers could see before drafts existed stay published: only
    # editions imported from now on start as drafts.
    now = timezone.now()
    for name in ("Edition", "HistoricalEdition"):
        apps.get_model("articles", name).objects.filter(published_at__isnull=True).update(published_at=now)


class Migration(migrations.Migration):
    dependencies = [("articles", "0015_editors_addresses")]

    operations = [
        migrations.AddField(
            model_name="edition",
            name="published_at",
            field=models.DateTimeField(
                blank=True,
                help_text="留空为草稿，读者看不到；填将来的时间则到时发布",
                null=True,
                verbose_name="发布时间",
            ),
        ),
        migrations.AddField(
            model_name="historicaledition",
            name="published_at",
            field=models.DateTimeField(
                blank=True,
                help_text="留空为草稿，读者看不到；填将来的时间则到时发布",
                null=True,
                verbose_name="发布时间",
            ),
        ),
        migrations.AddIndex(
            model_name="edition",
            index=models.Index(fields=["published_at"], name="articles_edition_published"),
        ),
        migrations.RunPython(keep_existing_editions_public, migrations.RunPython.noop),
    ]
