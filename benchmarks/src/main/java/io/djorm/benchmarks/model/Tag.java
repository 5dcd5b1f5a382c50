package io.djorm.benchmarks.model;

import io.djorm.core.Manager;
import io.djorm.core.Meta;
import io.djorm.core.Model;
import io.djorm.core.fields.CharField;

/** A tag: the target of the books' many-to-many relation. */
@Meta(dbTable = "bench_tag")
public class Tag extends Model {
    @CharField(maxLength = 30)
    public String name;

    /** The default manager. */
    public static Manager<Tag> objects() {
        return Manager.of(Tag.class);
    }
}
