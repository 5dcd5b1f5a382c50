package io.djorm.core.internal.readers;

import io.djorm.core.Model;
import io.djorm.core.fields.CharField;

/** The target of {@link Everything}'s foreign keys. */
public class Place extends Model {
    @CharField(maxLength = 40)
    public String name;
}
