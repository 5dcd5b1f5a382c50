package io.djorm.behaviour.parity;

import io.djorm.core.Manager;
import io.djorm.core.Model;
import io.djorm.core.RelatedManager;
import io.djorm.core.fields.CharField;

/** The parity twin of parity/django's Tag. */
public class Tag extends Model {
    @CharField(maxLength = 30, unique = true)
    public String name;

    /** The default manager. */
    public static Manager<Tag> objects() {
        return Manager.of(Tag.class);
    }

    /** The books with this tag (reverse of Book.tags). */
    public RelatedManager<Book> books() {
        return related("books");
    }
}
