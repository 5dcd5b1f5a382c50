package io.djorm.examples.bookshop;

import io.djorm.core.Manager;
import io.djorm.core.Model;
import io.djorm.core.fields.SlugField;

/** A shelf label such as {@code sf} or {@code classic}. */
public class Tag extends Model {
    /** The label. */
    @SlugField(maxLength = 30, unique = true)
    public String name;

    /** The default manager: {@code Tag.objects()}. */
    public static Manager<Tag> objects() {
        return Manager.of(Tag.class);
    }
}
