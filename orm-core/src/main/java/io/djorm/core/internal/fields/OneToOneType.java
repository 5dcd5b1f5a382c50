package io.djorm.core.internal.fields;

import io.djorm.core.meta.FieldMeta;
import java.lang.annotation.Annotation;

/** Django's {@code OneToOneField}: a foreign key whose column is unique. */
public class OneToOneType extends ForeignKeyType {

    @Override
    public String internalType() {
        return "OneToOneField";
    }

    @Override
    public void configure(FieldMeta.Builder field, Annotation declaration) {
        field.unique(true);
    }
}
