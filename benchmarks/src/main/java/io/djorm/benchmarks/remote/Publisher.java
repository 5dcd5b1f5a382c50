package io.djorm.benchmarks.remote;

import io.djorm.core.Manager;
import io.djorm.core.Meta;
import io.djorm.core.Model;
import io.djorm.core.Ref;
import io.djorm.core.fields.CharField;
import io.djorm.core.fields.ForeignKey;
import io.djorm.core.OnDelete;

/** A book's publisher, in a country. */
@Meta(dbTable = "rb_publisher")
public class Publisher extends Model {
    @CharField(maxLength = 60)
    public String name;

    @ForeignKey(to = Country.class, onDelete = OnDelete.CASCADE, relatedName = "publishers")
    public Ref<Country> country;

    /** The default manager. */
    public static Manager<Publisher> objects() {
        return Manager.of(Publisher.class);
    }
}
