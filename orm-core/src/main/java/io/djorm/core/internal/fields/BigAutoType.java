package io.djorm.core.internal.fields;

/** Django's {@code BigAutoField}: a 64-bit integer primary key the database assigns. */
public final class BigAutoType extends AutoType {
    @Override
    public String internalType() {
        return "BigAutoField";
    }
}
