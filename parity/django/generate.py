"""Runs the parity corpus on Django 3.2 and writes the answers djorm must give.

Usage (from the repository root): /usr/bin/python3 parity/django/generate.py
Writes orm-behaviour/src/test/resources/parity/{index,dataset,<topic>}.json.
"""
import importlib
import json
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "settings")

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402
from django.db import transaction  # noqa: E402
from django.db.models.deletion import ProtectedError, RestrictedError  # noqa: E402,F401
from django.test.utils import CaptureQueriesContext  # noqa: E402
from django.db import connection  # noqa: E402

import dataset  # noqa: E402
import corpus  # noqa: E402
from corpus import base  # noqa: E402
from parityapp import models  # noqa: E402

OUT = os.path.join(HERE, "..", "..", "orm-behaviour", "src", "test", "resources", "parity")


def load():
    for name, table in dataset.TABLES:
        model = getattr(models, name)
        model.objects.bulk_create([model(**row) for row in table])
    for name, field, links in dataset.M2M:
        model = getattr(models, name)
        for pk, targets in links.items():
            getattr(model.objects.get(pk=pk), field).add(*targets)


def dataset_json():
    out = []
    for name, table in dataset.TABLES:
        out.append({"model": name, "rows": [base.norm(row) for row in table]})
    m2m = [{"model": name, "field": field,
            "target": getattr(models, name)._meta.get_field(field).related_model.__name__,
            "links": [[pk, targets] for pk, targets in sorted(links.items())]}
           for name, field, links in dataset.M2M]
    return {"tables": out, "m2m": m2m}


def error_name(exc):
    """The exception's class name; every "does not exist" (Model.DoesNotExist, RelatedObjectDoesNotExist) is DoesNotExist."""
    from django.core.exceptions import ObjectDoesNotExist
    if isinstance(exc, ObjectDoesNotExist):
        return "DoesNotExist"
    return type(exc).__name__


def run(c):
    entry = {"id": c["id"]}
    try:
        with transaction.atomic():
            try:
                if c["queries"]:
                    with CaptureQueriesContext(connection) as captured:
                        answer = c["fn"]()
                    entry["queries"] = len(captured.captured_queries)
                else:
                    answer = c["fn"]()
            finally:
                transaction.set_rollback(True)
    except Exception as exc:  # an expected error is an answer; any other stops the generator
        if c["error"] is None:
            raise RuntimeError("case %s raised %r" % (c["id"], exc)) from exc
        if error_name(exc) != c["error"]:
            raise RuntimeError("case %s raised %s, not %s" % (c["id"], error_name(exc), c["error"])) from exc
        entry["error"] = c["error"]
        return entry
    if c["error"] is not None:
        raise RuntimeError("case %s should raise %s but answered %r" % (c["id"], c["error"], answer.result))
    result = answer.result
    if not answer.ordered and isinstance(result, list):  # any order: sorted, so a regeneration is byte-identical
        result = sorted(result, key=lambda r: json.dumps(r, sort_keys=True, ensure_ascii=False))
    entry["result"] = result
    entry["ordered"] = answer.ordered
    if c["differs"]:
        entry["differs"] = c["differs"]
        if c["djorm_error"]:
            entry["djorm_error"] = c["djorm_error"]
        else:
            entry["djorm"] = base.norm(c["djorm"])
    return entry


def write(name, data):
    """One JSON file; a list of cases is written one case per line, so a regenerated corpus diffs well."""
    def dumps(v):
        return json.dumps(v, ensure_ascii=False, sort_keys=True)
    with open(os.path.join(OUT, name + ".json"), "w", encoding="utf-8") as f:
        if "cases" in data:
            f.write('{"cases": [\n' + ",\n".join(dumps(e) for e in data["cases"]) + "\n]}\n")
        else:
            f.write(dumps(data) + "\n")


def main():
    call_command("migrate", run_syncdb=True, verbosity=0)
    load()
    os.makedirs(OUT, exist_ok=True)
    seen = set()
    total = 0
    for t in corpus.TOPICS:
        importlib.import_module("corpus." + t)
    for t in corpus.TOPICS:
        entries = []
        for c in base.CASES.get(t, []):
            if c["id"] in seen:
                raise RuntimeError("duplicate case id " + c["id"])
            seen.add(c["id"])
            entries.append(run(c))
        total += len(entries)
        write(t, {"cases": sorted(entries, key=lambda e: e["id"])})
    write("index", {"topics": corpus.TOPICS, "django": django.get_version()})
    write("dataset", dataset_json())
    print("%d cases written to %s" % (total, os.path.normpath(OUT)))


if __name__ == "__main__":
    main()
