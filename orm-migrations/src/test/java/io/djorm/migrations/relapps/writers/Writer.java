package io.djorm.migrations.relapps.writers;

import io.djorm.core.Manager;
import io.djorm.core.Model;
import io.djorm.core.fields.CharField;

/** A writer, in an app of its own; books of another app point at it. */
public class Writer extends Model {
    @CharField(maxLength = 100)
    public String name;

    /** The default manager. */
    public static Manager<Writer> objects() {
        return Manager.of(Writer.class);
    }
}
