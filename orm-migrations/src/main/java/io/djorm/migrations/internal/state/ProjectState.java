package io.djorm.migrations.internal.state;

import io.djorm.core.FieldError;
import io.djorm.core.meta.FieldMeta;
import io.djorm.core.meta.ModelMeta;
import io.djorm.core.meta.Relation;
import io.djorm.core.spi.ModelResolver;
import io.djorm.migrations.internal.operations.VectorIndexSpec;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The models as a point in migration history sees them (Django: {@code ProjectState}): one historical
 * {@link ModelMeta} per model, with no Java class, keyed by lower-case label. Operations change it
 * step by step; it resolves relation targets for the schema editor. Mutable; {@link #copy()} before
 * branching.
 */
public final class ProjectState implements ModelResolver {
    private final Map<String, ModelMeta> models = new TreeMap<>();
    /** Vector indexes (orm-vector) per model key; kept beside the models, which have no place for them. */
    private final Map<String, List<VectorIndexSpec>> vectorIndexes = new TreeMap<>();

    /** An empty state (before any migration). */
    public ProjectState() {
    }

    /**
     * The state of live models: each is reduced to what migrations record (no class, no accessors) and
     * relation targets become labels, so that it compares equal to the state rebuilt from files.
     */
    public static ProjectState fromModels(Collection<ModelMeta> live) {
        ProjectState state = new ProjectState();
        for (ModelMeta m : live) {
            if (!m.managed()) continue;
            ModelMeta.Builder b = ModelMeta.builder(m.appLabel(), m.modelName()).dbTable(m.dbTable())
                    .ordering(m.ordering()).managed(m.managed());
            for (FieldMeta f : m.fields()) {
                FieldMeta.Builder fb = f.toBuilder().accessor(null).javaType(null);
                if (f.isRelation()) fb.relation(withTarget(f.relation(), targetLabel(m, f.relation(), live)));
                b.field(fb.build());
            }
            m.indexes().forEach(b::index);
            m.uniqueTogether().forEach(b::uniqueTogether);
            m.constraints().forEach(b::constraint);
            state.put(b.build());
            VectorDeclarations.of(m).forEach(spec -> state.addVectorIndex(m.appLabel(), m.modelName(), spec));
        }
        return state;
    }

    private static String targetLabel(ModelMeta from, Relation r, Collection<ModelMeta> live) {
        String t = r.target();
        if (t.equals("self") || t.equals(from.modelName())) return from.label();
        for (ModelMeta m : live) {
            if (t.equalsIgnoreCase(m.label()) || m.javaClass() != null && t.equals(m.javaClass().getName())) return m.label();
        }
        for (ModelMeta m : live) {
            if (m.appLabel().equals(from.appLabel()) && t.equals(m.modelName())) return m.label();
        }
        return t;
    }

    /** A copy of a relation pointing somewhere else. */
    public static Relation withTarget(Relation r, String target) {
        return new Relation(r.kind(), target, r.onDelete(), r.relatedName(), r.toField(), r.dbConstraint(), r.through());
    }

    /** Adds or replaces a model. */
    public void put(ModelMeta model) {
        models.put(model.labelLower(), model);
    }

    /** Removes a model. */
    public void remove(String app, String modelName) {
        models.remove(key(app, modelName));
        vectorIndexes.remove(key(app, modelName));
    }

    /** The model's vector indexes (AddVectorIndex, {@code @VectorIndexed}), in the order they were added. */
    public List<VectorIndexSpec> vectorIndexes(String app, String modelName) {
        return List.copyOf(vectorIndexes.getOrDefault(key(app, modelName), List.of()));
    }

    /** Records a vector index of the model; one of the same name is replaced. */
    public void addVectorIndex(String app, String modelName, VectorIndexSpec index) {
        List<VectorIndexSpec> list = vectorIndexes.computeIfAbsent(key(app, modelName), k -> new ArrayList<>());
        list.removeIf(i -> i.name().equals(index.name()));
        list.add(index);
    }

    /** Forgets the model's vector index called {@code name}. */
    public void removeVectorIndex(String app, String modelName, String name) {
        List<VectorIndexSpec> list = vectorIndexes.get(key(app, modelName));
        if (list != null) list.removeIf(i -> i.name().equals(name));
    }

    /** Moves the vector indexes to a model's new name (RenameModel). */
    public void renameVectorIndexModel(String app, String oldName, String newName) {
        List<VectorIndexSpec> list = vectorIndexes.remove(key(app, oldName));
        if (list != null) vectorIndexes.put(key(app, newName), list);
    }

    /** Points the model's vector indexes on field {@code oldName} at {@code newName} (RenameField). */
    public void renameVectorIndexField(String app, String modelName, String oldName, String newName) {
        List<VectorIndexSpec> list = vectorIndexes.get(key(app, modelName));
        if (list != null) list.replaceAll(i -> i.field().equals(oldName) ? i.onField(newName) : i);
    }

    /** The model, or null. */
    public ModelMeta find(String app, String modelName) {
        return models.get(key(app, modelName));
    }

    /** The model; raises a clear error when the history has no such model. */
    public ModelMeta get(String app, String modelName) {
        ModelMeta m = find(app, modelName);
        if (m == null) {
            throw new FieldError("The migration history has no model " + app + "." + modelName
                    + "; an earlier migration must create it (check the dependencies).");
        }
        return m;
    }

    @Override
    public ModelMeta resolve(String label) {
        ModelMeta m = models.get(label.toLowerCase(Locale.ROOT));
        if (m == null) {
            throw new FieldError("The migration history has no model " + label + "; add a dependency on the "
                    + "migration that creates it.");
        }
        return m;
    }

    /** Every model, ordered by label. */
    public List<ModelMeta> models() {
        return new ArrayList<>(models.values());
    }

    /** The models of one app, ordered by label. */
    public List<ModelMeta> models(String app) {
        return models.values().stream().filter(m -> m.appLabel().equals(app)).toList();
    }

    /** A deep-enough copy: the models are immutable. */
    public ProjectState copy() {
        ProjectState c = new ProjectState();
        c.models.putAll(models);
        vectorIndexes.forEach((k, v) -> c.vectorIndexes.put(k, new ArrayList<>(v)));
        return c;
    }

    /** Every model that has a relation to {@code label}, for renames. */
    public List<ModelMeta> referrers(String label) {
        return models.values().stream().filter(m -> m.fields().stream()
                .anyMatch(f -> f.isRelation() && f.relation().target().equalsIgnoreCase(label))).toList();
    }

    private static String key(String app, String modelName) {
        return (app + "." + modelName).toLowerCase(Locale.ROOT);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ProjectState p && Objects.equals(fingerprint(), p.fingerprint());
    }

    @Override
    public int hashCode() {
        return fingerprint().hashCode();
    }

    private List<String> fingerprint() {
        List<String> out = new ArrayList<>(models.values().stream().map(m -> ModelCodec.model(m).toString()).toList());
        vectorIndexes.forEach((k, v) -> {
            // options sorted: the spec's map has no fixed order
            v.forEach(i -> out.add(k + " " + i.name() + " " + i.field() + " " + i.metric() + " "
                    + new TreeMap<>(i.options()) + " " + i.ifSupported()));
        });
        return out;
    }
}
