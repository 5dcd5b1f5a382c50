package io.djorm.behaviour.parity;

import static io.djorm.behaviour.parity.Answers.row;

import io.djorm.core.DoesNotExist;
import io.djorm.core.Model;
import io.djorm.core.Prefetch;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Twin of corpus/related.py: selectRelated and prefetchRelated, with the number of queries. */
final class RelatedCases implements CaseSource {
    private static List<Long> sortedIds(Iterable<? extends Model> models) {
        List<Long> out = new ArrayList<>();
        for (Model m : models) out.add(m.getId());
        out.sort(Comparator.naturalOrder());
        return out;
    }

    private static List<String> sortedNames(Iterable<Tag> tags) {
        List<String> out = new ArrayList<>();
        for (Tag t : tags) out.add(t.name);
        out.sort(Comparator.naturalOrder());
        return out;
    }

    /** Pairs (id, detail) sorted by id, as Python sorts tuples. */
    private static List<Object> byId(List<List<Object>> pairs) {
        pairs.sort(Comparator.comparing(p -> (Long) p.get(0)));
        return new ArrayList<>(pairs);
    }

    @Override
    public void define(Corpus c) {
        c.add("related.select_author", () -> {
            List<Object> out = new ArrayList<>();
            for (Book b : Book.objects().selectRelated("author")) out.add(row(b.pk(), b.author.get().name));
            return out;
        });
        c.add("related.select_nullable_publisher", () -> {
            List<Object> out = new ArrayList<>();
            for (Book b : Book.objects().selectRelated("publisher")) {
                Publisher p = b.publisher.get();
                out.add(row(b.pk(), p == null ? null : p.name));
            }
            return out;
        });
        c.add("related.select_three_hops", () -> {
            List<Object> out = new ArrayList<>();
            for (Book b : Book.objects().selectRelated("author__mentor__mentor")) {
                Author m = b.author.get().mentor.get();
                Author mm = m == null ? null : m.mentor.get();
                out.add(row(b.pk(), m == null ? null : m.name, mm == null ? null : mm.name));
            }
            return out;
        });
        c.add("related.select_two_fks", () -> {
            List<Object> out = new ArrayList<>();
            for (Book b : Book.objects().selectRelated("author", "editor")) {
                Author e = b.editor.get();
                out.add(row(b.pk(), b.author.get().name, e == null ? null : e.name));
            }
            return out;
        });
        c.add("related.select_reverse_o2o", () -> {
            List<Object> out = new ArrayList<>();
            for (Author a : Author.objects().selectRelated("profile")) {
                String bio;
                try {
                    bio = a.profile().bio;
                } catch (DoesNotExist e) {
                    bio = null;
                }
                out.add(row(a.pk(), bio));
            }
            return out;
        });
        c.add("related.without_select", () -> {
            List<Object> out = new ArrayList<>();
            for (Book b : Book.objects().filter("pk__lte", 4)) out.add(row(b.pk(), b.author.get().name));
            return out;
        });
        c.add("related.select_filtered", () -> {
            List<Object> out = new ArrayList<>();
            for (Book b : Book.objects().selectRelated("author").filter("author__rating__gte", 4.5)) {
                out.add(row(b.pk(), b.author.get().name));
            }
            return out;
        });
        c.add("related.prefetch_reverse_fk", () -> {
            List<Object> out = new ArrayList<>();
            for (Author a : Author.objects().prefetchRelated("books")) out.add(row(a.pk(), sortedIds(a.books().all())));
            return out;
        });
        c.add("related.prefetch_m2m", () -> {
            List<Object> out = new ArrayList<>();
            for (Book b : Book.objects().prefetchRelated("tags")) out.add(row(b.pk(), sortedNames(b.tags.all())));
            return out;
        });
        c.add("related.prefetch_reverse_m2m", () -> {
            List<Object> out = new ArrayList<>();
            for (Tag t : Tag.objects().prefetchRelated("books")) out.add(row(t.name, sortedIds(t.books().all())));
            return out;
        });
        c.add("related.prefetch_two_levels", () -> {
            List<Object> out = new ArrayList<>();
            for (Author a : Author.objects().prefetchRelated("books__tags")) {
                List<List<Object>> books = new ArrayList<>();
                for (Book b : a.books().all()) books.add(row(b.getId(), sortedNames(b.tags.all())));
                out.add(row(a.pk(), byId(books)));
            }
            return out;
        });
        c.add("related.prefetch_three_levels", () -> {
            List<Object> out = new ArrayList<>();
            for (Publisher p : Publisher.objects().prefetchRelated("books__reviews__reviewer")) {
                List<List<Object>> books = new ArrayList<>();
                for (Book b : p.books().all()) {
                    List<List<Object>> reviews = new ArrayList<>();
                    for (Review r : b.reviews().all()) reviews.add(row(r.getId(), r.reviewer.get().name));
                    books.add(row(b.getId(), byId(reviews)));
                }
                out.add(row(p.pk(), byId(books)));
            }
            return out;
        });
        c.add("related.prefetch_object_filtered", () -> {
            List<Object> out = new ArrayList<>();
            for (Author a : Author.objects().prefetchRelated(new Prefetch("books", Book.objects().filter("pages__gt", 300)))) {
                out.add(row(a.pk(), sortedIds(a.books().all())));
            }
            return out;
        });
        c.add("related.prefetch_to_attr", () -> {
            List<Object> out = new ArrayList<>();
            for (Author a : Author.objects().prefetchRelated(new Prefetch("books", Book.objects().filter("price__lt", 10), "cheap"))) {
                out.add(row(a.pk(), sortedIds(a.<Book>prefetched("cheap"))));
            }
            return out;
        });
        c.add("related.prefetch_self", () -> {
            List<Object> out = new ArrayList<>();
            for (Author a : Author.objects().prefetchRelated("pupils")) out.add(row(a.pk(), sortedIds(a.pupils().all())));
            return out;
        });
        c.add("related.select_and_prefetch", () -> {
            List<Object> out = new ArrayList<>();
            for (Book b : Book.objects().selectRelated("author").prefetchRelated("tags").filter("pk__lte", 5)) {
                out.add(row(b.pk(), b.author.get().name, sortedNames(b.tags.all())));
            }
            return out;
        });
        c.add("related.prefetch_empty_queryset", () -> {
            List<Object> out = new ArrayList<>();
            for (Author a : Author.objects().filter("pk__gt", 100).prefetchRelated("books")) out.add(row(a.pk(), a.books().all().list().size()));
            return out;
        });
        c.add("related.without_prefetch", () -> {
            List<Object> out = new ArrayList<>();
            for (Author a : Author.objects().filter("pk__lte", 3)) out.add(row(a.pk(), a.books().count()));
            return out;
        });
    }
}
