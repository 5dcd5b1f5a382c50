package io.djorm.core.internal;

import io.djorm.core.Djorm;
import io.djorm.core.Model;
import io.djorm.core.Q;
import io.djorm.core.QuerySet;
import io.djorm.core.ValidationError;
import io.djorm.core.meta.ConstraintMeta;
import io.djorm.core.meta.FieldMeta;
import io.djorm.core.meta.ModelMeta;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** {@code fullClean()}: field checks, the model's clean(), and uniqueness (Django: {@code full_clean}). */
public final class Validation {
    private Validation() {
    }

    /** Validates everything and raises one ValidationError listing every problem. */
    public static void fullClean(Model m, Set<String> exclude) {
        Map<String, List<String>> errors = new LinkedHashMap<>();
        ModelMeta meta = m.meta();
        for (FieldMeta f : meta.concreteFields()) {
            if (exclude.contains(f.name()) || f.autoCreated() || !f.editable()) continue;
            List<String> messages = new ArrayList<>();
            Object raw = f.accessor().get(m);
            Object v;
            try {
                v = f.type().coerce(raw, f);
            } catch (ValidationError e) {
                errors.put(f.name(), e.errors().getOrDefault(f.name(), List.of(e.getMessage())));
                continue;
            }
            if (v == null) {
                if (!f.nullable() && !(f.primaryKey() && f.type().isAutoIncrement())) messages.add("This field cannot be null.");
            } else {
                if (!f.blank() && isEmpty(v)) messages.add("This field cannot be blank.");
                if (!f.choices().isEmpty() && !isEmpty(v) && f.choices().stream().noneMatch(c -> c.value().equals(v))) {
                    messages.add("Value " + quoted(v) + " is not a valid choice.");
                }
                f.type().validate(v, f, messages);
            }
            if (!messages.isEmpty()) errors.put(f.name(), messages);
        }
        try {
            m.clean();
        } catch (ValidationError e) {
            e.errors().forEach((k, v) -> errors.computeIfAbsent(k, x -> new ArrayList<>()).addAll(v));
        }
        if (errors.isEmpty()) {
            try {
                validateUnique(m, exclude);
            } catch (ValidationError e) {
                errors.putAll(e.errors());
            }
        }
        if (!errors.isEmpty()) throw new ValidationError(errors);
    }

    private static boolean isEmpty(Object v) {
        return v instanceof String s && s.isEmpty()
                || v instanceof java.util.Collection<?> c && c.isEmpty()
                || v instanceof Map<?, ?> mm && mm.isEmpty();
    }

    private static String quoted(Object v) {
        return v instanceof String s ? "'" + s + "'" : String.valueOf(v);
    }

    /** Checks unique fields, unique-together sets and UNIQUE constraints against the database. */
    public static void validateUnique(Model m, Set<String> exclude) {
        ModelMeta meta = m.meta();
        Map<String, List<String>> errors = new LinkedHashMap<>();
        String alias = m.db() != null ? m.db() : Djorm.DEFAULT_DB_ALIAS;
        for (FieldMeta f : meta.concreteFields()) {
            if (!f.unique() || exclude.contains(f.name()) || (f.primaryKey() && m.pk() == null)) continue;
            Object v = f.accessor().get(m);
            if (v == null) continue;
            if (taken(m, alias, List.of(f))) {
                errors.computeIfAbsent(f.name(), k -> new ArrayList<>()).add(meta.modelName() + " with this "
                        + f.name() + " already exists.");
            }
        }
        List<List<String>> sets = new ArrayList<>(meta.uniqueTogether());
        for (ConstraintMeta c : meta.constraints()) if (c.kind() == ConstraintMeta.Kind.UNIQUE) sets.add(c.fields());
        for (List<String> names : sets) {
            if (names.stream().anyMatch(exclude::contains)) continue;
            List<FieldMeta> fields = names.stream().map(meta::field).toList();
            if (fields.stream().anyMatch(f -> f.accessor().get(m) == null)) continue;
            if (taken(m, alias, fields)) {
                errors.computeIfAbsent(ValidationError.NON_FIELD_ERRORS, k -> new ArrayList<>()).add(meta.modelName()
                        + " with this " + String.join(" and ", names) + " already exists.");
            }
        }
        if (!errors.isEmpty()) throw new ValidationError(errors);
    }

    @SuppressWarnings("unchecked")
    private static boolean taken(Model m, String alias, List<FieldMeta> fields) {
        QuerySet<Model> qs = (QuerySet<Model>) QuerySet.of(m.getClass()).using(alias);
        Q q = Q.all();
        for (FieldMeta f : fields) q = q.and(Q.of(f.name(), f.accessor().get(m)));
        qs = qs.filter(q);
        if (m.pk() != null) qs = qs.exclude(Q.of("pk", m.pk()));
        return qs.exists();
    }
}
