package io.djorm.benchmarks.model;

import io.djorm.core.Manager;
import io.djorm.core.Meta;
import io.djorm.core.Model;
import io.djorm.core.fields.CharField;

/** A country: the far end of the two-hop chain book → author → country. */
@Meta(dbTable = "bench_country")
public class Country extends Model {
    @CharField(maxLength = 40)
    public String name;

    /** The default manager. */
    public static Manager<Country> objects() {
        return Manager.of(Country.class);
    }
}
