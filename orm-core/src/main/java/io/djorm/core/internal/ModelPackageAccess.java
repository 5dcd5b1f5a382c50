package io.djorm.core.internal;

import java.lang.invoke.MethodHandles;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.concurrent.atomic.AtomicInteger;
import net.bytebuddy.ByteBuddy;
import net.bytebuddy.dynamic.loading.ClassLoadingStrategy;
import net.bytebuddy.dynamic.scaffold.subclass.ConstructorStrategy;
import net.bytebuddy.implementation.Implementation;
import net.bytebuddy.implementation.bytecode.ByteCodeAppender;
import net.bytebuddy.matcher.ElementMatchers;

/**
 * What a class generated into a model's package may do with plain bytecode, by the JVM's access
 * rules (it is neither the model nor a subclass nor a nest-mate of it), and how such a class is
 * defined there. What it may not do, the generated code leaves to the accessors.
 */
final class ModelPackageAccess {
    private static final AtomicInteger NAMES = new AtomicInteger();
    private final Class<?> model;

    ModelPackageAccess(Class<?> model) {
        this.model = model;
    }

    /**
     * Defines a subclass of {@code base} in the model's package whose method {@code method} runs
     * {@code code}. Needs the model's package to be open to djorm, as the method-handle accessors do.
     */
    static <B> Class<? extends B> define(Class<?> model, Class<B> base, String kind, String method, ByteCodeAppender code)
            throws IllegalAccessException {
        MethodHandles.Lookup lookup = MethodHandles.privateLookupIn(model, MethodHandles.lookup());
        return new ByteBuddy()
                .subclass(base, ConstructorStrategy.Default.IMITATE_SUPER_CLASS_OPENING)
                .name(model.getName() + "$" + kind + "$" + NAMES.incrementAndGet())
                .method(ElementMatchers.named(method))
                .intercept(new Implementation.Simple(code))
                .make()
                .load(model.getClassLoader(), ClassLoadingStrategy.UsingLookup.of(lookup))
                .getLoaded();
    }

    /** Whether the generated class may read and write the field with {@code getfield}/{@code putfield}. */
    boolean reachable(Field f) {
        int modifiers = f.getModifiers();
        if (Modifier.isPrivate(modifiers) || Modifier.isFinal(modifiers) || Modifier.isStatic(modifiers)) return false;
        Class<?> owner = f.getDeclaringClass();
        if (!owner.isAssignableFrom(model)) return false;
        if (samePackage(owner)) return true;
        // Protected members of a class in another package are for subclasses; the generated class is not one.
        return Modifier.isPublic(modifiers) && visible(owner);
    }

    /** Whether a type may be named (cast to) from the model's package. */
    boolean visible(Class<?> type) {
        while (type.isArray()) type = type.getComponentType();
        if (type.isPrimitive() || samePackage(type)) return true;
        for (Class<?> c = type; c != null; c = c.getDeclaringClass()) {
            if (!Modifier.isPublic(c.getModifiers())) return false;
        }
        return type.getModule().isExported(type.getPackageName(), model.getModule());
    }

    /** Whether the generated class may call {@code new Model()}: a no-argument constructor that is not private. */
    boolean constructible() {
        try {
            return !Modifier.isPrivate(model.getDeclaredConstructor().getModifiers());
        } catch (NoSuchMethodException e) {
            return false;
        }
    }

    private boolean samePackage(Class<?> type) {
        return type.getClassLoader() == model.getClassLoader() && type.getPackageName().equals(model.getPackageName());
    }
}
