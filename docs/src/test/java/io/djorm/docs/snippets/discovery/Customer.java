package io.djorm.docs.snippets.discovery;

import io.djorm.core.Model;
import io.djorm.core.fields.CharField;

/** A model in the installed package itself: found by the scan, app label {@code discovery}. */
public class Customer extends Model {
    /** The customer's name. */
    @CharField(maxLength = 100)
    public String name;

    /** A model nested in another class: not found by the scan. */
    public static class Nested extends Model {
        /** A note. */
        @CharField(maxLength = 100)
        public String note;
    }
}
