package io.djorm.core.internal;

import java.lang.invoke.MethodHandles;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicInteger;
import net.bytebuddy.jar.asm.ClassWriter;
import net.bytebuddy.jar.asm.MethodVisitor;
import net.bytebuddy.jar.asm.Opcodes;
import net.bytebuddy.jar.asm.Type;

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
     * Writes the body of the generated method: its code only. Stack map frames and sizes are computed; a
     * body whose branches meet with different reference types in a slot must use that slot as a plain
     * {@code Object} afterwards (see {@link FramesWriter}).
     */
    interface MethodBody {
        void write(MethodVisitor mv);
    }

    /**
     * Defines a final subclass of {@code base} in the model's package, with a public constructor that
     * passes {@code constructor}'s arguments to base's and {@code method} (an abstract method of base)
     * implemented by {@code body}. The class is written with the ASM that byte-buddy carries, not with
     * byte-buddy's type model: that one costs a few hundred milliseconds of start-up on first use.
     * Needs the model's package to be open to djorm, as the method-handle accessors do.
     */
    static <B> Class<? extends B> define(Class<?> model, Class<B> base, String kind, Class<?>[] constructor,
                                         String method, MethodBody body)
            throws ReflectiveOperationException {
        MethodHandles.Lookup lookup = MethodHandles.privateLookupIn(model, MethodHandles.lookup());
        String superName = Type.getInternalName(base);
        ClassWriter cw = new FramesWriter();
        cw.visit(Opcodes.V17, Opcodes.ACC_PUBLIC | Opcodes.ACC_FINAL | Opcodes.ACC_SUPER | Opcodes.ACC_SYNTHETIC,
                Type.getInternalName(model) + "$" + kind + "$" + NAMES.incrementAndGet(), null, superName, null);
        String constructorDescriptor = Type.getConstructorDescriptor(base.getDeclaredConstructor(constructor));
        MethodVisitor init = cw.visitMethod(Opcodes.ACC_PUBLIC, "<init>", constructorDescriptor, null, null);
        init.visitCode();
        init.visitVarInsn(Opcodes.ALOAD, 0);
        int slot = 1;
        for (Type argument : Type.getArgumentTypes(constructorDescriptor)) {
            init.visitVarInsn(argument.getOpcode(Opcodes.ILOAD), slot);
            slot += argument.getSize();
        }
        init.visitMethodInsn(Opcodes.INVOKESPECIAL, superName, "<init>", constructorDescriptor, false);
        init.visitInsn(Opcodes.RETURN);
        init.visitMaxs(slot, slot);
        init.visitEnd();
        Method abstractMethod = Arrays.stream(base.getMethods()).filter(m -> m.getName().equals(method)).findFirst()
                .orElseThrow(() -> new NoSuchMethodException(base.getName() + "." + method));
        MethodVisitor mv = cw.visitMethod(Opcodes.ACC_PUBLIC, method, Type.getMethodDescriptor(abstractMethod), null, null);
        mv.visitCode();
        body.write(mv);
        mv.visitMaxs(0, 0); // computed by the writer
        mv.visitEnd();
        cw.visitEnd();
        return lookup.defineClass(cw.toByteArray()).asSubclass(base);
    }

    /**
     * Computes frames without loading classes: where two branches meet with different reference types in
     * a slot, the frame says {@code Object} (ASM would otherwise load both classes through byte-buddy's
     * class loader, which does not see the model's). The generated bodies only pass such a value on as
     * an {@code Object} or cast it, so the verifier needs no more.
     */
    private static final class FramesWriter extends ClassWriter {
        FramesWriter() {
            super(ClassWriter.COMPUTE_FRAMES);
        }

        @Override
        protected String getCommonSuperClass(String type1, String type2) {
            return "java/lang/Object";
        }
    }

    /** Whether the generated class may read and write the field with {@code getfield}/{@code putfield}. */
    boolean reachable(Field f) {
        return !Modifier.isFinal(f.getModifiers()) && readable(f);
    }

    /** Whether the generated class may read the field with {@code getfield} (a final field too). */
    boolean readable(Field f) {
        int modifiers = f.getModifiers();
        if (Modifier.isPrivate(modifiers) || Modifier.isStatic(modifiers)) return false;
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
