package io.djorm.core.internal;

import io.djorm.core.Row;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.List;

/** Creates {@link Row}s, whose constructor is package-private to keep the public API small. */
final class RowFactory {
    private static final MethodHandle CTOR;

    static {
        try {
            var lookup = MethodHandles.privateLookupIn(Row.class, MethodHandles.lookup());
            CTOR = lookup.findConstructor(Row.class, MethodType.methodType(void.class, List.class, List.class));
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private RowFactory() {
    }

    static Row row(List<String> names, List<Object> values) {
        try {
            return (Row) CTOR.invoke(names, values);
        } catch (Throwable t) {
            throw new IllegalStateException(t);
        }
    }
}
