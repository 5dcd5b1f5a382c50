package io.djorm.core.internal;

import io.djorm.core.ValidationError;
import io.djorm.core.meta.FieldAccessor;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Field;
import java.util.function.Supplier;

/**
 * Builds fast field accessors and instantiators from method handles, once per model class, so that
 * hydration does no per-row reflection.
 */
public final class Accessors {
    private Accessors() {
    }

    /** An accessor for a declared field (private fields included). */
    public static FieldAccessor forField(Field field) {
        try {
            MethodHandles.Lookup lookup = MethodHandles.privateLookupIn(field.getDeclaringClass(), MethodHandles.lookup());
            MethodHandle getter = lookup.unreflectGetter(field).asType(MethodType.methodType(Object.class, Object.class));
            MethodHandle setter = lookup.unreflectSetter(field)
                    .asType(MethodType.methodType(void.class, Object.class, Object.class));
            return new HandleAccessor(field, getter, setter);
        } catch (IllegalAccessException e) {
            throw new io.djorm.core.ImproperlyConfigured("djorm cannot access " + field + "; if the model lives in a named"
                    + " module, open its package to io.djorm.core.", e);
        }
    }

    /** A supplier that calls the class's no-argument constructor. */
    public static Supplier<Object> instantiator(Class<?> cls) {
        try {
            MethodHandles.Lookup lookup = MethodHandles.privateLookupIn(cls, MethodHandles.lookup());
            MethodHandle ctor = lookup.findConstructor(cls, MethodType.methodType(void.class))
                    .asType(MethodType.methodType(Object.class));
            return () -> {
                try {
                    return (Object) ctor.invokeExact();
                } catch (RuntimeException | Error e) {
                    throw e;
                } catch (Throwable t) {
                    throw new IllegalStateException("constructor of " + cls.getName() + " failed", t);
                }
            };
        } catch (NoSuchMethodException e) {
            throw new io.djorm.core.FieldError("Model " + cls.getName() + " needs a no-argument constructor "
                    + "(it may be private) so that djorm can create instances from rows.");
        } catch (IllegalAccessException e) {
            throw new io.djorm.core.ImproperlyConfigured("djorm cannot access the constructor of " + cls.getName()
                    + "; if the model lives in a named module, open its package to io.djorm.core.", e);
        }
    }

    /**
     * The Java field an accessor made by {@link #forField} reads and writes, or null for any other
     * accessor: the row-reader generator stores into that field directly.
     */
    static Field fieldOf(FieldAccessor accessor) {
        return accessor instanceof HandleAccessor handle ? handle.field : null;
    }

    private static final class HandleAccessor implements FieldAccessor {
        private final Field field;
        private final String name;
        private final MethodHandle getter;
        private final MethodHandle setter;
        private final boolean primitive;

        HandleAccessor(Field field, MethodHandle getter, MethodHandle setter) {
            this.field = field;
            this.name = field.getDeclaringClass().getSimpleName() + "." + field.getName();
            this.getter = getter;
            this.setter = setter;
            this.primitive = field.getType().isPrimitive();
        }

        @Override
        public Object get(Object instance) {
            try {
                return (Object) getter.invokeExact(instance);
            } catch (RuntimeException | Error e) {
                throw e;
            } catch (Throwable t) {
                throw new IllegalStateException(t);
            }
        }

        @Override
        public void set(Object instance, Object value) {
            if (value == null && primitive) {
                throw new ValidationError(name.substring(name.indexOf('.') + 1), "Field " + name
                        + " is a primitive and cannot hold NULL; declare it with a wrapper type (Integer, Long, ...) "
                        + "or make the column non-null.");
            }
            try {
                setter.invokeExact(instance, value);
            } catch (ClassCastException e) {
                throw new ValidationError(name.substring(name.indexOf('.') + 1), "Field " + name + " cannot hold a "
                        + value.getClass().getSimpleName() + " (" + value + ").");
            } catch (RuntimeException | Error e) {
                throw e;
            } catch (Throwable t) {
                throw new IllegalStateException(t);
            }
        }
    }
}
