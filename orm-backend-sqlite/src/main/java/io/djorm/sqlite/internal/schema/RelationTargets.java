package io.djorm.sqlite.internal.schema;

import io.djorm.core.meta.FieldMeta;
import io.djorm.core.meta.ModelMeta;
import io.djorm.core.meta.Relation;
import io.djorm.core.spi.ModelResolver;
import java.util.List;

/**
 * Finds the model a relation points at. {@code "self"}, the model's own label and its bare name mean
 * the model itself (which may not be registered yet while it is being created); models passed as
 * {@code local} (a join table's owner) win over the resolver; everything else goes to the resolver.
 */
final class RelationTargets {
    private final ModelResolver resolver;

    RelationTargets(ModelResolver resolver) {
        this.resolver = resolver;
    }

    ModelMeta target(ModelMeta from, Relation relation, List<ModelMeta> local) {
        String target = relation.target();
        if (target.equals("self") || target.equalsIgnoreCase(from.label()) || target.equals(from.modelName())) {
            return from;
        }
        for (ModelMeta m : local) {
            if (target.equalsIgnoreCase(m.label())) return m;
        }
        if (resolver == null) {
            throw new io.djorm.core.FieldError("Cannot resolve the relation target '" + target + "' of "
                    + from.label() + ": this schema editor was created without a model resolver.");
        }
        return resolver.resolve(target);
    }

    /** The field on the target that a relation refers to: its {@code toField}, or the primary key. */
    FieldMeta targetField(ModelMeta from, FieldMeta field, List<ModelMeta> local) {
        ModelMeta target = target(from, field.relation(), local);
        String toField = field.relation().toField();
        FieldMeta referenced = toField == null || toField.isEmpty() ? target.pk() : target.field(toField);
        if (referenced == null) {
            throw new io.djorm.core.FieldError("The relation '" + field.name() + "' of " + from.label()
                    + " points at " + target.label() + ", which has no primary key.");
        }
        return referenced;
    }
}
