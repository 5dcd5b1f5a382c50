package io.djorm.core.internal.fields;

import java.lang.annotation.Annotation;
import java.lang.reflect.Method;

/** Reads annotation attributes by name, so that every field annotation can share common options. */
public final class Annotations {
    private Annotations() {
    }

    /** The attribute's value, or null when the annotation has no such attribute. */
    public static Object attribute(Annotation annotation, String name) {
        if (annotation == null) return null;
        try {
            Method m = annotation.annotationType().getMethod(name);
            return m.invoke(annotation);
        } catch (NoSuchMethodException e) {
            return null;
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot read " + name + " of " + annotation, e);
        }
    }

    /** An int attribute, or null. */
    public static Integer intAttribute(Annotation annotation, String name) {
        Object v = attribute(annotation, name);
        return v instanceof Integer i ? i : null;
    }

    /** A boolean attribute, false when absent. */
    public static boolean flag(Annotation annotation, String name) {
        return Boolean.TRUE.equals(attribute(annotation, name));
    }

    /** A string attribute, or null when absent. */
    public static String string(Annotation annotation, String name) {
        Object v = attribute(annotation, name);
        return v instanceof String s ? s : null;
    }
}
