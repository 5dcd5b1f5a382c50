"""Window functions: RowNumber, Rank, DenseRank, Lag, Lead and aggregates over a window."""
from django.db.models import Avg, Count, F, Sum, Window
from django.db.models.functions import DenseRank, Lag, Lead, Rank, RowNumber

from corpus.base import case, rows, topic
from parityapp.models import Book

topic("windows")

WINDOWS = [
    ("row_number", lambda: Window(RowNumber(), order_by=[F("pages").asc(nulls_last=True), F("id").asc()])),
    ("row_number_partition", lambda: Window(RowNumber(), partition_by=[F("author")], order_by=F("id").asc())),
    ("rank_ties", lambda: Window(Rank(), order_by=F("price").asc())),
    ("rank_partition_desc", lambda: Window(Rank(), partition_by=[F("author")], order_by=F("pages").desc())),
    ("dense_rank_ties", lambda: Window(DenseRank(), order_by=F("price").asc())),
    ("dense_rank_partition", lambda: Window(DenseRank(), partition_by=[F("printed")], order_by=F("price").desc())),
    ("lag", lambda: Window(Lag("pages"), order_by=F("id").asc())),
    ("lag_offset_default", lambda: Window(Lag("pages", 2, 0), order_by=F("id").asc())),
    ("lag_partition", lambda: Window(Lag("title"), partition_by=[F("author")], order_by=F("id").asc())),
    ("lead", lambda: Window(Lead("price"), order_by=F("id").asc())),
    ("lead_default", lambda: Window(Lead("pages", 1, -1), partition_by=[F("author")], order_by=F("id").asc())),
    ("sum_partition", lambda: Window(Sum("pages"), partition_by=[F("author")])),
    ("sum_running", lambda: Window(Sum("pages"), order_by=F("id").asc())),
    ("count_partition", lambda: Window(Count("id"), partition_by=[F("publisher")])),
    ("avg_partition", lambda: Window(Avg("pages"), partition_by=[F("printed")])),
]

for _id, _w in WINDOWS:
    case("windows." + _id)(lambda w=_w: rows(Book.objects.annotate(x=w()).values_list("id", "x")))
