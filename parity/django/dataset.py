"""The one fixed dataset every parity case starts from.

Rows carry explicit primary keys so both sides agree on every id. The values are chosen to be awkward:
NULLs in every nullable column, non-ASCII text, '%', '_' and quotes inside text, decimals with trailing
zeros, dates before 1900, datetimes with microseconds, authors and publishers without books, a mentor
chain three hops long, and a book per on_delete variant.
"""
import datetime as dt
from decimal import Decimal as D

d = dt.date
t = dt.datetime

PUBLISHERS = [
    dict(id=1, name="Ace", country="US", founded=d(1952, 1, 1)),
    dict(id=2, name="Gallimard", country="FR", founded=d(1911, 6, 1)),
    dict(id=3, name="Suhrkamp", country="DE", founded=d(1950, 7, 1)),
    dict(id=4, name="Small_Press %", country=None, founded=None),
    dict(id=5, name="Empty House", country="US", founded=d(2001, 3, 4)),
]

AUTHORS = [
    dict(id=1, name="Ursula Le Guin", email="ursula@example.com", born=d(1929, 10, 21), rating=4.5, mentor_id=None),
    dict(id=2, name="Frank Herbert", email="frank@example.com", born=d(1920, 10, 8), rating=4.0, mentor_id=1),
    dict(id=3, name="Émile Zola", email=None, born=d(1840, 4, 2), rating=3.5, mentor_id=None),
    dict(id=4, name="Flann O'Brien", email="flann@example.ie", born=d(1911, 10, 5), rating=None, mentor_id=3),
    dict(id=5, name="Jorge Luis Borges", email="JORGE@example.AR", born=d(1899, 8, 24), rating=4.5, mentor_id=4),
    dict(id=6, name="Günter Grass", email="gunter@example.de", born=d(1927, 10, 16), rating=3.0, mentor_id=3),
    dict(id=7, name="50% Anon_ymous", email=None, born=None, rating=None, mentor_id=None),
    dict(id=8, name="Toni Morrison", email="toni@example.com", born=d(1931, 2, 18), rating=5.0, mentor_id=5),
]

PROFILES = [
    dict(id=1, author_id=1, bio="Writer of Earthsea", joined=t(2020, 1, 1, 0, 0, 0, 500)),
    dict(id=2, author_id=2, bio="Dune's author", joined=None),
    dict(id=3, author_id=5, bio="", joined=t(2019, 9, 9, 9, 9, 9)),
    dict(id=4, author_id=8, bio="Nobel 1993", joined=t(2021, 12, 31, 23, 59, 59)),
]

TAGS = [
    dict(id=1, name="sf"),
    dict(id=2, name="classic"),
    dict(id=3, name="fantasy"),
    dict(id=4, name="satire"),
    dict(id=5, name="unused"),
    dict(id=6, name="été"),
]


def _book(id, title, pages, price, published, opened, printed, author, publisher, editor):
    return dict(id=id, title=title, pages=pages, price=None if price is None else D(price), published=published,
                opened=opened, printed=printed, author_id=author, publisher_id=publisher, editor_id=editor)


BOOKS = [
    _book(1, "Dune", 412, "9.99", d(1965, 8, 1), t(2024, 3, 1, 9, 30, 0, 123456), True, 2, 1, 1),
    _book(2, "Children of Dune", 444, "12.00", d(1976, 4, 1), None, True, 2, 1, None),
    _book(3, "A Wizard of Earthsea", 205, "7.50", d(1968, 11, 1), t(2023, 12, 31, 23, 59, 59, 999999), True, 1, 1, 2),
    _book(4, "The Dispossessed", 387, None, d(1974, 5, 1), None, False, 1, None, None),
    _book(5, "Germinal", 592, "15.25", d(1885, 3, 1), t(2022, 6, 15, 7, 0, 0), True, 3, 2, None),
    _book(6, "Nana", None, "0.50", d(1880, 1, 1), None, True, 3, 2, 3),
    _book(7, "At Swim-Two-Birds", 316, "11.00", d(1939, 3, 13), t(2024, 2, 29, 12, 0, 0, 1), True, 4, None, None),
    _book(8, "The Third Policeman", 200, "100.05", None, None, False, 4, 4, 5),
    _book(9, "Ficciones", 174, "8.75", d(1944, 1, 1), t(2021, 1, 1, 0, 0, 0), True, 5, 3, None),
    _book(10, "El Aleph", 146, "8.75", d(1949, 6, 15), None, True, 5, 3, None),
    _book(11, "Die Blechtrommel", 746, "24.51", d(1959, 9, 1), t(2020, 10, 10, 10, 10, 10, 101010), True, 6, 3, 1),
    _book(12, "Beloved", 324, "13.99", d(1987, 9, 2), t(2024, 3, 1, 9, 30, 0, 123457), True, 8, 1, None),
    _book(13, "50% off: a_story", 99, "3.33", d(2001, 12, 31), None, True, 8, 4, None),
    _book(14, "Ça, l'été \"étrange\"", 120, "19.99", d(2010, 7, 14), t(2010, 7, 14, 14, 7, 0, 500000), True, 3, 2, None),
    _book(15, "straße ÉCOLE école", 88, None, d(1999, 1, 1), None, False, 6, None, None),
]

BOOK_TAGS = {1: [1, 2], 2: [1], 3: [3, 2], 4: [1], 5: [2, 6], 7: [4], 8: [4, 3], 9: [3, 2], 11: [2], 12: [2],
             14: [6]}

REVIEWS = [
    dict(id=1, book_id=1, reviewer_id=3, stars=5, comment="Masterpiece", posted=t(2024, 1, 1, 10, 0, 0, 1)),
    dict(id=2, book_id=1, reviewer_id=5, stars=4, comment="Long, but 100% worth it", posted=t(2024, 1, 2, 11, 30)),
    dict(id=3, book_id=3, reviewer_id=2, stars=5, comment="Magic_al", posted=None),
    dict(id=4, book_id=5, reviewer_id=1, stars=3, comment="", posted=t(2023, 5, 5, 5, 5, 5, 555555)),
    dict(id=5, book_id=7, reviewer_id=8, stars=2, comment="Odd; very odd", posted=None),
    dict(id=6, book_id=11, reviewer_id=4, stars=4, comment="Großartig", posted=t(2022, 2, 2, 2, 2, 2)),
    dict(id=7, book_id=11, reviewer_id=1, stars=5, comment="Épique", posted=t(2022, 2, 3)),
    dict(id=8, book_id=12, reviewer_id=6, stars=5, comment="It's \"great\"", posted=t(2024, 3, 1, 9, 30, 0, 123456)),
    dict(id=9, book_id=9, reviewer_id=2, stars=3, comment="ok", posted=None),
    dict(id=10, book_id=2, reviewer_id=1, stars=1, comment="no", posted=t(2021, 1, 1)),
]

LOANS = [
    dict(id=1, book_id=1, borrower="Ann", due=d(2024, 4, 1)),
    dict(id=2, book_id=5, borrower="Bob", due=None),
    dict(id=3, book_id=9, borrower="Çelik", due=d(2024, 5, 5)),
]

# Parents before children: the order rows are inserted in, on both sides.
TABLES = [("Publisher", PUBLISHERS), ("Author", AUTHORS), ("Profile", PROFILES), ("Tag", TAGS),
          ("Book", BOOKS), ("Review", REVIEWS), ("Loan", LOANS)]
M2M = [("Book", "tags", BOOK_TAGS)]
