"""How a corpus module declares its cases, and how answers are put into comparable (normalised) form.

Normalisation (the Java replay applies the same rules to djorm's answers):
- a model instance becomes its primary key;
- Decimal becomes its value as a plain string without trailing zeros ("12.00" -> "12", "0.50" -> "0.5");
- date -> "YYYY-MM-DD", datetime -> "YYYY-MM-DD HH:MM:SS.ffffff" (always six digits), time -> "HH:MM:SS.ffffff";
- tuples and lists become lists, dicts become objects; None, bool, int, float and str stay as they are.
"""
import datetime
import decimal

from django.db import models

CASES = {}
_topic = [None]


def topic(name):
    """Starts the cases of one corpus module."""
    _topic[0] = name
    CASES.setdefault(name, [])


def case(case_id, error=None, queries=False, differs=None, djorm=None, djorm_error=None):
    """Registers a case. error: the Django exception name the case must raise; queries: record the number
    of queries; differs: the reason djorm deliberately answers differently, with djorm's answer in djorm,
    or in djorm_error the name of the exception djorm raises instead."""
    def register(fn):
        if differs and djorm is None and djorm_error is None:
            raise ValueError(case_id + ": a case that differs needs djorm's expected answer or error")
        CASES[_topic[0]].append(dict(id=case_id, fn=fn, error=error, queries=queries, differs=differs,
                                     djorm=djorm, djorm_error=djorm_error))
        return fn
    return register


class Answer:
    """A case's result: rows (ordered or not) or one value."""

    def __init__(self, result, ordered):
        self.result = result
        self.ordered = ordered


def rows(items, ordered=False):
    return Answer([norm(i) for i in items], ordered)


def value(v):
    return Answer(norm(v), True)


def qs_rows(qs):
    """The rows of a queryset; ordered exactly when Django says the queryset is ordered."""
    return rows(list(qs), qs.ordered)


def ids(qs):
    """The primary keys of a queryset's instances."""
    return rows([o.pk for o in qs], qs.ordered)


def norm(v):
    if v is None or isinstance(v, (bool, int, float, str)):
        return v
    if isinstance(v, models.Model):
        return v.pk
    if isinstance(v, decimal.Decimal):
        return plain(v)
    if isinstance(v, datetime.datetime):
        return v.strftime("%Y-%m-%d %H:%M:%S.%f")
    if isinstance(v, datetime.date):
        return v.isoformat()
    if isinstance(v, datetime.time):
        return v.strftime("%H:%M:%S.%f")
    if isinstance(v, dict):
        return {str(k): norm(x) for k, x in v.items()}
    if isinstance(v, (list, tuple)):
        return [norm(x) for x in v]
    raise TypeError("cannot normalise %r" % (v,))


def plain(d):
    """A decimal's value as plain text without trailing zeros (no exponent)."""
    text = format(d, "f")
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text
