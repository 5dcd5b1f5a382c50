"""The API issue 14 added: dates()/datetimes(), Trunc*, text and math functions, more window functions and
frames, Q holding an expression, ~Exists, unary minus, transforms inside F and values(), many-to-many by
primary key, the through model, in_bulk, and an instance's annotation names."""
import datetime as dt
from decimal import Decimal as D

from django.db.models import Avg, Count, Exists, F, OuterRef, Q, RowRange, Sum, Value, ValueRange, Window
from django.db.models import CharField, DateField
from django.db.models.functions import (Ceil, Chr, Concat, CumeDist, Exp, FirstValue, Floor, LPad, LTrim, LastValue,
                                        Left, Length, Ln, Log, Mod, NthValue, Ntile, NullIf, Ord, PercentRank, Power,
                                        RPad, RTrim, Repeat, Reverse, Right, Sign, Sqrt, StrIndex, Trim, Trunc,
                                        TruncDay, TruncHour, TruncMinute, TruncMonth, TruncQuarter, TruncSecond,
                                        TruncWeek, TruncYear)

from corpus.base import case, ids, rows, topic, value
from parityapp.models import Author, Book, Profile, Tag

topic("api")

# One annotation per case, read back as (id, x) rows in any order.
ANNOTATIONS = [
    ("left", Book, lambda: Left("title", 3)),
    ("left_null", Author, lambda: Left("email", 4)),
    ("right_nonascii", Book, lambda: Right("title", 5)),
    ("strindex", Book, lambda: StrIndex("title", Value("e"))),
    ("strindex_nonascii", Book, lambda: StrIndex("title", Value("é"))),
    ("strindex_null", Author, lambda: StrIndex("email", Value("@"))),
    ("lpad_fill", Book, lambda: LPad("title", 8, Value("*"))),
    ("lpad_space", Author, lambda: LPad("email", 20)),
    ("rpad_multi_fill", Book, lambda: RPad("title", 12, Value("-="))),
    ("repeat", Book, lambda: Repeat(Left("title", 2), 3)),
    ("repeat_null", Author, lambda: Repeat("email", 2)),
    ("reverse_nonascii", Book, lambda: Reverse("title")),
    ("trim_both", Profile, lambda: Trim(Concat(Value("  "), "bio", Value("  ")))),
    ("ltrim", Profile, lambda: LTrim(Concat(Value("  "), "bio", Value("  ")))),
    ("rtrim", Profile, lambda: RTrim(Concat(Value("  "), "bio", Value("  ")))),
    ("ord_nonascii", Author, lambda: Ord("name")),
    ("ord_null_and_empty", Profile, lambda: Ord("bio")),
    ("sign_int", Book, lambda: Sign(F("pages") - 316)),
    ("sign_decimal", Book, lambda: Sign(F("price") - D("11.00"))),
    ("power_int", Book, lambda: Power("pages", 2)),
    ("power_float", Author, lambda: Power("rating", 3)),
    ("sqrt_int", Book, lambda: Sqrt("pages")),
    ("sqrt_float", Author, lambda: Sqrt("rating")),
    ("exp_float", Author, lambda: Exp("rating")),
    ("ln_int", Book, lambda: Ln("pages")),
    ("log_base10", Book, lambda: Log(10, "pages")),
    ("log_base2_float", Author, lambda: Log(2, "rating")),
    ("ceil_decimal", Book, lambda: Ceil("price")),
    ("floor_decimal", Book, lambda: Floor("price")),
    ("ceil_float", Author, lambda: Ceil("rating")),
    ("floor_int", Book, lambda: Floor("pages")),
    ("mod_int", Book, lambda: Mod("pages", 7)),
    ("mod_negative_dividend", Book, lambda: Mod(F("pages") - 400, 7)),
    ("nullif_int", Book, lambda: NullIf("pages", Value(412))),
    ("nullif_text", Author, lambda: NullIf("email", Value("toni@example.com"))),
    ("nullif_fields", Book, lambda: NullIf("author", "editor")),
    ("trunc_year_date", Book, lambda: TruncYear("published")),
    ("trunc_quarter_date", Book, lambda: TruncQuarter("published")),
    ("trunc_month_date", Book, lambda: TruncMonth("published")),
    ("trunc_week_date", Book, lambda: TruncWeek("published")),
    ("trunc_day_date", Book, lambda: TruncDay("published")),
    ("trunc_year_datetime", Book, lambda: TruncYear("opened")),
    ("trunc_quarter_datetime", Book, lambda: TruncQuarter("opened")),
    ("trunc_week_datetime", Book, lambda: TruncWeek("opened")),
    ("trunc_day_datetime", Book, lambda: TruncDay("opened")),
    ("trunc_hour", Book, lambda: TruncHour("opened")),
    ("trunc_minute", Book, lambda: TruncMinute("opened")),
    ("trunc_second_drops_micro", Book, lambda: TruncSecond("opened")),
    ("trunc_second_profile", Profile, lambda: TruncSecond("joined")),
    ("trunc_kind_month", Book, lambda: Trunc("opened", "month")),
    ("trunc_kind_year_date", Book, lambda: Trunc("published", "year")),
    ("trunc_datetime_to_date", Book, lambda: TruncMonth("opened", output_field=DateField())),
    ("neg_int", Book, lambda: -F("pages")),
    ("neg_decimal", Book, lambda: -F("price")),
    ("neg_float", Author, lambda: -F("rating")),
    ("f_year_transform", Book, lambda: F("published__year")),
    ("f_transform_across_fk", Book, lambda: F("author__born__year")),
    ("f_transform_arithmetic", Book, lambda: F("published__year") - F("author__born__year")),
    ("f_hour_transform", Book, lambda: F("opened__hour")),
    ("not_exists_annotation", Author, lambda: ~Exists(Book.objects.filter(author=OuterRef("pk")))),
]

for _id, _model, _expr in ANNOTATIONS:
    case("api." + _id)(lambda m=_model, e=_expr: rows(m.objects.annotate(x=e()).values_list("id", "x")))


@case("api.chr")
def _():
    return rows(Book.objects.filter(pages__isnull=False).annotate(x=Chr("pages", output_field=CharField()))
                .values_list("id", "x"))


@case("api.chr_null", differs="Chr(NULL) is NULL in djorm, as every other function of NULL; SQLite's CHAR() "
                             "reads NULL as 0, so Django on SQLite answers the NUL character",
      djorm=[[6, None]])
def _():
    return rows(Book.objects.filter(pages__isnull=True).annotate(x=Chr("pages", output_field=CharField()))
                .values_list("id", "x"))


@case("api.trunc_hour_of_date", error="ValueError")
def _():
    list(Book.objects.annotate(x=TruncHour("published")))


# Filters and orderings; the answer is the books' (or authors') ids.
def _cheap():
    return Exists(Book.objects.filter(author=OuterRef("pk"), price__lt=9))


FILTERS = [
    ("trunc_filter_eq", lambda: Book.objects.annotate(y=TruncYear("published")).filter(y=dt.date(1965, 1, 1))),
    ("trunc_filter_gte", lambda: Book.objects.annotate(m=TruncMonth("published")).filter(m__gte=dt.date(1976, 4, 1))),
    ("trunc_filter_datetime", lambda: Book.objects.annotate(d=TruncDay("opened"))
     .filter(d=dt.datetime(2024, 3, 1))),
    ("trunc_filter_isnull", lambda: Book.objects.annotate(d=TruncHour("opened")).filter(d__isnull=True)),
    ("trunc_order_desc", lambda: Book.objects.order_by(TruncYear("published").desc(nulls_last=True), "id")),
    ("trunc_order_annotation", lambda: Book.objects.annotate(q=TruncQuarter("opened")).order_by("q", "-id")),
    ("q_exists_or", lambda: Author.objects.filter(Q(_cheap()) | Q(email__isnull=True))),
    ("q_exists_and_lookup", lambda: Author.objects.filter(Q(_cheap()) & Q(rating__gte=4.5))),
    ("q_not_exists_and", lambda: Author.objects.filter(~Q(_cheap()) & Q(rating__isnull=False))),
    ("q_exists_or_annotation", lambda: Author.objects.annotate(n=Count("books"))
     .filter(Q(_cheap()) | Q(n__gte=3))),
    ("not_exists_filter", lambda: Author.objects.filter(~Exists(Book.objects.filter(author=OuterRef("pk"))))),
    ("not_exists_m2m", lambda: Book.objects.filter(~Exists(Tag.objects.filter(books=OuterRef("pk"), name="classic")))),
    ("neg_order", lambda: Book.objects.order_by(-F("pages"), "id")),
    ("neg_filter", lambda: Book.objects.filter(pages__lt=-F("id") + 200)),
    ("f_transform_filter", lambda: Book.objects.filter(published__year__lt=F("author__born__year") + 40)),
    ("f_transform_order", lambda: Book.objects.order_by(F("published__month").asc(nulls_last=True), "id")),
    ("f_transform_datetime_filter", lambda: Book.objects.filter(opened__year__gt=F("published__year") + 60)),
]

for _id, _qs in FILTERS:
    case("api." + _id)(lambda qs=_qs: ids(qs()))


@case("api.trunc_values_group")
def _():
    return rows(Book.objects.annotate(y=TruncYear("opened")).values("y").annotate(n=Count("id")).order_by("y"), True)


@case("api.trunc_values_list_month")
def _():
    return rows(Book.objects.annotate(m=TruncMonth("published")).filter(pages__gt=300)
                .values_list("title", "m"))


# dates() and datetimes(): distinct truncated values, ordered.
DATES = [
    ("dates_year", lambda: Book.objects.dates("published", "year")),
    ("dates_month_desc", lambda: Book.objects.dates("published", "month", "DESC")),
    ("dates_week", lambda: Book.objects.dates("published", "week")),
    ("dates_day_filtered", lambda: Book.objects.filter(printed=False).dates("published", "day")),
    ("dates_of_datetime", lambda: Book.objects.dates("opened", "day")),
    ("dates_across_fk_filter", lambda: Book.objects.filter(author__name__startswith="J").dates("published", "month")),
    ("datetimes_year", lambda: Book.objects.datetimes("opened", "year")),
    ("datetimes_month_desc", lambda: Book.objects.datetimes("opened", "month", "DESC")),
    ("datetimes_hour", lambda: Book.objects.datetimes("opened", "hour")),
    ("datetimes_minute", lambda: Book.objects.datetimes("opened", "minute")),
    ("datetimes_second", lambda: Book.objects.datetimes("opened", "second")),
    ("datetimes_second_profile", lambda: Profile.objects.datetimes("joined", "second")),
]

for _id, _qs in DATES:
    case("api." + _id)(lambda qs=_qs: rows(list(qs()), True))


# Window functions and frames: (id, x) rows.
WINDOWS = [
    ("ntile_4", lambda: Window(Ntile(4), order_by=[F("pages").asc(), F("id").asc()])),
    ("ntile_partition", lambda: Window(Ntile(2), partition_by=[F("author")], order_by=F("id").asc())),
    ("percent_rank", lambda: Window(PercentRank(), order_by=F("price").asc())),
    ("cume_dist", lambda: Window(CumeDist(), order_by=F("pages").asc())),
    ("cume_dist_partition", lambda: Window(CumeDist(), partition_by=[F("printed")], order_by=F("price").desc())),
    ("first_value", lambda: Window(FirstValue("title"), partition_by=[F("author")], order_by=F("id").asc())),
    ("last_value_unbounded", lambda: Window(LastValue("pages"), partition_by=[F("author")], order_by=F("id").asc(),
                                            frame=RowRange(None, None))),
    ("last_value_default_frame", lambda: Window(LastValue("price"), order_by=F("id").asc())),
    ("nth_value", lambda: Window(NthValue("pages", 2), order_by=F("id").asc())),
    ("nth_value_partition", lambda: Window(NthValue("title", 2), partition_by=[F("author")], order_by=F("id").asc(),
                                           frame=RowRange(None, None))),
    ("sum_rows_prev", lambda: Window(Sum("pages"), order_by=F("id").asc(), frame=RowRange(-1, 0))),
    ("sum_rows_running", lambda: Window(Sum("pages"), order_by=F("id").asc(), frame=RowRange(None, 0))),
    ("sum_rows_centered", lambda: Window(Sum("price"), order_by=F("id").asc(), frame=RowRange(-1, 1))),
    ("count_rows_following", lambda: Window(Count("id"), partition_by=[F("author")], order_by=F("id").asc(),
                                            frame=RowRange(0, None))),
    ("sum_value_range", lambda: Window(Sum("pages"), order_by=F("pages").asc(), frame=ValueRange(-100, 0))),
    ("avg_value_range_unbounded", lambda: Window(Avg("pages"), order_by=F("pages").asc(), frame=ValueRange(None, 0))),
    ("count_value_range_ties", lambda: Window(Count("id"), order_by=F("price").asc(), frame=ValueRange(0, 0))),
]

for _id, _w in WINDOWS:
    case("api." + _id)(lambda w=_w: rows(Book.objects.annotate(x=w()).values_list("id", "x")))


@case("api.values_transform")
def _():
    return rows(Book.objects.values("published__year"))


@case("api.values_transform_across_fk")
def _():
    return rows(Book.objects.filter(pages__gt=300).values_list("id", "author__born__year"))


# Many-to-many by primary key, and the through model.
def _names(book):
    return sorted(book.tags.values_list("name", flat=True))


@case("api.m2m_add_pks")
def _():
    b = Book.objects.get(pk=4)
    b.tags.add(2, 5)
    return value(_names(b))


@case("api.m2m_add_pks_existing")
def _():
    b = Book.objects.get(pk=1)
    b.tags.add(1, 6)
    return value(_names(b))


@case("api.m2m_remove_pks")
def _():
    b = Book.objects.get(pk=1)
    b.tags.remove(2, 5)
    return value([_names(b), Tag.objects.get(pk=2).books.count()])


@case("api.m2m_set_pks")
def _():
    b = Book.objects.get(pk=3)
    b.tags.set([1, 6])
    return value(_names(b))


@case("api.m2m_set_pks_empty")
def _():
    b = Book.objects.get(pk=9)
    b.tags.set([])
    return value([_names(b), Book.objects.filter(tags__isnull=False).distinct().count()])


@case("api.through_filter")
def _():
    return rows(Book.tags.through.objects.filter(tag__name="classic").values("book_id", "tag_id"))


@case("api.through_across_both")
def _():
    return rows(Book.tags.through.objects.filter(book__title__startswith="D", tag__name__in=["sf", "classic"])
                .values("book__title", "tag__name"))


@case("api.through_count")
def _():
    return value(Book.tags.through.objects.count())


# in_bulk: a map keyed by primary key (or a unique field).
@case("api.in_bulk_ids")
def _():
    return value(Book.objects.in_bulk([1, 2, 99]))


@case("api.in_bulk_field")
def _():
    return value(Author.objects.in_bulk(["toni@example.com", "nobody@example.com", "JORGE@example.AR"],
                                        field_name="email"))


@case("api.in_bulk_all")
def _():
    return value(Tag.objects.in_bulk())


@case("api.in_bulk_empty")
def _():
    return value(Book.objects.in_bulk([]))


@case("api.in_bulk_filtered")
def _():
    return value(Book.objects.filter(printed=False).in_bulk([1, 4, 8]))


@case("api.in_bulk_non_unique", error="ValueError")
def _():
    Book.objects.in_bulk(["Dune"], field_name="title")


# An instance's annotations: their names in the query's order, and their values.
@case("api.annotation_names")
def _():
    qs = Book.objects.annotate(tagCount=Count("tags"), upper=Length("title"), half=F("pages") / 2)
    b = qs.get(pk=1)
    names = list(qs.query.annotations)
    return value([names, [getattr(b, n) for n in names]])
