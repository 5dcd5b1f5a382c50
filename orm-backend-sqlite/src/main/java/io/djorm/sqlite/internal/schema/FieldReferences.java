package io.djorm.sqlite.internal.schema;

import io.djorm.core.meta.ConstraintMeta;
import io.djorm.core.meta.IndexMeta;
import io.djorm.core.meta.ModelMeta;
import java.util.List;

/** Rewrites the field names that a model's indexes, unique-together sets and constraints mention. */
final class FieldReferences {
    private FieldReferences() {
    }

    /** Replaces {@code from} by {@code to} in every option of the model under construction. */
    static void rename(ModelMeta.Builder b, String from, String to) {
        b.indexes().replaceAll(i -> new IndexMeta(i.name(), names(i.fields(), from, to), i.unique()));
        b.uniqueTogetherSets().replaceAll(s -> names(s, from, to));
        b.constraints().replaceAll(c -> new ConstraintMeta(c.name(), c.kind(),
                c.fields() == null ? List.of() : names(c.fields(), from, to),
                c.conditions() == null ? List.of() : c.conditions().stream().map(x -> condition(x, from, to)).toList()));
    }

    private static List<String> names(List<String> names, String from, String to) {
        return names.stream().map(n -> n.equals(from) ? to : n.equals("-" + from) ? "-" + to : n).toList();
    }

    private static String condition(String condition, String from, String to) {
        if (condition.startsWith(from + "__") || condition.startsWith(from + "=")) return to + condition.substring(from.length());
        return condition;
    }
}
