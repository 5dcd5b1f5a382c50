package io.djorm.examples.bookshop;

import io.djorm.core.Manager;
import io.djorm.core.Model;
import io.djorm.core.fields.CharField;
import io.djorm.core.fields.EmailField;

/** An author of books. */
public class Author extends Model {
    @CharField(maxLength = 100)
    public String name;

    @EmailField(unique = true, nullable = true)
    public String email;

    /** The default manager: {@code Author.objects()}. */
    public static Manager<Author> objects() {
        return Manager.of(Author.class);
    }

    @Override
    public String toString() {
        return name;
    }
}
