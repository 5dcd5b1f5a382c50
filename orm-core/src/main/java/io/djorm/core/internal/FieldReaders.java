package io.djorm.core.internal;

import io.djorm.core.Model;
import io.djorm.core.Ref;
import io.djorm.core.meta.FieldAccessor;
import io.djorm.core.meta.FieldMeta;
import io.djorm.core.meta.ModelMeta;
import java.lang.reflect.Field;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import net.bytebuddy.jar.asm.MethodVisitor;
import net.bytebuddy.jar.asm.Opcodes;
import net.bytebuddy.jar.asm.Type;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Generates, as {@link RowReaders} does for rows, one {@link FieldReader} class per model class and
 * field list, defined in the model's package: a field it may load ({@code getfield}, boxing a primitive)
 * is loaded directly, a foreign key's {@link Ref} attribute likewise (then its key), any other field
 * through its accessor. When no class can be generated (the package is not open to djorm, no class,
 * {@code -Ddjorm.rowReaders=handles}), the reader calls every accessor.
 */
final class FieldReaders {
    private static final Logger LOG = LoggerFactory.getLogger(FieldReaders.class);
    /** Generated field lists per model class: one per INSERT column list and per bulkUpdate field list. */
    private static final int MAX_LAYOUTS = 64;
    private static final ClassValue<Map<List<FieldMeta>, Optional<FieldReader>>> READERS = new ClassValue<>() {
        @Override
        protected Map<List<FieldMeta>, Optional<FieldReader>> computeValue(Class<?> type) {
            return new ConcurrentHashMap<>();
        }
    };
    private static final Class<?>[] CONSTRUCTOR = {FieldAccessor[].class};

    private FieldReaders() {
    }

    /** A reader of these fields of the model's instances (of its own class), in order. */
    static FieldReader of(ModelMeta meta, List<FieldMeta> fields) {
        FieldAccessor[] accessors = new FieldAccessor[fields.size()];
        for (int i = 0; i < accessors.length; i++) accessors[i] = fields.get(i).accessor();
        Class<?> model = meta.javaClass();
        if (!RowReaders.enabled() || model == null || !Model.class.isAssignableFrom(model)) {
            return new FieldReader.ByAccessors(accessors);
        }
        Map<List<FieldMeta>, Optional<FieldReader>> layouts = READERS.get(model);
        Optional<FieldReader> generated = layouts.get(fields);
        if (generated == null) {
            if (layouts.size() >= MAX_LAYOUTS) return new FieldReader.ByAccessors(accessors);
            generated = layouts.computeIfAbsent(List.copyOf(fields), f -> generate(model, f, accessors));
        }
        return generated.orElseGet(() -> new FieldReader.ByAccessors(accessors));
    }

    private static Optional<FieldReader> generate(Class<?> model, List<FieldMeta> fields, FieldAccessor[] accessors) {
        try {
            Class<? extends FieldReader> type = ModelPackageAccess.define(model, FieldReader.class, "DjormFieldReader",
                    CONSTRUCTOR, "read", new ReadCode(model, fields));
            return Optional.of(type.getConstructor(CONSTRUCTOR).newInstance((Object) accessors));
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            LOG.debug("No generated field reader for {}; its fields are read through method-handle accessors",
                    model.getName(), e);
            return Optional.empty();
        }
    }

    /** How the generated code loads one field. */
    enum Load {
        /** {@code getfield} of the model's field, boxed when primitive. */
        FIELD,
        /** {@code getfield} of the {@link Ref} attribute, then {@link FieldReader#refKey}. */
        REF_KEY,
        /** Through the field's accessor. */
        ACCESSOR
    }

    /** How the generated code loads field {@code f} of {@code access}'s model. */
    static Load load(ModelPackageAccess access, FieldMeta f) {
        FieldAccessor accessor = f.accessor();
        Field target = accessor instanceof RefAccessor ref ? Accessors.fieldOf(ref.attribute()) : Accessors.fieldOf(accessor);
        if (target == null || !access.readable(target)) return Load.ACCESSOR;
        if (accessor instanceof RefAccessor) return target.getType() == Ref.class ? Load.REF_KEY : Load.ACCESSOR;
        return target.getType().isPrimitive() || access.visible(target.getType()) ? Load.FIELD : Load.ACCESSOR;
    }

    /** The bytecode of {@link FieldReader#read} for one field list: straight-line, one store per field. */
    private static final class ReadCode implements ModelPackageAccess.MethodBody {
        private static final String READER = Type.getInternalName(FieldReader.class);
        private static final String ACCESSOR = Type.getInternalName(FieldAccessor.class);
        private static final String GET_DESC = Type.getMethodDescriptor(Type.getType(Object.class), Type.getType(Object.class));
        private static final String REF_KEY_DESC = Type.getMethodDescriptor(Type.getType(Object.class),
                Type.getType(Ref.class), Type.getType(Object.class), Type.getType(FieldAccessor.class));
        private static final int MODEL = 1;
        private static final int INTO = 2;

        private final ModelPackageAccess access;
        private final List<FieldMeta> fields;

        ReadCode(Class<?> model, List<FieldMeta> fields) {
            this.access = new ModelPackageAccess(model);
            this.fields = fields;
        }

        @Override
        public void write(MethodVisitor mv) {
            for (int i = 0; i < fields.size(); i++) {
                FieldAccessor accessor = fields.get(i).accessor();
                Field target = accessor instanceof RefAccessor ref ? Accessors.fieldOf(ref.attribute()) : Accessors.fieldOf(accessor);
                mv.visitVarInsn(Opcodes.ALOAD, INTO);
                mv.visitLdcInsn(i);
                switch (load(access, fields.get(i))) {
                    case FIELD -> {
                        getField(mv, target);
                        if (target.getType().isPrimitive()) box(mv, Type.getType(target.getType()));
                    }
                    case REF_KEY -> {
                        getField(mv, target);
                        mv.visitVarInsn(Opcodes.ALOAD, MODEL);
                        accessor(mv, i);
                        mv.visitMethodInsn(Opcodes.INVOKESTATIC, READER, "refKey", REF_KEY_DESC, false);
                    }
                    case ACCESSOR -> {
                        accessor(mv, i);
                        mv.visitVarInsn(Opcodes.ALOAD, MODEL);
                        mv.visitMethodInsn(Opcodes.INVOKEINTERFACE, ACCESSOR, "get", GET_DESC, true);
                    }
                }
                mv.visitInsn(Opcodes.AASTORE);
            }
            mv.visitInsn(Opcodes.RETURN);
        }

        private static void getField(MethodVisitor mv, Field target) {
            String owner = Type.getInternalName(target.getDeclaringClass());
            mv.visitVarInsn(Opcodes.ALOAD, MODEL);
            mv.visitTypeInsn(Opcodes.CHECKCAST, owner);
            mv.visitFieldInsn(Opcodes.GETFIELD, owner, target.getName(), Type.getDescriptor(target.getType()));
        }

        /** Boxes the primitive on the stack with its wrapper's {@code valueOf}, as the accessors do. */
        private static void box(MethodVisitor mv, Type primitive) {
            String wrapper = switch (primitive.getSort()) {
                case Type.BOOLEAN -> "java/lang/Boolean";
                case Type.CHAR -> "java/lang/Character";
                case Type.BYTE -> "java/lang/Byte";
                case Type.SHORT -> "java/lang/Short";
                case Type.INT -> "java/lang/Integer";
                case Type.FLOAT -> "java/lang/Float";
                case Type.LONG -> "java/lang/Long";
                case Type.DOUBLE -> "java/lang/Double";
                default -> throw new IllegalArgumentException("not a primitive: " + primitive);
            };
            mv.visitMethodInsn(Opcodes.INVOKESTATIC, wrapper, "valueOf",
                    Type.getMethodDescriptor(Type.getObjectType(wrapper), primitive), false);
        }

        private static void accessor(MethodVisitor mv, int i) {
            mv.visitVarInsn(Opcodes.ALOAD, 0);
            mv.visitFieldInsn(Opcodes.GETFIELD, READER, "accessors", "[L" + ACCESSOR + ";");
            mv.visitLdcInsn(i);
            mv.visitInsn(Opcodes.AALOAD);
        }
    }
}
