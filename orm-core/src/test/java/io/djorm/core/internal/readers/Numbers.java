package io.djorm.core.internal.readers;

import io.djorm.core.Model;
import io.djorm.core.OnDelete;
import io.djorm.core.Ref;
import io.djorm.core.fields.BigIntegerField;
import io.djorm.core.fields.FloatField;
import io.djorm.core.fields.ForeignKey;
import io.djorm.core.fields.IntegerField;
import io.djorm.core.fields.SmallIntegerField;

/** A numeric field of every box the generated reader reads in place, and one of a user's own integer kind. */
public class Numbers extends Model {
    @IntegerField(nullable = true)
    public Integer integer;
    @SmallIntegerField(nullable = true)
    public Short small;
    @SmallIntegerField(nullable = true)
    public Byte tiny;
    @BigIntegerField(nullable = true)
    public Long big;
    @FloatField(nullable = true)
    public Double real;
    @FloatField(nullable = true)
    public Float single;
    @ForeignKey(to = Place.class, onDelete = OnDelete.SET_NULL, nullable = true, relatedName = "numbers")
    public Ref<Place> place;
    @ShiftedField(nullable = true)
    public Integer shifted;
}
