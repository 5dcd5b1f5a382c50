package io.djorm.behaviour.shop;

import io.djorm.core.Manager;
import io.djorm.core.Model;
import io.djorm.core.RelatedManager;
import io.djorm.core.fields.CharField;

/** A writer of novels: the target of relations (reverse accessors novels() and profile()). */
public class Writer extends Model {
    @CharField(maxLength = 50)
    public String name;

    /** The default manager. */
    public static Manager<Writer> objects() {
        return Manager.of(Writer.class);
    }

    /** A saved writer. */
    public static Writer named(String name) {
        return objects().create("name", name);
    }

    /** The novels whose author is this writer (reverse ForeignKey). */
    public RelatedManager<Novel> novels() {
        return related("novels");
    }

    /** The writer's profile (reverse OneToOneField); DoesNotExist when there is none. */
    public Profile profile() {
        return relatedObject("profile");
    }
}
