package io.djorm.benchmarks.sqlite;

import java.util.ArrayList;
import java.util.List;

/** The hand-written side's row objects: plain fields, filled by hand from a result set. */
final class Plain {
    private Plain() {
    }

    /** A country row. */
    static final class Country {
        long id;
        String name;
    }

    /** An author row and, when joined, its country. */
    static final class Author {
        long id;
        String name;
        long countryId;
        Country country;
    }

    /** A tag row. */
    static final class Tag {
        long id;
        String name;
    }

    /** A book row and, when joined or prefetched, its author and tags. */
    static final class Book {
        long id;
        String title;
        Integer pages;
        Double price;
        Integer views;
        long authorId;
        Author author;
        List<Tag> tags;

        void addTag(Tag t) {
            if (tags == null) tags = new ArrayList<>();
            tags.add(t);
        }
    }

    /** An entry row written by the insert benchmarks. */
    static final class Entry {
        long id;
        String label;
        Integer rank;
        long shelfId;
    }
}
