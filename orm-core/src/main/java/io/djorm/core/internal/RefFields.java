package io.djorm.core.internal;

import io.djorm.core.Model;
import io.djorm.core.Ref;
import io.djorm.core.meta.FieldMeta;
import java.lang.reflect.Field;
import java.util.concurrent.ConcurrentHashMap;
import net.bytebuddy.jar.asm.Opcodes;
import net.bytebuddy.jar.asm.Type;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes the {@link RefField} of a foreign key: generated with byte-buddy's ASM when the attribute is a
 * field the generated class may read, else the accessor path ({@link Holders#ref}), which is also what
 * {@code -Ddjorm.rowReaders=handles} chooses.
 */
final class RefFields {
    private static final Logger LOG = LoggerFactory.getLogger(RefFields.class);
    /** Fields kept; historical models of migrations make new field metadata, so the map is bounded. */
    private static final int MAX_FIELDS = 4096;
    private static final ConcurrentHashMap<FieldMeta, RefField> FIELDS = new ConcurrentHashMap<>();

    private RefFields() {
    }

    /** The reader of {@code field}'s holder (made once per field; with generation off, the accessor path). */
    static RefField of(FieldMeta field) {
        if (!RowReaders.enabled()) return byAccessor(field);
        RefField known = FIELDS.get(field);
        if (known != null) return known;
        if (FIELDS.size() >= MAX_FIELDS) FIELDS.clear();
        return FIELDS.computeIfAbsent(field, RefFields::make);
    }

    private static RefField make(FieldMeta field) {
        Field target = field.accessor() instanceof RefAccessor ref ? Accessors.fieldOf(ref.attribute()) : null;
        if (target != null && target.getType() == Ref.class
                && Model.class.isAssignableFrom(target.getDeclaringClass())) {
            Class<?> owner = target.getDeclaringClass();
            ModelPackageAccess access = new ModelPackageAccess(owner);
            if (access.reachable(target)) {
                try {
                    Class<?>[] constructor = {FieldMeta.class};
                    return ModelPackageAccess.define(owner, RefField.class, "DjormRefField", constructor, "get",
                            mv -> {
                                mv.visitVarInsn(Opcodes.ALOAD, 0);
                                mv.visitVarInsn(Opcodes.ALOAD, 1);
                                mv.visitTypeInsn(Opcodes.CHECKCAST, Type.getInternalName(owner));
                                mv.visitFieldInsn(Opcodes.GETFIELD, Type.getInternalName(owner), target.getName(),
                                        Type.getDescriptor(Ref.class));
                                mv.visitVarInsn(Opcodes.ALOAD, 1);
                                mv.visitMethodInsn(Opcodes.INVOKEVIRTUAL, Type.getInternalName(RefField.class),
                                        "orCreate", Type.getMethodDescriptor(Type.getType(Ref.class),
                                                Type.getType(Ref.class), Type.getType(Model.class)), false);
                                mv.visitInsn(Opcodes.ARETURN);
                            }).getConstructor(constructor).newInstance(field);
                } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
                    LOG.debug("No generated holder reader for {}; it is read through its accessor", target, e);
                }
            }
        }
        return byAccessor(field);
    }

    /** The holder through the field's accessor. */
    static RefField byAccessor(FieldMeta field) {
        return new RefField(field) {
            @Override
            public Ref<?> get(Model m) {
                return Holders.ref(m, field);
            }
        };
    }
}
