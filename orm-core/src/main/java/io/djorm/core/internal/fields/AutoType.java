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

    @Override
    public String internalType() {
        return "AutoField";
    }
}
