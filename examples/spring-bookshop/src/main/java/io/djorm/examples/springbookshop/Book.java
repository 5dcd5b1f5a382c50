package io.djorm.examples.springbookshop;

import io.djorm.core.Manager;
import io.djorm.core.Model;
import io.djorm.core.Ref;
import io.djorm.core.fields.CharField;
import io.djorm.core.fields.ForeignKey;
import io.djorm.core.fields.IntegerField;
import io.djorm.core.OnDelete;

/** A title on the shelves, with the copies in stock. */
public class Book extends Model {
    /** The title, unique in the shop. */
    @CharField(maxLength = 200, unique = true)
    public String title;

    /** Who wrote it. */
    @ForeignKey(to = Author.class, onDelete = OnDelete.CASCADE, relatedName = "books")
    public Ref<Author> author;

    /** Copies in stock. */
    @IntegerField
    public Integer stock;

    /** The manager. */
    public static Manager<Book> objects() {
        return Manager.of(Book.class);
    }
}
