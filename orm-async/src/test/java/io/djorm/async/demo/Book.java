package io.djorm.async.demo;

import io.djorm.core.Manager;
import io.djorm.core.Model;
import io.djorm.core.fields.CharField;
import io.djorm.core.fields.IntegerField;

/** A small model for the async tests: a unique title and a page count. */
public class Book extends Model {
    @CharField(maxLength = 100, unique = true)
    public String title;

    @IntegerField(defaultValue = "0")
    public int pages;

    /** An unsaved book. */
    public static Book of(String title, int pages) {
        Book b = new Book();
        b.title = title;
        b.pages = pages;
        return b;
    }

    /** The default manager. */
    public static Manager<Book> objects() {
        return Manager.of(Book.class);
    }
}
