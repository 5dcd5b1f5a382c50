package io.djorm.benchmarks.remote;

import io.djorm.core.Manager;
import io.djorm.core.Meta;
import io.djorm.core.Model;
import io.djorm.core.fields.CharField;

/** A label on books, the far side of the many-to-many. */
@Meta(dbTable = "rb_tag")
public class Tag extends Model {
    @CharField(maxLength = 30)
    public String name;

    /** The default manager. */
    public static Manager<Tag> objects() {
        return Manager.of(Tag.class);
    }
}
