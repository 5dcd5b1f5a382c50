package io.djorm.benchmarks.model;

import io.djorm.core.Manager;
import io.djorm.core.Meta;
import io.djorm.core.Model;
import io.djorm.core.fields.BooleanField;
import io.djorm.core.fields.CharField;
import io.djorm.core.fields.FloatField;
import io.djorm.core.fields.IntegerField;

/** The benchmark row: a few columns of common kinds. */
@Meta(dbTable = "bench_item")
public class Item extends Model {
    @CharField(maxLength = 64)
    public String name;

    @IntegerField
    public Integer quantity;

    @FloatField
    public Double price;

    @BooleanField(defaultValue = "true")
    public Boolean active;

    /** The default manager. */
    public static Manager<Item> objects() {
        return Manager.of(Item.class);
    }
}
