package io.djorm.migrations.relapps.catalog;

import io.djorm.core.Manager;
import io.djorm.core.Model;
import io.djorm.core.fields.CharField;

/** A genre books are filed under. */
public class Genre extends Model {
    @CharField(maxLength = 30, unique = true)
    public String label;

    /** The default manager. */
    public static Manager<Genre> objects() {
        return Manager.of(Genre.class);
    }
}
