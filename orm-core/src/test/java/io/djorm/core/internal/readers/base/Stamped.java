package io.djorm.core.internal.readers.base;

import io.djorm.core.Model;
import io.djorm.core.fields.CharField;
import io.djorm.core.fields.IntegerField;

/**
 * An abstract model base in another package than its subclass: a class generated into the
 * subclass's package may store into the public field only; the others go through their accessors.
 */
public abstract class Stamped extends Model {
    @CharField(maxLength = 20, nullable = true)
    public String publicStamp;

    @CharField(maxLength = 20, nullable = true)
    protected String protectedStamp;

    @IntegerField(nullable = true)
    Integer packageStamp;

    @CharField(maxLength = 20, nullable = true)
    private String privateStamp;

    /** The package-private field, for the test in the subclass's package. */
    public Integer packageStamp() {
        return packageStamp;
    }

    /** The private field. */
    public String privateStamp() {
        return privateStamp;
    }

    /** The protected field. */
    public String protectedStamp() {
        return protectedStamp;
    }
}
