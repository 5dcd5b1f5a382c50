"""F arithmetic, Case/When, Coalesce, string/math/date functions, Cast, Extract, TruncDate, Value."""
from django.db.models import (Case, CharField, DecimalField, ExpressionWrapper, F, FloatField, IntegerField, Q,
                              Value, When)
from django.db.models.functions import (Abs, Cast, Coalesce, Concat, Extract, Greatest, Least, Length, Lower, Now,
                                        Replace, Round, Substr, Trim, TruncDate, Upper)

from decimal import Decimal as D

from corpus.base import case, ids, rows, topic
from parityapp.models import Author, Book, Profile, Review

topic("expressions")

ANNOTATIONS = [
    ("int_plus_int", Book, lambda: F("pages") + 1),
    ("int_times_int", Book, lambda: F("pages") * 2),
    ("int_div_int", Book, lambda: F("pages") / 3),
    ("int_mod_int", Book, lambda: F("pages") % 7),
    ("int_minus_self", Book, lambda: F("pages") - F("pages")),
    ("decimal_plus_int", Book, lambda: F("price") + 1),
    ("decimal_times_int", Book, lambda: F("price") * 2),
    ("decimal_plus_decimal", Book, lambda: F("price") + F("price")),
    ("decimal_times_field_int", Book, lambda: F("price") * F("pages")),
    ("decimal_div_int_literal", Book, lambda: F("price") / 4),
    ("float_times_int", Author, lambda: F("rating") * 2),
    ("float_plus_float", Author, lambda: F("rating") + F("rating")),
    ("across_fk", Book, lambda: F("pages") + F("author__id")),
    ("wrapper_decimal", Book, lambda: ExpressionWrapper(F("price") * F("pages"), output_field=DecimalField())),
    ("wrapper_float", Book, lambda: ExpressionWrapper(F("pages") / 3.0, output_field=FloatField())),
    ("case_text", Book, lambda: Case(When(pages__gte=400, then=Value("long")), When(pages__lt=150, then=Value("short")),
                                     default=Value("medium"))),
    ("case_no_default", Book, lambda: Case(When(price__gt=20, then=Value("dear")))),
    ("case_int", Book, lambda: Case(When(printed=True, then=Value(1)), default=Value(0), output_field=IntegerField())),
    ("case_q", Book, lambda: Case(When(Q(publisher__isnull=True) | Q(price__isnull=True), then=Value("gap")),
                                  default=Value("ok"))),
    ("case_field_then", Book, lambda: Case(When(pages__isnull=True, then=Value(0)), default=F("pages"))),
    ("case_decimal_then", Book, lambda: Case(When(price__isnull=True, then=Value(0)), default=F("price"),
                                             output_field=DecimalField())),
    ("coalesce_int", Book, lambda: Coalesce("pages", 0)),
    ("coalesce_text_fk", Book, lambda: Coalesce("publisher__country", Value("??"))),
    ("coalesce_two_fields", Author, lambda: Coalesce("email", "name")),
    ("coalesce_decimal", Book, lambda: Coalesce("price", Value(0), output_field=DecimalField())),
    ("lower_nonascii", Book, lambda: Lower("title")),
    ("upper_nonascii", Book, lambda: Upper("title")),
    ("length", Book, lambda: Length("title")),
    ("length_null", Author, lambda: Length("email")),
    ("concat", Book, lambda: Concat("title", Value(" / "), "author__name")),
    ("concat_null", Author, lambda: Concat("name", Value(" <"), "email", Value(">"))),
    ("substr_two", Book, lambda: Substr("title", 1, 3)),
    ("substr_from", Book, lambda: Substr("title", 5)),
    ("trim", Profile, lambda: Trim(Concat(Value("  "), "bio", Value(" ")))),
    ("replace", Book, lambda: Replace("title", Value("Dune"), Value("Arrakis"))),
    ("replace_remove", Book, lambda: Replace("title", Value("e"))),
    ("greatest_null", Book, lambda: Greatest("pages", Value(300))),
    ("least", Book, lambda: Least("pages", Value(300))),
    ("abs", Book, lambda: Abs(F("pages") - 400)),
    ("round_decimal", Book, lambda: Round("price")),
    ("round_float", Author, lambda: Round("rating")),
    ("cast_int_float", Book, lambda: Cast("pages", FloatField())),
    ("cast_decimal_int", Book, lambda: Cast("price", IntegerField())),
    ("cast_int_text", Book, lambda: Cast("pages", CharField())),
    ("extract_year", Book, lambda: Extract("published", "year")),
    ("extract_month", Book, lambda: Extract("published", "month")),
    ("extract_day", Book, lambda: Extract("opened", "day")),
    ("extract_hour", Book, lambda: Extract("opened", "hour")),
    ("extract_minute", Book, lambda: Extract("opened", "minute")),
    ("extract_second", Book, lambda: Extract("opened", "second")),
    ("extract_week_day", Book, lambda: Extract("published", "week_day")),
    ("trunc_date", Book, lambda: TruncDate("opened")),
    ("trunc_date_profile", Profile, lambda: TruncDate("joined")),
    ("value_int", Book, lambda: Value(7)),
    ("value_text", Book, lambda: Value("x'y")),
]

for _id, _model, _expr in ANNOTATIONS:
    case("expressions." + _id)(lambda m=_model, e=_expr: rows(m.objects.annotate(x=e()).values_list("id", "x")))

FILTERS = [
    ("filter_f_compare", lambda: Book.objects.filter(price__gt=F("pages") / 40)),
    ("filter_f_same_row", lambda: Book.objects.filter(pages__lt=F("id") * 30)),
    ("filter_f_across_fk", lambda: Book.objects.filter(editor=F("author__mentor"))),
    ("filter_annotation_case", lambda: Book.objects.annotate(x=Case(When(pages__gt=300, then=Value(1)), default=Value(0)))
     .filter(x=1)),
    ("filter_lower", lambda: Book.objects.annotate(x=Lower("title")).filter(x__startswith="the")),
    ("filter_length", lambda: Book.objects.annotate(x=Length("title")).filter(x__lt=6)),
    ("filter_coalesce", lambda: Book.objects.annotate(x=Coalesce("pages", 0)).filter(x__lt=100)),
    ("filter_now", lambda: Book.objects.filter(opened__lt=Now())),
    ("order_by_case", lambda: Book.objects.order_by(Case(When(printed=False, then=Value(0)), default=Value(1)), "id")),
    ("order_by_coalesce", lambda: Book.objects.order_by(Coalesce("price", Value(0)).desc(), "id")),
]

for _id, _qs in FILTERS:
    case("expressions." + _id)(lambda qs=_qs: ids(qs()))


@case("expressions.mixed_float_int")
def _():
    return rows(Author.objects.annotate(x=F("rating") + F("id")).values_list("id", "x"))


@case("expressions.mixed_decimal_float", error="FieldError")
def _():
    list(Book.objects.annotate(x=F("price") + F("author__rating")))


@case("expressions.decimal_minus_decimal_filter")
def _():
    return ids(Book.objects.filter(price__gt=F("price") - D("0.01")))


@case("expressions.case_in_aggregate")
def _():
    from django.db.models import Sum
    return rows([Book.objects.aggregate(s=Sum(Case(When(printed=True, then=F("pages")), default=Value(0))))["s"]])
