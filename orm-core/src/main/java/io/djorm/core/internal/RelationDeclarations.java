package io.djorm.core.internal;

import io.djorm.core.OnDelete;
import io.djorm.core.FieldError;
import io.djorm.core.ManyRelated;
import io.djorm.core.Model;
import io.djorm.core.Ref;
import io.djorm.core.fields.ForeignKey;
import io.djorm.core.fields.ManyToManyField;
import io.djorm.core.fields.OneToOneField;
import io.djorm.core.meta.FieldAccessor;
import io.djorm.core.meta.Relation;
import java.lang.annotation.Annotation;
import java.lang.reflect.Field;

/** Reads the relation annotations of a model field into a {@link Relation}, with the target as a label. */
final class RelationDeclarations {
    private RelationDeclarations() {
    }

    /** The relation a field declares, or null for a plain field. */
    static Relation read(Field f, Annotation declaration, String ownerLabel) {
        if (declaration instanceof ForeignKey fk) {
            requireType(f, Ref.class, "Ref");
            return new Relation(Relation.Kind.MANY_TO_ONE, target(f, fk.to(), fk.toLabel(), ownerLabel), fk.onDelete(),
                    fk.relatedName(), fk.toField(), fk.dbConstraint(), "");
        }
        if (declaration instanceof OneToOneField one) {
            requireType(f, Ref.class, "Ref");
            return new Relation(Relation.Kind.ONE_TO_ONE, target(f, one.to(), one.toLabel(), ownerLabel), one.onDelete(),
                    one.relatedName(), one.toField(), one.dbConstraint(), "");
        }
        if (declaration instanceof ManyToManyField m2m) {
            requireType(f, ManyRelated.class, "ManyRelated");
            String through = m2m.through() != Model.class ? Relations.labelOf(m2m.through())
                    : m2m.throughLabel().isEmpty() ? "" : label(m2m.throughLabel(), ownerLabel);
            if (m2m.through() != Model.class) Relations.remember(through, m2m.through());
            return new Relation(Relation.Kind.MANY_TO_MANY, target(f, m2m.to(), m2m.toLabel(), ownerLabel),
                    OnDelete.CASCADE, m2m.relatedName(), "", true, through);
        }
        return null;
    }

    /** The accessor of the field: foreign keys read and write the raw key inside their holder. */
    static FieldAccessor accessor(Field f, Relation relation) {
        FieldAccessor attribute = Accessors.forField(f);
        if (relation == null || relation.kind() == Relation.Kind.MANY_TO_MANY) return attribute;
        return new RefAccessor(attribute, f.getName());
    }

    private static String target(Field f, Class<? extends Model> to, String toLabel, String ownerLabel) {
        boolean byClass = to != Model.class;
        if (byClass == !toLabel.isEmpty()) {
            throw new FieldError("Relation " + f.getDeclaringClass().getSimpleName() + "." + f.getName()
                    + " must name its target once: either to = SomeModel.class or toLabel = \"app.Model\" / \"self\".");
        }
        if (byClass) {
            String label = Relations.labelOf(to);
            Relations.remember(label, to);
            return label;
        }
        return label(toLabel, ownerLabel);
    }

    /** {@code "self"} → the owner; {@code "Model"} → the owner's app; {@code "app.Model"} as is. */
    private static String label(String name, String ownerLabel) {
        if (name.equals("self")) return ownerLabel;
        if (!name.contains(".")) return ownerLabel.substring(0, ownerLabel.indexOf('.') + 1) + name;
        return name;
    }

    private static void requireType(Field f, Class<?> holder, String name) {
        if (f.getType() != holder) {
            throw new FieldError("Relation " + f.getDeclaringClass().getSimpleName() + "." + f.getName() + " must be declared as "
                    + name + "<Target>, not " + f.getType().getSimpleName() + ".");
        }
    }
}
