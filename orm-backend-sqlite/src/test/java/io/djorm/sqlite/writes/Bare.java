package io.djorm.sqlite.writes;

import io.djorm.core.Manager;
import io.djorm.core.Model;

/** A model with no column but its generated key: its INSERT has no values. */
public class Bare extends Model {
    /** The default manager. */
    public static Manager<Bare> objects() {
        return Manager.of(Bare.class);
    }
}
