package io.djorm.core.internal.fields;

import io.djorm.core.meta.FieldMeta;
import java.lang.annotation.Annotation;

/** Reads {@code autoNow} / {@code autoNowAdd}; such fields are not editable, as in Django. */
final class AutoTimestamps {
    private AutoTimestamps() {
    }

    static void configure(FieldMeta.Builder field, Annotation declaration) {
        boolean now = Annotations.flag(declaration, "autoNow");
        boolean add = Annotations.flag(declaration, "autoNowAdd");
        if (now && add) {
            throw new io.djorm.core.FieldError("Field '" + field.name()
                    + "' sets both autoNow and autoNowAdd; keep one of them.");
        }
        if (now) field.param("auto_now", true);
        if (add) field.param("auto_now_add", true);
        if (now || add) field.editable(false).blank(true);
    }
}
