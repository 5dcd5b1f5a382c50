package io.djorm.sqlite.stray;

import io.djorm.core.Manager;
import io.djorm.core.Model;
import io.djorm.core.fields.CharField;

/** A model whose package the configuration tests leave out of INSTALLED_APPS. */
public class Stray extends Model {
    @CharField(maxLength = 50)
    public String text;

    /** The default manager. */
    public static Manager<Stray> objects() {
        return Manager.of(Stray.class);
    }
}
