package io.djorm.behaviour.shop;

import io.djorm.core.Manager;
import io.djorm.core.Model;
import io.djorm.core.RelatedManager;
import io.djorm.core.fields.CharField;

/** A tag: the target of a many-to-many relation. */
public class Tag extends Model {
    @CharField(maxLength = 30)
    public String name;

    /** The default manager. */
    public static Manager<Tag> objects() {
        return Manager.of(Tag.class);
    }

    /** A saved tag. */
    public static Tag named(String name) {
        return objects().create("name", name);
    }

    /** The novels with this tag (reverse ManyToManyField). */
    public RelatedManager<Novel> novels() {
        return related("novels");
    }
}
