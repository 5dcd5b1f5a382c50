package io.djorm.behaviour.parity;

import static io.djorm.behaviour.parity.Answers.ids;
import static io.djorm.behaviour.parity.Answers.row;

import io.djorm.core.CloseableIterator;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/** Twin of corpus/retrieval.py: every retrieval shape. */
final class RetrievalCases implements CaseSource {
    @Override
    public void define(Corpus c) {
        var book = Book.objects();
        var author = Author.objects();
        c.add("retrieval.values_fields", () -> book.filter("pk__lt", 4).values("title", "pages", "price").list());
        c.add("retrieval.values_all_fields", () -> Publisher.objects().values().list());
        c.add("retrieval.values_related", () -> book.filter("pk__lt", 6).values("title", "author__name", "publisher__country").list());
        c.add("retrieval.values_ordered", () -> book.orderBy("-id").values("id", "published", "opened").list());
        c.add("retrieval.values_list", () -> book.valuesList("title", "price", "printed").list());
        c.add("retrieval.values_list_dates", () -> book.valuesList("id", "published", "opened").list());
        c.add("retrieval.values_list_fk_id", () -> book.valuesList("id", "author", "publisher", "editor").list());
        c.add("retrieval.values_list_flat", () -> book.orderBy("id").valuesListFlat("pages").list());
        c.add("retrieval.values_list_flat_decimal", () -> book.all().valuesListFlat("price").list());
        c.add("retrieval.values_list_flat_distinct", () -> book.all().valuesListFlat("author__name").distinct().list());
        c.add("retrieval.values_list_flat_datetime", () -> Review.objects().all().valuesListFlat("posted").list());
        c.add("retrieval.values_list_named", () -> author.all().valuesListNamed("id", "name", "rating").list());
        c.add("retrieval.values_list_named_related", () -> book.filter("pk__in", List.of(1, 8))
                .valuesListNamed("title", "author__mentor__name").list());
        c.add("retrieval.in_bulk", () -> book.inBulk(List.of(1, 2, 99)));
        c.add("retrieval.in_bulk_empty", () -> book.inBulk(List.of()));
        c.add("retrieval.in_bulk_all", () -> Tag.objects().all().inBulk());
        c.add("retrieval.in_bulk_field", () -> Tag.objects().all().inBulk(List.of("sf", "été", "none"), "name"));
        c.add("retrieval.in_bulk_filtered", () -> book.filter("pages__gt", 400).inBulk(List.of(1, 3, 5)));
        c.add("retrieval.iterator", () -> {
            List<Object> out = new ArrayList<>();
            try (CloseableIterator<Book> it = book.orderBy("id").iterator(4)) {
                while (it.hasNext()) out.add(it.next().pk());
            }
            return out;
        });
        c.add("retrieval.iterator_values", () -> {
            List<Object> out = new ArrayList<>();
            try (CloseableIterator<String> it = book.orderBy("id").valuesListFlat("title", String.class).iterator(3)) {
                while (it.hasNext()) out.add(it.next());
            }
            return out;
        });
        c.add("retrieval.iterator_filtered", () -> {
            List<Object> out = new ArrayList<>();
            try (CloseableIterator<Book> it = book.filter("price__isnull", false).iterator(2)) {
                while (it.hasNext()) out.add(it.next().pk());
            }
            return out;
        });
        c.add("retrieval.only", () -> {
            List<Object> out = new ArrayList<>();
            for (Book b : book.only("title").filter("pk__lt", 4)) out.add(row(b.pk(), b.title, new TreeSet<>(b.deferredFields())));
            return out;
        });
        c.add("retrieval.only_values", () -> {
            List<Object> out = new ArrayList<>();
            for (Book b : book.only("title").filter("pk__lt", 4)) out.add(row(b.pk(), b.title, b.get("pages")));
            return out;
        });
        c.add("retrieval.defer", () -> {
            List<Object> out = new ArrayList<>();
            for (Book b : book.defer("title", "price").filter("pk__lt", 4)) out.add(row(b.pk(), b.pages, new TreeSet<>(b.deferredFields())));
            return out;
        });
        c.add("retrieval.defer_loads_on_access", () -> {
            List<Object> out = new ArrayList<>();
            for (Book b : book.defer("price").filter("pk__lt", 4)) out.add(row(b.pk(), b.get("price")));
            return out;
        });
        c.add("retrieval.get_pk", () -> book.get("pk", 3));
        c.add("retrieval.get_null_value", () -> book.get("title", "Nana").pages);
        c.add("retrieval.get_related", () -> author.get("books__title", "Dune").name);
        c.add("retrieval.get_decimal", () -> book.get("pk", 2).price);
        c.add("retrieval.get_datetime_micro", () -> book.get("pk", 3).opened);
        c.add("retrieval.get_float", () -> author.get("pk", 3).rating);
        c.add("retrieval.count", () -> book.count());
        c.add("retrieval.count_filtered_join", () -> book.filter("tags__name__in", List.of("sf", "classic")).count());
        c.add("retrieval.count_distinct", () -> book.filter("tags__name__in", List.of("sf", "classic")).distinct().count());
        c.add("retrieval.exists", () -> book.filter("pages__gt", 700).exists());
        c.add("retrieval.exists_empty", () -> book.filter("pages__gt", 7000).exists());
        c.add("retrieval.none", () -> ids(book.none()));
        c.add("retrieval.none_count", () -> book.none().count());
        c.add("retrieval.related_manager", () -> ids(author.get("pk", 3).books().all()));
        c.add("retrieval.related_manager_filter", () -> ids(author.get("pk", 3).books().filter("pages__gt", 200)));
        c.add("retrieval.m2m_manager", () -> ids(book.get("pk", 1).tags.all()));
        c.add("retrieval.reverse_m2m_manager", () -> ids(Tag.objects().get("name", "classic").books().all()));
        c.add("retrieval.fk_attribute", () -> book.get("pk", 8).author.get().name);
        c.add("retrieval.fk_null_attribute", () -> book.get("pk", 4).publisher.get());
        c.add("retrieval.reverse_o2o", () -> author.get("pk", 5).profile().bio);
    }
}
