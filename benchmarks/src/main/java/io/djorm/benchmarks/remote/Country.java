package io.djorm.benchmarks.remote;

import io.djorm.core.Manager;
import io.djorm.core.Meta;
import io.djorm.core.Model;
import io.djorm.core.fields.CharField;

/** The far end of the two-hop chain book → publisher → country. */
@Meta(dbTable = "rb_country")
public class Country extends Model {
    @CharField(maxLength = 40)
    public String name;

    /** The default manager. */
    public static Manager<Country> objects() {
        return Manager.of(Country.class);
    }
}
