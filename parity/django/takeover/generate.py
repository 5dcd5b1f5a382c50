"""Creates a Django 3.2 project's SQLite database and dumps it as SQL for djorm's take-over test.

Usage (from the repository root): /usr/bin/python3 parity/django/takeover/generate.py
Writes orm-migrations/src/test/resources/django/shop.sql: one statement per line, the tables, a few
rows and the indexes exactly as Django's `migrate` made them. CI replays the file; it needs no Python.
"""
import os
import sqlite3
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "..", "..", "..", "orm-migrations", "src", "test", "resources", "django", "shop.sql")
sys.path.insert(0, HERE)

import django  # noqa: E402
from django.conf import settings  # noqa: E402

database = os.path.join(tempfile.mkdtemp(), "django.sqlite3")
settings.configure(
    INSTALLED_APPS=["shop"],
    DATABASES={"default": {"ENGINE": "django.db.backends.sqlite3", "NAME": database}},
    DEFAULT_AUTO_FIELD="django.db.models.AutoField",
    USE_TZ=False,
)
django.setup()

from django.core.management import call_command  # noqa: E402
from shop.models import Author, Book, Tag  # noqa: E402

# The app has no migration files, so migrate creates its tables with the schema editor directly.
call_command("migrate", run_syncdb=True, verbosity=0)
ann = Author.objects.create(name="Ann Leckie")
book = Book.objects.create(title="Ancillary Justice", isbn="9780316246620", price="15.99", author=ann)
book.tags.add(Tag.objects.create(label="sf"))

tables, rows, indexes = [], [], []
with sqlite3.connect(database) as db:
    for statement in db.iterdump():
        # Transaction framing and SQLite's own bookkeeping are not part of the schema.
        if statement in ("BEGIN TRANSACTION;", "COMMIT;") or "sqlite_sequence" in statement:
            continue
        statement = statement.replace("\n", " ")
        (tables if statement.startswith("CREATE TABLE") else rows if statement.startswith("INSERT") else indexes).append(statement)
# Every table before any row, so that the rows' foreign keys find their tables when replayed in one transaction.
lines = tables + rows + indexes
with open(OUT, "w") as f:
    f.write("\n".join(lines) + "\n")
print("wrote", os.path.normpath(OUT))
