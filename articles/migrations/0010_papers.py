"""Papers become records of their own: every edition's paper name becomes a Paper,
with a slug from its pinyin, and the edition points to it. A blank name (an edition
imported without one) becomes the default paper of settings.DIGEST_DEFAULT_PAPER."""

import articles.papers
import django.db.models.deletion
import simple_history.models
from django.conf import settings
from django.db import migrations, models


def papers_from_names(apps, schema_editor):
    Paper = apps.get_model("articles", "Paper")
    papers = {}

    def paper_named(name):
        name = name.strip() or settings.DIGEST_DEFAULT_PAPER
        if name not in papers:
            paper = Paper.objects.filter(name=name).first()
            if paper is None:
                slug, number = articles.papers.pinyin_slug(name), 1
                base = slug
                while Paper.objects.filter(slug=slug).exists():
                    number += 1
                    slug = f"{base}-{number}"
                paper = Paper.objects.create(name=name, slug=slug)
            papers[name] = paper
        return papers[name]

    for model in ("Edition", "HistoricalEdition"):
        for edition in apps.get_model("articles", model).objects.all():
            edition.paper = paper_named(edition.paper_name)
            edition.save(update_fields=["paper"])


def names_from_papers(apps, schema_editor):
    for model in ("Edition", "HistoricalEdition"):
        for edition in apps.get_model("articles", model).objects.select_related("paper"):
            edition.paper_name = edition.paper.name if edition.paper else ""
            edition.save(update_fields=["paper_name"])


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0009_site_generation"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name="Paper",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("name", models.CharField(max_length=100, unique=True, verbose_name="报名")),
                (
                    "slug",
                    models.CharField(
                        blank=True,
                        help_text="本报网址的开头，如 /lanzhouribao/。留空则取报名的拼音",
                        max_length=60,
                        unique=True,
                        validators=[articles.papers.validate_slug],
                        verbose_name="网址名",
                    ),
                ),
            ],
            options={
                "verbose_name": "报纸",
                "verbose_name_plural": "报纸",
                "ordering": ["name"],
            },
        ),
        migrations.AlterModelOptions(
            name="article",
            options={
                "default_related_name": "articles",
                "ordering": ["page_id", "position", "pk"],
                "verbose_name": "文章",
                "verbose_name_plural": "文章",
            },
        ),
        migrations.AlterModelOptions(
            name="brief",
            options={
                "default_related_name": "briefs",
                "ordering": ["page_id", "position", "pk"],
                "verbose_name": "简讯与导读",
                "verbose_name_plural": "简讯与导读",
            },
        ),
        migrations.AlterModelOptions(
            name="edition",
            options={
                "ordering": [models.OrderBy(models.F("date"), descending=True, nulls_last=True), "pk"],
                "verbose_name": "期次",
                "verbose_name_plural": "期次",
            },
        ),
        migrations.AlterModelOptions(
            name="page",
            options={
                "ordering": ["edition_id", "number_sort", "number", "pk"],
                "verbose_name": "版面",
                "verbose_name_plural": "版面",
            },
        ),
        migrations.AlterModelOptions(
            name="photo",
            options={
                "default_related_name": "photos",
                "ordering": ["page_id", "position", "pk"],
                "verbose_name": "图片",
                "verbose_name_plural": "图片",
            },
        ),
        migrations.CreateModel(
            name="HistoricalPaper",
            fields=[
                ("id", models.BigIntegerField(auto_created=True, blank=True, db_index=True, verbose_name="ID")),
                ("name", models.CharField(db_index=True, max_length=100, verbose_name="报名")),
                (
                    "slug",
                    models.CharField(
                        blank=True,
                        db_index=True,
                        help_text="本报网址的开头，如 /lanzhouribao/。留空则取报名的拼音",
                        max_length=60,
                        validators=[articles.papers.validate_slug],
                        verbose_name="网址名",
                    ),
                ),
                ("history_id", models.AutoField(primary_key=True, serialize=False)),
                ("history_date", models.DateTimeField(db_index=True)),
                ("history_change_reason", models.CharField(max_length=100, null=True)),
                (
                    "history_type",
                    models.CharField(choices=[("+", "Created"), ("~", "Changed"), ("-", "Deleted")], max_length=1),
                ),
                (
                    "history_user",
                    models.ForeignKey(
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
            ],
            options={
                "verbose_name": "historical 报纸",
                "verbose_name_plural": "historical 报纸",
                "ordering": ("-history_date", "-history_id"),
                "get_latest_by": ("history_date", "history_id"),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.RemoveConstraint(model_name="edition", name="one_edition_per_paper_and_day"),
        migrations.RenameField(model_name="edition", old_name="paper", new_name="paper_name"),
        migrations.RenameField(model_name="historicaledition", old_name="paper", new_name="paper_name"),
        migrations.AddField(
            model_name="edition",
            name="paper",
            field=models.ForeignKey(
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="editions",
                to="articles.paper",
                verbose_name="报纸",
            ),
        ),
        migrations.AddField(
            model_name="historicaledition",
            name="paper",
            field=models.ForeignKey(
                blank=True,
                db_constraint=False,
                null=True,
                on_delete=django.db.models.deletion.DO_NOTHING,
                related_name="+",
                to="articles.paper",
                verbose_name="报纸",
            ),
        ),
        migrations.RunPython(papers_from_names, names_from_papers),
        migrations.RemoveField(model_name="edition", name="paper_name"),
        migrations.RemoveField(model_name="historicaledition", name="paper_name"),
        migrations.AlterField(
            model_name="edition",
            name="paper",
            field=models.ForeignKey(
                on_delete=django.db.models.deletion.PROTECT,
                related_name="editions",
                to="articles.paper",
                verbose_name="报纸",
            ),
        ),
        migrations.AddConstraint(
            model_name="edition",
            constraint=models.UniqueConstraint(fields=("paper", "date"), name="one_edition_per_paper_and_day"),
        ),
    ]
