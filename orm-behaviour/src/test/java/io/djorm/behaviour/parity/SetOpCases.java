package io.djorm.behaviour.parity;

import static io.djorm.behaviour.parity.Answers.ids;

import io.djorm.core.Model;
import io.djorm.core.QuerySet;
import java.util.function.Supplier;

/** Twin of corpus/setops.py: union, intersection, difference. */
final class SetOpCases implements CaseSource {
    private static QuerySet<Book> longBooks() {
        return Book.objects().filter("pages__gt", 400);
    }

    private static QuerySet<Book> cheapBooks() {
        return Book.objects().filter("price__lt", 10);
    }

    private static void s(Corpus c, String id, Supplier<QuerySet<? extends Model>> qs) {
        c.add("setops." + id, () -> ids(qs.get()));
    }

    @Override
    public void define(Corpus c) {
        s(c, "union", () -> longBooks().union(cheapBooks()));
        s(c, "union_all", () -> longBooks().union(true, cheapBooks()));
        s(c, "union_three", () -> longBooks().union(cheapBooks(), Book.objects().filter("pk", 15)));
        s(c, "intersection", () -> longBooks().intersection(Book.objects().filter("printed", true)));
        s(c, "difference", () -> Book.objects().filter("printed", true).difference(cheapBooks()));
        s(c, "union_ordered", () -> longBooks().union(cheapBooks()).orderBy("-id"));
        s(c, "union_sliced", () -> longBooks().union(cheapBooks()).orderBy("id").slice(1, 3));
        s(c, "union_empty", () -> Book.objects().none().union(longBooks()));
        s(c, "difference_empty", () -> longBooks().difference(Book.objects().all()));
        c.add("setops.union_values_list", () -> Book.objects().filter("pk__lt", 3).valuesList("title")
                .union(Author.objects().filter("pk__lt", 3).valuesList("name")).list());
        c.add("setops.union_count", () -> longBooks().union(cheapBooks()).count());
        c.add("setops.intersection_values", () -> Book.objects().valuesList("author")
                .intersection(Book.objects().filter("pages__gt", 400).valuesList("author")).list());
        c.add("setops.union_values_ordered", () -> longBooks().valuesList("pages").union(cheapBooks().valuesList("pages"))
                .orderBy("-pages").list());
    }
}
