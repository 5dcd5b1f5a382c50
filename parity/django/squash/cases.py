"""Django 3.2's MigrationOptimizer on small cases; MigrationOptimizerTest asserts djorm's answers match.

Usage (from the repository root): /usr/bin/python3 parity/django/squash/cases.py
Prints, per case, the optimised operations as "describe()" lines joined by " | " ("" when none remain).
"""
import django
from django.conf import settings

settings.configure(INSTALLED_APPS=[], DATABASES={})
django.setup()

from django.db import migrations as m, models  # noqa: E402
from django.db.migrations.optimizer import MigrationOptimizer  # noqa: E402


def pk():
    return ("id", models.AutoField(primary_key=True))


def create(name, *fields):
    return m.CreateModel(name, [pk()] + [(f, models.IntegerField(null=True)) for f in fields])


def fk_create(name, target):
    return m.CreateModel(name, [pk(), (target.lower(), models.ForeignKey("shop." + target, models.CASCADE))])


def add(model, field):
    return m.AddField(model, field, models.IntegerField(null=True))


def alter(model, field):
    return m.AlterField(model, field, models.IntegerField(null=True, db_index=True))


CASES = {
    "create_then_delete": [create("Foo", "a"), m.DeleteModel("Foo")],
    "create_then_rename_model": [create("Foo", "a"), m.RenameModel("Foo", "Bar")],
    "rename_model_chain": [m.RenameModel("A", "B"), m.RenameModel("B", "C")],
    "add_then_rename_field": [add("Book", "x"), m.RenameField("Book", "x", "y")],
    "add_then_alter_field": [add("Book", "x"), alter("Book", "x")],
    "add_then_remove_field": [add("Book", "x"), m.RemoveField("Book", "x")],
    "alter_then_remove_field": [alter("Book", "x"), m.RemoveField("Book", "x")],
    "rename_field_chain": [m.RenameField("Book", "x", "y"), m.RenameField("Book", "y", "z")],
    "create_delete_blocked_by_reference": [create("Author", "a"), fk_create("Book", "Author"), m.DeleteModel("Author")],
    "create_absorbs_across_other_model": [create("Author", "a"), create("Tag", "b"), add("Author", "c"),
                                          m.RemoveField("Author", "a")],
    "unique_together_superseded": [m.AlterUniqueTogether("Book", {("a", "b")}), m.AlterUniqueTogether("Book", {("a", "c")})],
    "remove_field_then_delete_model": [m.RemoveField("Book", "x"), m.DeleteModel("Book")],
    "index_blocks": [add("Book", "x"), m.AddIndex("Book", models.Index(fields=["x"], name="book_x_idx")),
                     m.RemoveField("Book", "x")],
}

for name, operations in CASES.items():
    result = MigrationOptimizer().optimize(operations, "shop")
    print(name + ": " + " | ".join(op.describe() for op in result))
