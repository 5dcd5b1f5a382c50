package io.djorm.migrations.cliapp;

import io.djorm.core.Manager;
import io.djorm.core.Meta;
import io.djorm.core.Model;
import io.djorm.core.fields.CharField;

/** A model whose migrations ship as classpath resources ({@code migrations/library/}), as from a library jar. */
@Meta(appLabel = "library")
public class Shelf extends Model {
    @CharField(maxLength = 40)
    public String label;

    /** The default manager. */
    public static Manager<Shelf> objects() {
        return Manager.of(Shelf.class);
    }
}
