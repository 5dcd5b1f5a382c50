package io.djorm.examples.bookshop;

import io.djorm.core.Manager;
import io.djorm.core.Model;
import io.djorm.core.RelatedManager;
import io.djorm.core.fields.CharField;
import io.djorm.core.fields.EmailField;

/** An author of books. */
public class Author extends Model {
    /** The author's name. */
    @CharField(maxLength = 100)
    public String name;

    /** A contact address; unique when present. */
    @EmailField(unique = true, nullable = true)
    public String email;

    /** The default manager: {@code Author.objects()}. */
    public static Manager<Author> objects() {
        return Manager.of(Author.class);
    }

    /** The author's books (the reverse side of {@link Book#author}). */
    public RelatedManager<Book> books() {
        return related("books");
    }

    @Override
    public String toString() {
        return name;
    }
}
