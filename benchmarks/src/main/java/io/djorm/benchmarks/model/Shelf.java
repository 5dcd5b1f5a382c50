package io.djorm.benchmarks.model;

import io.djorm.core.Manager;
import io.djorm.core.Meta;
import io.djorm.core.Model;
import io.djorm.core.fields.CharField;

/** A shelf whose deletion cascades to its entries: the delete-with-cascade workload. */
@Meta(dbTable = "bench_shelf")
public class Shelf extends Model {
    @CharField(maxLength = 40)
    public String name;

    /** The default manager. */
    public static Manager<Shelf> objects() {
        return Manager.of(Shelf.class);
    }
}
