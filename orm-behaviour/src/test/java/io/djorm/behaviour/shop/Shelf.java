package io.djorm.behaviour.shop;

import io.djorm.core.Manager;
import io.djorm.core.ManyRelated;
import io.djorm.core.Meta;
import io.djorm.core.Model;
import io.djorm.core.fields.CharField;
import io.djorm.core.fields.ManyToManyField;

/** A shelf of another app ({@code library}) holding novels of {@code shop} through its own join model. */
@Meta(appLabel = "library")
public class Shelf extends Model {
    @CharField(maxLength = 50)
    public String name;

    @ManyToManyField(toLabel = "shop.Novel", throughLabel = "library.Placement", relatedName = "shelves")
    public ManyRelated<Novel> novels;

    /** The default manager. */
    public static Manager<Shelf> objects() {
        return Manager.of(Shelf.class);
    }
}
