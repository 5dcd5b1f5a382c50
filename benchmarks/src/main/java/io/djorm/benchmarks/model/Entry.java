package io.djorm.benchmarks.model;

import io.djorm.core.Manager;
import io.djorm.core.Meta;
import io.djorm.core.Model;
import io.djorm.core.Ref;
import io.djorm.core.fields.CharField;
import io.djorm.core.fields.ForeignKey;
import io.djorm.core.fields.IntegerField;
import io.djorm.core.OnDelete;

/** A row created by the write benchmarks; deleted with its shelf (on delete cascade). */
@Meta(dbTable = "bench_entry")
public class Entry extends Model {
    @CharField(maxLength = 40)
    public String label;

    @IntegerField
    public Integer rank;

    @ForeignKey(to = Shelf.class, onDelete = OnDelete.CASCADE, relatedName = "entries")
    public Ref<Shelf> shelf;

    /** The default manager. */
    public static Manager<Entry> objects() {
        return Manager.of(Entry.class);
    }
}
