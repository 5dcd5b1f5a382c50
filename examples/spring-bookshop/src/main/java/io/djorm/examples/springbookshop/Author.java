package io.djorm.examples.springbookshop;

import io.djorm.core.Manager;
import io.djorm.core.Model;
import io.djorm.core.fields.CharField;

/** A writer. */
public class Author extends Model {
    /** The author's name, unique in the shop. */
    @CharField(maxLength = 100, unique = true)
    public String name;

    /** The manager. */
    public static Manager<Author> objects() {
        return Manager.of(Author.class);
    }
}
