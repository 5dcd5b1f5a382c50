package io.djorm.docs.snippets.discovery;

import io.djorm.core.Model;
import io.djorm.core.fields.CharField;

/** An abstract model: its fields are inherited, it has no table, and the scan skips it. */
public abstract class Draft extends Model {
    /** The draft's title. */
    @CharField(maxLength = 100)
    public String title;
}
