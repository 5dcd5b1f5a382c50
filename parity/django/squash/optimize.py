"""Runs Django 3.2's MigrationOptimizer on the eight-step evolution of SquashMigrationsTest.

Usage (from the repository root): /usr/bin/python3 parity/django/squash/optimize.py
Prints each optimised operation with its fields; SquashMigrationsTest asserts djorm's squash gives the
same list. The operations below are those djorm's makemigrations (and Django's) writes at each step.
"""
import django
from django.conf import settings

settings.configure(INSTALLED_APPS=[], DATABASES={})
django.setup()

from django.db import migrations, models  # noqa: E402
from django.db.migrations.optimizer import MigrationOptimizer  # noqa: E402

FK = dict(on_delete=models.CASCADE)
steps = [
    # 0001_initial
    [migrations.CreateModel("Author", [("id", models.AutoField(primary_key=True)),
                                       ("name", models.CharField(max_length=100))]),
     migrations.CreateModel("Book", [("id", models.AutoField(primary_key=True)),
                                     ("title", models.CharField(max_length=200)),
                                     ("author", models.ForeignKey("shop.Author", **FK))])],
    # 0002_book_pages
    [migrations.AddField("Book", "pages", models.IntegerField(default=0))],
    # 0003_publisher_book_publisher
    [migrations.CreateModel("Publisher", [("id", models.AutoField(primary_key=True)),
                                          ("name", models.CharField(max_length=100))]),
     migrations.AddField("Book", "publisher", models.ForeignKey("shop.Publisher", null=True, **FK))],
    # 0004_alter_book_title
    [migrations.AlterField("Book", "title", models.CharField(max_length=250))],
    # 0005_rename_pages_book_length
    [migrations.RenameField("Book", "pages", "length")],
    # 0006_author_email
    [migrations.AddField("Author", "email", models.CharField(max_length=254, null=True))],
    # 0007_remove_author_email
    [migrations.RemoveField("Author", "email")],
    # 0008_publisher_city + unique_together
    [migrations.AddField("Publisher", "city", models.CharField(max_length=50, null=True)),
     migrations.AlterUniqueTogether("Book", {("title", "author")})],
]
operations = [op for step in steps for op in step]
for op in MigrationOptimizer().optimize(operations, "shop"):
    fields = getattr(op, "fields", None)
    line = op.describe()
    if fields is not None:
        line += ": " + ", ".join(name for name, _ in fields)
        if op.options.get("unique_together"):
            line += "; unique_together " + str(sorted(sorted(s) for s in op.options["unique_together"]))
    print(line)
