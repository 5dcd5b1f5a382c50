package io.djorm.core.internal.fields;

import io.djorm.core.meta.FieldMeta;
import java.lang.annotation.Annotation;

/** Django's {@code AutoField}: an integer primary key the database assigns. */
public class AutoType extends IntegralType {
    /** Creates the kind. */
    public AutoType() {
        super(1, Long.MAX_VALUE);
    }

    @Override
    protected Class<?> defaultJavaType() {
        return Long.class;
    }

    @Override
    public void configure(FieldMeta.Builder field, Annotation declaration) {
        field.primaryKey(true);
    }

    @Override
    public boolean isAutoIncrement() {
        return true;
    }

    /** A {@code Long} key of a field declared as a long: returned unchanged, never refused. */
    @Override
    public boolean storesAsIs(Class<?> valueClass, FieldMeta field) {
        return isDeclaredLong(valueClass, field);
    }

    @Override
    public String internalType() {
        return "AutoField";
    }
}
