package io.djorm.docs.snippets.discovery.billing;

import io.djorm.core.Model;
import io.djorm.core.fields.IntegerField;

/** A model in a subpackage of the installed package: found too, with the app label {@code billing}. */
public class Invoice extends Model {
    /** The amount in cents. */
    @IntegerField(defaultValue = "0")
    public Integer cents;
}
