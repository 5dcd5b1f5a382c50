package io.djorm.migrations.internal.state;

import io.djorm.core.meta.FieldMeta;
import io.djorm.core.meta.ModelMeta;
import io.djorm.migrations.internal.operations.VectorIndexSpec;
import io.djorm.vector.VectorIndex;
import io.djorm.vector.VectorIndexed;
import java.util.ArrayList;
import java.util.List;

/**
 * The vector indexes a live model declares with orm-vector's {@code @VectorIndexed}, as migration specs.
 * orm-vector is optional for orm-migrations: without it on the class path no model can declare one.
 */
final class VectorDeclarations {
    private static final boolean PRESENT = present();

    private VectorDeclarations() {
    }

    /** The model's declared vector indexes, in field order; empty for a model without a Java class. */
    static List<VectorIndexSpec> of(ModelMeta model) {
        if (!PRESENT || model.javaClass() == null) return List.of();
        List<VectorIndexSpec> out = new ArrayList<>();
        for (FieldMeta f : model.fields()) {
            VectorIndexed d = VectorIndex.declaration(model.javaClass(), f.name());
            if (d != null) out.add(VectorIndexSpec.of(VectorIndex.declared(model, f.name()), f.name(), d.ifSupported()));
        }
        return out;
    }

    private static boolean present() {
        try {
            Class.forName("io.djorm.vector.VectorIndexed", false, VectorDeclarations.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }
}
