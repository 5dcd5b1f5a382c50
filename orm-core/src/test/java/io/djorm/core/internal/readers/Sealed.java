package io.djorm.core.internal.readers;

import io.djorm.core.Model;
import io.djorm.core.OnDelete;
import io.djorm.core.Ref;
import io.djorm.core.fields.CharField;
import io.djorm.core.fields.ForeignKey;

/** A model whose constructor is private: the generated reader creates it through the instantiator. */
public final class Sealed extends Model {
    @CharField(maxLength = 20)
    public String name;
    @ForeignKey(to = Place.class, onDelete = OnDelete.CASCADE, relatedName = "sealed")
    public Ref<Place> place;

    private Sealed() {
    }
}
