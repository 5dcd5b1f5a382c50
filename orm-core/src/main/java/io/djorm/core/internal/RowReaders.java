package io.djorm.core.internal;

import io.djorm.core.Model;
import io.djorm.core.Ref;
import io.djorm.core.internal.fields.PlainRead;
import io.djorm.core.meta.FieldAccessor;
import io.djorm.core.meta.FieldMeta;
import io.djorm.core.meta.FieldType;
import io.djorm.core.meta.ModelMeta;
import io.djorm.core.spi.ListRowCursor;
import io.djorm.core.spi.RowCursor;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import net.bytebuddy.jar.asm.Label;
import net.bytebuddy.jar.asm.MethodVisitor;
import net.bytebuddy.jar.asm.Opcodes;
import net.bytebuddy.jar.asm.Type;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Generates, with byte-buddy's ASM, one {@link RowReader} class per model class and column layout, defined
 * in the model's own package (through a private lookup, as the method-handle accessors use) so that
 * it can call the model's constructor and store into its fields with plain bytecode. A field the
 * generated class may not touch (private, final, primitive, declared in another package) is stored
 * through its accessor instead. When no class can be generated at all (the model's package is not
 * open to djorm, the class cannot be defined there, historical models without a class), the answer
 * is empty and the {@link Hydrator} uses its method-handle path; {@code -Ddjorm.rowReaders=handles}
 * chooses that path for every model.
 */
final class RowReaders {
    private static final Logger LOG = LoggerFactory.getLogger(RowReaders.class);
    /** Generated layouts per model class; a model rarely has more than a few (all fields, only(), defer()). */
    private static final int MAX_LAYOUTS = 64;
    private static final ClassValue<Map<Layout, Optional<Constructor<? extends RowReader>>>> CLASSES =
            new ClassValue<>() {
                @Override
                protected Map<Layout, Optional<Constructor<? extends RowReader>>> computeValue(Class<?> type) {
                    return new ConcurrentHashMap<>();
                }
            };
    private static final Class<?>[] CONSTRUCTOR = {ModelMeta.class, FieldType[].class, FieldMeta[].class,
        FieldAccessor[].class, int.class};
    private static volatile boolean enabled = !"handles".equals(System.getProperty("djorm.rowReaders"));

    private RowReaders() {
    }

    /** Whether readers are generated (false: every model uses the method-handle path). */
    static boolean enabled() {
        return enabled;
    }

    /** Turns generation on or off for readers created from now on (tests compare both paths). */
    static void enabled(boolean on) {
        enabled = on;
    }

    /**
     * A reader for rows whose columns from {@code offset} on are {@code fields}, or empty when none can
     * be generated for this model. Arrays are indexed like {@code fields}.
     */
    static Optional<RowReader> reader(ModelMeta meta, List<FieldMeta> fields, FieldType[] types, FieldMeta[] readAs,
                                      FieldAccessor[] accessors, int offset) {
        Class<?> model = meta.javaClass();
        if (!enabled || model == null || !Model.class.isAssignableFrom(model)) return Optional.empty();
        Map<Layout, Optional<Constructor<? extends RowReader>>> layouts = CLASSES.get(model);
        PlainRead[] plain = new PlainRead[types.length];
        for (int i = 0; i < plain.length; i++) plain[i] = PlainRead.of(types[i], readAs[i]);
        Layout layout = new Layout(List.copyOf(fields), Arrays.asList(plain));
        Optional<Constructor<? extends RowReader>> generated = layouts.get(layout);
        if (generated == null) {
            if (layouts.size() >= MAX_LAYOUTS) return Optional.empty();
            generated = layouts.computeIfAbsent(layout, l -> generate(meta, model, l));
        }
        if (generated.isEmpty()) return Optional.empty();
        try {
            return Optional.of(generated.get().newInstance(meta, types, readAs, accessors, offset));
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot create the generated row reader of " + model.getName(), e);
        }
    }

    /**
     * What one generated class is for: the columns' fields, and how each is read (its {@link PlainRead}, or
     * null for a call to its type's read), decided from the types the hydrator reads them with, so that a
     * class never reads a column otherwise than its field type would.
     */
    private record Layout(List<FieldMeta> fields, List<PlainRead> reads) {
    }

    private static Optional<Constructor<? extends RowReader>> generate(ModelMeta meta, Class<?> model, Layout layout) {
        try {
            Class<? extends RowReader> type = ModelPackageAccess.define(model, RowReader.class, "DjormRowReader",
                    CONSTRUCTOR, "read", new ReadCode(model, layout, layout.fields().indexOf(meta.pk())));
            return Optional.of(type.getConstructor(CONSTRUCTOR));
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            LOG.debug("No generated row reader for {}; it is hydrated through method-handle accessors", model.getName(), e);
            return Optional.empty();
        }
    }

    /** How the generated code stores one column of {@code model}'s field {@code f}. */
    static Store store(ModelPackageAccess access, FieldMeta f) {
        FieldAccessor accessor = f.accessor();
        Field target = accessor instanceof RefAccessor ref ? Accessors.fieldOf(ref.attribute()) : Accessors.fieldOf(accessor);
        if (target == null || !access.reachable(target)) return Store.ACCESSOR;
        if (accessor instanceof RefAccessor) return target.getType() == Ref.class ? Store.REF_KEY : Store.ACCESSOR;
        // A primitive needs the accessor's NULL check.
        return target.getType().isPrimitive() || !access.visible(target.getType()) ? Store.ACCESSOR : Store.FIELD;
    }

    /** How the generated code stores one column. */
    enum Store {
        /** {@code putfield} into the model's field. */
        FIELD,
        /** {@code getfield} of the {@link Ref} attribute, then {@link RowReader#storeKey}. */
        REF_KEY,
        /** Through the field's accessor. */
        ACCESSOR
    }

    /** The bytecode of {@link RowReader#read} for one layout: straight-line, one store per column. */
    private static final class ReadCode implements ModelPackageAccess.MethodBody {
        private static final String READER = Type.getInternalName(RowReader.class);
        private static final String TYPE = Type.getInternalName(FieldType.class);
        private static final String META = Type.getInternalName(FieldMeta.class);
        private static final String ACCESSOR = Type.getInternalName(FieldAccessor.class);
        private static final String READ_DESC = Type.getMethodDescriptor(Type.getType(Object.class),
                Type.getType(RowCursor.class), Type.INT_TYPE, Type.getType(FieldMeta.class));
        private static final String SET_DESC = Type.getMethodDescriptor(Type.VOID_TYPE, Type.getType(Object.class),
                Type.getType(Object.class));
        private static final String STORE_KEY_DESC = Type.getMethodDescriptor(Type.VOID_TYPE, Type.getType(Ref.class),
                Type.getType(Object.class), Type.getType(Model.class), Type.getType(FieldAccessor.class));
        private static final String READ_BY_TYPE_DESC = Type.getMethodDescriptor(Type.getType(Object.class),
                Type.getType(RowCursor.class), Type.INT_TYPE);
        private static final int ROW = 1;
        private static final int KEY = 2;
        private static final int INSTANCE = 3;
        private static final int OFFSET = 4;
        /** The column's value, before it is stored. */
        private static final int VALUE = 5;
        /** A long or double just read (two slots). */
        private static final int NUMBER = 6;
        private static final String CURSOR = Type.getInternalName(RowCursor.class);
        private static final String LIST_CURSOR = Type.getInternalName(ListRowCursor.class);

        private final Class<?> model;
        private final ModelPackageAccess access;
        private final List<FieldMeta> fields;
        private final List<PlainRead> reads;
        private final int pkIndex;

        ReadCode(Class<?> model, Layout layout, int pkIndex) {
            this.model = model;
            this.access = new ModelPackageAccess(model);
            this.fields = layout.fields();
            this.reads = layout.reads();
            this.pkIndex = pkIndex;
        }

        @Override
        public void write(MethodVisitor mv) {
            String modelName = Type.getInternalName(model);
            if (access.constructible()) {
                mv.visitTypeInsn(Opcodes.NEW, modelName);
                mv.visitInsn(Opcodes.DUP);
                mv.visitMethodInsn(Opcodes.INVOKESPECIAL, modelName, "<init>", "()V", false);
            } else {
                mv.visitVarInsn(Opcodes.ALOAD, 0);
                mv.visitMethodInsn(Opcodes.INVOKEVIRTUAL, READER, "instantiate", "()" + Type.getDescriptor(Model.class), false);
                mv.visitTypeInsn(Opcodes.CHECKCAST, modelName);
            }
            mv.visitVarInsn(Opcodes.ASTORE, INSTANCE);
            mv.visitVarInsn(Opcodes.ALOAD, 0);
            mv.visitFieldInsn(Opcodes.GETFIELD, READER, "offset", "I");
            mv.visitVarInsn(Opcodes.ISTORE, OFFSET);
            for (int i = 0; i < fields.size(); i++) {
                FieldAccessor accessor = fields.get(i).accessor();
                Field target = accessor instanceof RefAccessor ref ? Accessors.fieldOf(ref.attribute()) : Accessors.fieldOf(accessor);
                value(mv, i);
                mv.visitVarInsn(Opcodes.ASTORE, VALUE);
                switch (store(access, fields.get(i))) {
                    case FIELD -> {
                        mv.visitVarInsn(Opcodes.ALOAD, INSTANCE);
                        mv.visitVarInsn(Opcodes.ALOAD, VALUE);
                        mv.visitTypeInsn(Opcodes.CHECKCAST, Type.getInternalName(target.getType()));
                        mv.visitFieldInsn(Opcodes.PUTFIELD, Type.getInternalName(target.getDeclaringClass()),
                                target.getName(), Type.getDescriptor(target.getType()));
                    }
                    case REF_KEY -> {
                        mv.visitVarInsn(Opcodes.ALOAD, INSTANCE);
                        mv.visitFieldInsn(Opcodes.GETFIELD, Type.getInternalName(target.getDeclaringClass()),
                                target.getName(), Type.getDescriptor(Ref.class));
                        mv.visitVarInsn(Opcodes.ALOAD, VALUE);
                        mv.visitVarInsn(Opcodes.ALOAD, INSTANCE);
                        element(mv, "accessors", ACCESSOR, i);
                        mv.visitMethodInsn(Opcodes.INVOKESTATIC, READER, "storeKey", STORE_KEY_DESC, false);
                    }
                    case ACCESSOR -> {
                        element(mv, "accessors", ACCESSOR, i);
                        mv.visitVarInsn(Opcodes.ALOAD, INSTANCE);
                        mv.visitVarInsn(Opcodes.ALOAD, VALUE);
                        mv.visitMethodInsn(Opcodes.INVOKEINTERFACE, ACCESSOR, "set", SET_DESC, true);
                    }
                }
            }
            mv.visitVarInsn(Opcodes.ALOAD, INSTANCE);
            mv.visitInsn(Opcodes.ARETURN);
        }

        /**
         * Pushes column {@code i}'s value: the key given by the caller, the column read in place when its
         * kind has a {@link PlainRead}, else {@code types[i].read(row, offset + i, readAs[i])} (a call site
         * per column, which sees one field type).
         */
        private void value(MethodVisitor mv, int i) {
            if (i == pkIndex) {
                key(mv, i);
                return;
            }
            read(mv, i);
        }

        /** Pushes the key given by the caller, or the key column read here when it is {@link RowReader#KEY_NOT_READ}. */
        private void key(MethodVisitor mv, int i) {
            Label given = new Label();
            Label done = new Label();
            mv.visitVarInsn(Opcodes.ALOAD, KEY);
            mv.visitFieldInsn(Opcodes.GETSTATIC, READER, "KEY_NOT_READ", "Ljava/lang/Object;");
            mv.visitJumpInsn(Opcodes.IF_ACMPNE, given);
            read(mv, i);
            mv.visitJumpInsn(Opcodes.GOTO, done);
            mv.visitLabel(given);
            mv.visitVarInsn(Opcodes.ALOAD, KEY);
            mv.visitLabel(done);
        }

        /** Pushes column {@code i} read from the row. */
        private void read(MethodVisitor mv, int i) {
            PlainRead plain = reads.get(i);
            if (plain == null) {
                typeRead(mv, i);
            } else if (plain.integral()) {
                integral(mv, i, plain);
            } else {
                floating(mv, i, plain);
            }
        }

        /** {@code types[i].read(row, offset + i, readAs[i])}. */
        private void typeRead(MethodVisitor mv, int i) {
            element(mv, "types", TYPE, i);
            mv.visitVarInsn(Opcodes.ALOAD, ROW);
            column(mv, i);
            element(mv, "readAs", META, i);
            mv.visitMethodInsn(Opcodes.INVOKEVIRTUAL, TYPE, "read", READ_DESC, false);
        }

        /**
         * IntegralType.read in place: {@code getLong}, NULL when 0 and {@code wasNull()}, boxed. A value
         * out of the box's range and a remote reply's cursor (its integers are boxed already) go to
         * {@link RowReader#readByType}, which refuses the one and takes the other's boxes, as it always did.
         */
        private void integral(MethodVisitor mv, int i, PlainRead plain) {
            Label generic = new Label();
            Label box = new Label();
            Label done = new Label();
            mv.visitVarInsn(Opcodes.ALOAD, ROW);
            mv.visitTypeInsn(Opcodes.INSTANCEOF, LIST_CURSOR);
            mv.visitJumpInsn(Opcodes.IFNE, generic);
            mv.visitVarInsn(Opcodes.ALOAD, ROW);
            column(mv, i);
            mv.visitMethodInsn(Opcodes.INVOKEINTERFACE, CURSOR, "getLong", "(I)J", true);
            mv.visitVarInsn(Opcodes.LSTORE, NUMBER);
            mv.visitVarInsn(Opcodes.LLOAD, NUMBER);
            mv.visitInsn(Opcodes.LCONST_0);
            mv.visitInsn(Opcodes.LCMP);
            mv.visitJumpInsn(Opcodes.IFNE, box);
            nullUnlessValue(mv, box, done);
            mv.visitLabel(box);
            String wrapper = Type.getInternalName(plain.boxed());
            if (plain == PlainRead.LONG) {
                mv.visitVarInsn(Opcodes.LLOAD, NUMBER);
                mv.visitMethodInsn(Opcodes.INVOKESTATIC, wrapper, "valueOf", "(J)L" + wrapper + ";", false);
            } else {
                // in range when narrowing and widening back gives the same number (fewer bytes than two
                // comparisons: the whole reader stays small enough for the JIT to inline)
                mv.visitVarInsn(Opcodes.LLOAD, NUMBER);
                mv.visitInsn(Opcodes.L2I);
                narrow(mv, plain);
                mv.visitInsn(Opcodes.I2L);
                mv.visitVarInsn(Opcodes.LLOAD, NUMBER);
                mv.visitInsn(Opcodes.LCMP);
                mv.visitJumpInsn(Opcodes.IFNE, generic);
                mv.visitVarInsn(Opcodes.LLOAD, NUMBER);
                mv.visitInsn(Opcodes.L2I);
                String primitive = plain == PlainRead.INTEGER ? "I" : plain == PlainRead.SHORT ? "S" : "B";
                mv.visitMethodInsn(Opcodes.INVOKESTATIC, wrapper, "valueOf", "(" + primitive + ")L" + wrapper + ";", false);
            }
            mv.visitJumpInsn(Opcodes.GOTO, done);
            mv.visitLabel(generic);
            mv.visitVarInsn(Opcodes.ALOAD, 0);
            mv.visitVarInsn(Opcodes.ALOAD, ROW);
            mv.visitLdcInsn(i);
            mv.visitMethodInsn(Opcodes.INVOKEVIRTUAL, READER, "readByType", READ_BY_TYPE_DESC, false);
            mv.visitLabel(done);
        }

        /** Narrows the int on the stack to the plain read's short or byte (an int stays as it is). */
        private static void narrow(MethodVisitor mv, PlainRead plain) {
            if (plain == PlainRead.SHORT) mv.visitInsn(Opcodes.I2S);
            else if (plain == PlainRead.BYTE) mv.visitInsn(Opcodes.I2B);
        }

        /** FloatType.read in place: {@code getDouble}, NULL when 0 and {@code wasNull()}, boxed. */
        private void floating(MethodVisitor mv, int i, PlainRead plain) {
            Label box = new Label();
            Label done = new Label();
            mv.visitVarInsn(Opcodes.ALOAD, ROW);
            column(mv, i);
            mv.visitMethodInsn(Opcodes.INVOKEINTERFACE, CURSOR, "getDouble", "(I)D", true);
            mv.visitVarInsn(Opcodes.DSTORE, NUMBER);
            mv.visitVarInsn(Opcodes.DLOAD, NUMBER);
            mv.visitInsn(Opcodes.DCONST_0);
            mv.visitInsn(Opcodes.DCMPL);
            mv.visitJumpInsn(Opcodes.IFNE, box);
            nullUnlessValue(mv, box, done);
            mv.visitLabel(box);
            mv.visitVarInsn(Opcodes.DLOAD, NUMBER);
            if (plain == PlainRead.FLOAT) {
                mv.visitInsn(Opcodes.D2F);
                mv.visitMethodInsn(Opcodes.INVOKESTATIC, "java/lang/Float", "valueOf", "(F)Ljava/lang/Float;", false);
            } else {
                mv.visitMethodInsn(Opcodes.INVOKESTATIC, "java/lang/Double", "valueOf", "(D)Ljava/lang/Double;", false);
            }
            mv.visitLabel(done);
        }

        /** A zero just read: pushes null and jumps to {@code done} if it was SQL NULL, else jumps to {@code box}. */
        private static void nullUnlessValue(MethodVisitor mv, Label box, Label done) {
            mv.visitVarInsn(Opcodes.ALOAD, ROW);
            mv.visitMethodInsn(Opcodes.INVOKEINTERFACE, CURSOR, "wasNull", "()Z", true);
            mv.visitJumpInsn(Opcodes.IFEQ, box);
            mv.visitInsn(Opcodes.ACONST_NULL);
            mv.visitJumpInsn(Opcodes.GOTO, done);
        }

        /** Pushes {@code offset + i}, the row index of column {@code i}. */
        private static void column(MethodVisitor mv, int i) {
            mv.visitVarInsn(Opcodes.ILOAD, OFFSET);
            mv.visitLdcInsn(i);
            mv.visitInsn(Opcodes.IADD);
        }

        private static void element(MethodVisitor mv, String array, String elementType, int i) {
            mv.visitVarInsn(Opcodes.ALOAD, 0);
            mv.visitFieldInsn(Opcodes.GETFIELD, READER, array, "[L" + elementType + ";");
            mv.visitLdcInsn(i);
            mv.visitInsn(Opcodes.AALOAD);
        }

    }
}
