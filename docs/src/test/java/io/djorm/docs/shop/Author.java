// region model-author
package io.djorm.docs.shop;

import io.djorm.core.Manager;
import io.djorm.core.Model;
import io.djorm.core.RelatedManager;
import io.djorm.core.fields.CharField;
import io.djorm.core.fields.EmailField;

/** An author: the target of {@link Book#author}. */
public class Author extends Model {
    @CharField(maxLength = 100)
    public String name;

    @EmailField(unique = true, nullable = true)
    public String email;

    public static Manager<Author> objects() {
        return Manager.of(Author.class);
    }

    /** The author's books: the reverse side of Book.author (relatedName = "books"). */
    public RelatedManager<Book> books() {
        return related("books");
    }
}
// endregion model-author
