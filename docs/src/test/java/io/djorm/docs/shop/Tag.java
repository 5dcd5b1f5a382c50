// region model-tag
package io.djorm.docs.shop;

import io.djorm.core.Manager;
import io.djorm.core.Model;
import io.djorm.core.RelatedManager;
import io.djorm.core.fields.SlugField;

/** A tag: the target of {@link Book#tags}. */
public class Tag extends Model {
    /** The tag, such as {@code sf}. */
    @SlugField(maxLength = 30, unique = true)
    public String name;

    /** The default manager. */
    public static Manager<Tag> objects() {
        return Manager.of(Tag.class);
    }

    /** The books with this tag (the reverse side of Book.tags). */
    public RelatedManager<Book> books() {
        return related("books");
    }
}
// endregion model-tag
