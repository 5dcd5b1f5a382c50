package io.djorm.benchmarks.remote;

import io.djorm.core.Manager;
import io.djorm.core.Meta;
import io.djorm.core.Model;
import io.djorm.core.fields.CharField;

/** A book's author; deleting one cascades to the books and their reviews. */
@Meta(dbTable = "rb_author")
public class Author extends Model {
    @CharField(maxLength = 60)
    public String name;

    /** The default manager. */
    public static Manager<Author> objects() {
        return Manager.of(Author.class);
    }
}
