package io.djorm.core.internal;

import io.djorm.core.ManyRelated;
import io.djorm.core.Model;
import io.djorm.core.Ref;
import io.djorm.core.meta.FieldMeta;
import io.djorm.core.meta.ModelMeta;
import java.lang.reflect.Field;
import net.bytebuddy.jar.asm.MethodVisitor;
import net.bytebuddy.jar.asm.Opcodes;
import net.bytebuddy.jar.asm.Type;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Generates the {@link RelationHolders} of a model class with byte-buddy's ASM: {@code init} stores each
 * new holder with {@code putfield}; a field it may not write (private, or in another package) goes
 * through its accessor. Falls back to {@link RelationHolders#byAccessors} when no class can be
 * generated, or when {@code -Ddjorm.rowReaders=handles} asks for the method-handle path.
 */
final class RelationHolderGenerator {
    private static final Logger LOG = LoggerFactory.getLogger(RelationHolderGenerator.class);

    private RelationHolderGenerator() {
    }

    /** The holders of {@code meta}'s model: generated when possible, else through the accessors. */
    static RelationHolders holders(ModelMeta meta, FieldMeta[] refFields, FieldMeta[] managerFields) {
        Class<?> model = meta.javaClass();
        if (RowReaders.enabled() && model != null) {
            try {
                Class<?>[] constructor = {ModelMeta.class, FieldMeta[].class, FieldMeta[].class};
                Class<? extends RelationHolders> type = ModelPackageAccess.define(model, RelationHolders.class,
                        "DjormRelationHolders", constructor, "init", new InitCode(model, refFields, managerFields));
                return type.getConstructor(constructor).newInstance(meta, refFields, managerFields);
            } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
                LOG.debug("No generated relation holders for {}; they are stored through method-handle accessors",
                        model.getName(), e);
            }
        }
        return RelationHolders.byAccessors(meta, refFields, managerFields);
    }

    /** The bytecode of {@code init}: one store per relation field. */
    private static final class InitCode implements ModelPackageAccess.MethodBody {
        private static final String BASE = Type.getInternalName(RelationHolders.class);
        private static final String MODEL = Type.getDescriptor(Model.class);

        private final Class<?> model;
        private final ModelPackageAccess access;
        private final FieldMeta[] refFields;
        private final FieldMeta[] managerFields;

        InitCode(Class<?> model, FieldMeta[] refFields, FieldMeta[] managerFields) {
            this.model = model;
            this.access = new ModelPackageAccess(model);
            this.refFields = refFields;
            this.managerFields = managerFields;
        }

        @Override
        public void write(MethodVisitor mv) {
            for (int i = 0; i < refFields.length; i++) {
                Field target = Accessors.fieldOf(((RefAccessor) refFields[i].accessor()).attribute());
                store(mv, i, target, target != null && target.getType() == Ref.class,
                        "newRef", Type.getDescriptor(Ref.class), "initRefByAccessor");
            }
            for (int i = 0; i < managerFields.length; i++) {
                Field target = Accessors.fieldOf(managerFields[i].accessor());
                store(mv, i, target, target != null && target.getType().isAssignableFrom(ManyRelated.class),
                        "newManager", Type.getDescriptor(ManyRelated.class), "initManagerByAccessor");
            }
            mv.visitInsn(Opcodes.RETURN);
        }

        private void store(MethodVisitor mv, int i, Field target, boolean typed, String make, String madeType,
                           String byAccessor) {
            if (typed && access.reachable(target) && access.visible(target.getType())) {
                mv.visitVarInsn(Opcodes.ALOAD, 1);
                mv.visitTypeInsn(Opcodes.CHECKCAST, Type.getInternalName(model));
                mv.visitVarInsn(Opcodes.ALOAD, 0);
                mv.visitVarInsn(Opcodes.ALOAD, 1);
                mv.visitLdcInsn(i);
                mv.visitMethodInsn(Opcodes.INVOKEVIRTUAL, BASE, make, "(" + MODEL + "I)" + madeType, false);
                mv.visitFieldInsn(Opcodes.PUTFIELD, Type.getInternalName(target.getDeclaringClass()), target.getName(),
                        Type.getDescriptor(target.getType()));
            } else {
                mv.visitVarInsn(Opcodes.ALOAD, 0);
                mv.visitVarInsn(Opcodes.ALOAD, 1);
                mv.visitLdcInsn(i);
                mv.visitMethodInsn(Opcodes.INVOKEVIRTUAL, BASE, byAccessor, "(" + MODEL + "I)V", false);
            }
        }
    }
}
