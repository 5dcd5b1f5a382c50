package io.djorm.behaviour.shop;

import io.djorm.core.Manager;
import io.djorm.core.Meta;
import io.djorm.core.Model;
import io.djorm.core.Ref;
import io.djorm.core.fields.ForeignKey;
import io.djorm.core.fields.IntegerField;
import io.djorm.core.OnDelete;

/** The join model of Shelf.novels, with a column of its own. Targets are named by label, across apps. */
@Meta(appLabel = "library")
public class Placement extends Model {
    @ForeignKey(toLabel = "Shelf", onDelete = OnDelete.CASCADE, relatedName = "placements")
    public Ref<Shelf> shelf;

    @ForeignKey(toLabel = "shop.Novel", onDelete = OnDelete.CASCADE, relatedName = "placements")
    public Ref<Novel> novel;

    @IntegerField(defaultValue = "0")
    public int position;

    /** The default manager. */
    public static Manager<Placement> objects() {
        return Manager.of(Placement.class);
    }
}
