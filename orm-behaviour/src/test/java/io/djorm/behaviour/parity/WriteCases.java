package io.djorm.behaviour.parity;

import static io.djorm.behaviour.parity.Answers.row;
import static io.djorm.core.expressions.F.F;

import io.djorm.core.DeleteResult;
import io.djorm.core.GetOrCreate;
import io.djorm.core.ManyRelated;
import io.djorm.core.RelatedManager;
import io.djorm.core.expressions.Case;
import io.djorm.core.expressions.Value;
import io.djorm.core.expressions.When;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/** Twin of corpus/writes.py: each case writes on the fixed dataset, which is reloaded afterwards. */
final class WriteCases implements CaseSource {
    private static List<List<Object>> books(String... fields) {
        List<String> names = new ArrayList<>(List.of("id"));
        names.addAll(Arrays.asList(fields));
        return Book.objects().orderBy("id").valuesList(names.toArray(String[]::new)).list();
    }

    private static List<Object> deleted(DeleteResult r) {
        return row(r.total(), r.perModel());
    }

    private static <T extends Comparable<T>> List<T> sorted(List<T> values) {
        List<T> out = new ArrayList<>(values);
        out.sort(Comparator.naturalOrder());
        return out;
    }

    private static List<String> tagNames(Book b) {
        return sorted(b.tags.all().valuesListFlat("name", String.class).list());
    }

    private static Tag tag(String name) {
        return Tag.objects().get("name", name);
    }

    @Override
    public void define(Corpus c) {
        var book = Book.objects();
        c.write("writes.update_f_plus", () -> row(book.filter("pages__lt", 200).update("pages", F("pages").plus(1)), books("pages")));
        c.write("writes.update_f_decimal", () -> row(book.filter("price__isnull", false).update("price", F("price").times(2)),
                books("price")));
        c.write("writes.update_f_decimal_plus_decimal", () -> row(book.all().update("price", F("price").plus(new BigDecimal("0.01"))),
                books("price")));
        c.write("writes.update_case", () -> row(book.all().update("pages", new Case(new When("pages__gt", 400, Value.of(400)),
                new When("pages__isnull", true, Value.of(0))).otherwise(F("pages"))), books("pages")));
        c.write("writes.update_null", () -> row(book.filter("publisher__country", "US").update("publisher", null), books("publisher")));
        c.write("writes.update_across_join", () -> row(book.filter("author__name__startswith", "J").update("printed", false),
                books("printed")));
        c.write("writes.update_m2m_filter", () -> row(book.filter("tags__name", "classic").update("pages", F("pages").times(10)),
                books("pages")));
        c.write("writes.update_several", () -> row(book.filter("pk__in", List.of(1, 2))
                .update("title", "X", "price", new BigDecimal("1.5"), "opened", null), books("title", "price", "opened")));
        c.write("writes.update_none_match", () -> book.filter("pages__gt", 5000).update("pages", 0));
        c.write("writes.delete_cascade_set_default", () -> row(deleted(Author.objects().filter("pk", 8).delete()), books(),
                Review.objects().orderBy("id").valuesList("id", "reviewer").list(),
                Profile.objects().orderBy("id").valuesListFlat("id", Long.class).list()));
        c.write("writes.delete_set_null", () -> row(deleted(Publisher.objects().filter("pk", 1).delete()), books("publisher")));
        c.write("writes.delete_self_set_null", () -> {
            List<Object> r = deleted(Author.objects().filter("pk", 7).delete());
            Author.objects().filter("pk", 5).update("mentor", null);
            return row(r, Author.objects().orderBy("id").valuesList("id", "mentor").list());
        });
        c.write("writes.delete_book_cascade_m2m", () -> row(deleted(book.filter("pk", 2).delete()),
                Review.objects().orderBy("id").valuesList("id", "book").list(),
                sorted(tag("sf").books().all().valuesListFlat("id", Long.class).list())));
        c.write("writes.delete_tag_m2m", () -> row(deleted(Tag.objects().filter("name", "classic").delete()),
                sorted(book.filter("tags__isnull", false).valuesListFlat("id", Long.class).distinct().list())));
        c.write("writes.delete_protected", () -> Author.objects().filter("pk", 1).delete());
        c.write("writes.delete_restricted", () -> book.filter("pk", 1).delete());
        c.write("writes.delete_protected_through_cascade", () -> Author.objects().filter("pk", 3).delete());
        c.write("writes.delete_loan_then_book", () -> {
            Loan.objects().filter("book", 9).delete();
            return row(deleted(book.filter("pk", 9).delete()), books());
        });
        c.write("writes.delete_queryset_join", () -> row(deleted(Review.objects().filter("book__author__name", "Günter Grass").delete()),
                Review.objects().orderBy("id").valuesListFlat("id", Long.class).list()));
        c.write("writes.delete_instance", () -> row(deleted(Review.objects().get("pk", 3).delete()), Review.objects().count()));
        c.write("writes.get_or_create_existing", () -> {
            GetOrCreate<Tag> r = Tag.objects().getOrCreate(Map.of("name", "sf"));
            return row(r.object().pk(), r.created(), Tag.objects().count());
        });
        c.write("writes.get_or_create_new", () -> {
            GetOrCreate<Tag> r = Tag.objects().getOrCreate(Map.of("name", "nouveau"));
            return row(r.object().name, r.created(), Tag.objects().count());
        });
        c.write("writes.get_or_create_defaults", () -> {
            GetOrCreate<Publisher> r = Publisher.objects().getOrCreate(Map.of("name", "Nouveau"), Map.of("country", "BE"));
            return row(r.object().name, r.object().country, r.created(), Publisher.objects().filter("country", "BE").count());
        });
        c.write("writes.get_or_create_lookup", () -> {
            GetOrCreate<Author> r = Author.objects().getOrCreate(Map.of("name__startswith", "Frank"), Map.of("name", "Frank Other"));
            return row(r.object().pk(), r.created());
        });
        c.write("writes.update_or_create_existing", () -> {
            GetOrCreate<Publisher> r = Publisher.objects().updateOrCreate(Map.of("name", "Ace"), Map.of("country", "UK"));
            return row(r.object().pk(), r.created(), Publisher.objects().orderBy("id").valuesListFlat("country", String.class).list());
        });
        c.write("writes.update_or_create_new", () -> {
            GetOrCreate<Publisher> r = Publisher.objects().updateOrCreate(Map.of("name", "Zed"), Map.of("country", "NZ"));
            return row(r.object().name, r.created(), Publisher.objects().count());
        });
        c.write("writes.create", () -> {
            Book b = book.create("title", "New, \"quoted\" 100%", "pages", 10, "price", new BigDecimal("1.25"), "author_id", 7);
            b.refreshFromDb();
            return row(b.title, b.pages, b.price, b.printed, Author.objects().get("pk", 7).books().count());
        });
        c.write("writes.create_decimal_beyond_places", () -> {
            Book b = book.create("title", "Too precise", "pages", 10, "price", new BigDecimal("1.005"), "author_id", 7);
            b.refreshFromDb();
            return row(b.title, b.price);
        });
        c.write("writes.save_update", () -> {
            Book b = book.get("pk", 6);
            b.pages = 77;
            b.price = null;
            b.save();
            return books("pages", "price");
        });
        c.write("writes.bulk_create", () -> {
            List<Tag> tags = new ArrayList<>();
            for (String n : List.of("x1", "ÿ2", "z_3")) {
                Tag t = new Tag();
                t.name = n;
                tags.add(t);
            }
            Tag.objects().bulkCreate(tags);
            return Tag.objects().orderBy("name").valuesListFlat("name", String.class).list();
        });
        c.write("writes.bulk_update", () -> {
            List<Book> objs = book.filter("pk__in", List.of(1, 2, 3)).list();
            for (Book o : objs) {
                o.pages = (o.pages == null ? 0 : o.pages) + 1000;
                o.price = new BigDecimal("2.50");
            }
            book.bulkUpdate(objs, "pages", "price");
            return books("pages", "price");
        });
        c.write("writes.m2m_add", () -> {
            Book b = book.get("pk", 6);
            b.tags.add(List.of(tag("sf"), tag("unused")));
            return tagNames(b);
        });
        c.write("writes.m2m_add_existing", () -> {
            Book b = book.get("pk", 1);
            b.tags.add(List.of(tag("sf")));
            return tagNames(b);
        });
        c.write("writes.m2m_remove", () -> {
            Book b = book.get("pk", 1);
            b.tags.remove(List.of(tag("sf")));
            return row(tagNames(b), tag("sf").books().count());
        });
        c.write("writes.m2m_set", () -> {
            Book b = book.get("pk", 3);
            b.tags.set(List.of(tag("classic"), tag("satire")));
            return tagNames(b);
        });
        c.write("writes.m2m_clear", () -> {
            Book b = book.get("pk", 5);
            b.tags.clear();
            return row(b.tags.count(), tag("été").books().count());
        });
        c.write("writes.m2m_reverse_add", () -> {
            Tag t = tag("unused");
            RelatedManager<Book> books = t.books();
            ((ManyRelated<Book>) books).add(List.of(book.get("pk", 10), book.get("pk", 13)));
            return sorted(t.books().all().valuesListFlat("id", Long.class).list());
        });
        c.write("writes.related_create", () -> {
            Author a = Author.objects().get("pk", 7);
            a.books().create("title", "Anon", "pages", 1);
            return a.books().all().valuesListFlat("title", String.class).list();
        });
    }
}
