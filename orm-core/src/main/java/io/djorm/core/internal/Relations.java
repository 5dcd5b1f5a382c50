package io.djorm.core.internal;

import io.djorm.core.OnDelete;
import io.djorm.core.Apps;
import io.djorm.core.Djorm;
import io.djorm.core.FieldError;
import io.djorm.core.internal.fields.ForeignKeyType;
import io.djorm.core.meta.FieldMeta;
import io.djorm.core.meta.ModelMeta;
import io.djorm.core.meta.Relation;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Facts about relations that need more than one model: the model a relation points at, the reverse
 * relations of a model (Django: {@code _meta.related_objects}) and many-to-many join tables.
 */
public final class Relations {
    /** Model classes by lower-case label, recorded as their metadata is built, so targets resolve without a registry. */
    private static final Map<String, Class<?>> CLASSES = new ConcurrentHashMap<>();
    private static final Map<String, JoinTable> JOIN_TABLES = new ConcurrentHashMap<>();
    private static final Map<String, FieldMeta> KEY_FIELDS = new ConcurrentHashMap<>();
    private static volatile ReverseIndex reverseIndex;

    private Relations() {
    }

    /**
     * A relation seen from the model it points at.
     *
     * @param source the model declaring the relation field
     * @param field the relation field
     */
    public record Reverse(ModelMeta source, FieldMeta field) {
        /** The accessor name: the related name, or {@code <model>_set} ({@code <model>} for one-to-one). */
        public String accessorName() {
            String related = field.relation().relatedName();
            if (!related.isEmpty()) return related;
            String model = source.modelName().toLowerCase(Locale.ROOT);
            return field.relation().kind() == Relation.Kind.ONE_TO_ONE ? model : model + "_set";
        }

        /** The name lookups use: the related name, or the model name in lower case. */
        public String queryName() {
            String related = field.relation().relatedName();
            String model = source.modelName().toLowerCase(Locale.ROOT);
            if (related.endsWith("+")) return "_" + model + "_" + field.name() + "+"; // hidden, for internal use
            return related.isEmpty() ? model : related;
        }

        /** Whether many source rows can point at one target row. */
        public boolean multiValued() {
            return field.relation().kind() != Relation.Kind.ONE_TO_ONE;
        }

        /** Whether the relation is many-to-many. */
        public boolean manyToMany() {
            return field.relation().kind() == Relation.Kind.MANY_TO_MANY;
        }
    }

    /**
     * The rows joining two sides of a many-to-many relation.
     *
     * @param table the join model: an automatic one, or the {@code through} model
     * @param sourceKey the key column pointing at the model that declares the field
     * @param targetKey the key column pointing at the target
     * @param label the label deletes report ({@code "shop.Book_tags"} for an automatic table)
     * @param automatic whether the table is automatic (no model class)
     */
    public record JoinTable(ModelMeta table, FieldMeta sourceKey, FieldMeta targetKey, String label, boolean automatic) {
    }

    /** Records a model class under its label, as its metadata is built. */
    static void remember(String label, Class<?> cls) {
        CLASSES.put(label.toLowerCase(Locale.ROOT), cls);
    }

    /** The label of a model class without building its metadata (relations may form cycles). */
    static String labelOf(Class<?> cls) {
        io.djorm.core.Meta meta = cls.getAnnotation(io.djorm.core.Meta.class);
        String app = meta != null && !meta.appLabel().isEmpty() ? meta.appLabel() : ModelMetaFactory.defaultAppLabel(cls);
        return app + "." + cls.getSimpleName();
    }

    /** The model with this label: a class seen before, else the registry's. */
    public static ModelMeta model(String label) {
        Class<?> cls = CLASSES.get(label.toLowerCase(Locale.ROOT));
        if (cls != null) return Apps.meta(cls);
        return Djorm.apps().model(label);
    }

    /** The model a relation field points at (resolved on first use, then kept on the field). */
    public static ModelMeta target(FieldMeta field) {
        ModelMeta cached = RelationTargets.kept(field);
        if (cached != null) return cached;
        ModelMeta target = model(field.relation().target());
        RelationTargets.keep(field, target);
        return target;
    }

    /** The target field a foreign key refers to: its {@code toField}, else the target's primary key. */
    public static FieldMeta targetKey(FieldMeta field) {
        return targetKey(field, target(field));
    }

    /** {@link #targetKey(FieldMeta)} when the caller already holds the field's {@link #target}. */
    public static FieldMeta targetKey(FieldMeta field, ModelMeta target) {
        String toField = field.relation().toField();
        return toField == null || toField.isEmpty() ? target.pk() : target.field(toField);
    }

    // ---- reverse relations ---------------------------------------------------------------------

    /** Every relation of a registered model that points at this model (many-to-many included). */
    public static List<Reverse> reverseOf(ModelMeta target) {
        return index().of(target);
    }

    /** The reverse relation whose lookup name is {@code name}, or null. */
    public static Reverse byQueryName(ModelMeta target, String name) {
        for (Reverse r : reverseOf(target)) if (r.queryName().equals(name)) return r;
        return null;
    }

    /** The reverse relation whose accessor name is {@code name}; FieldError listing the names when none. */
    public static Reverse byAccessorName(ModelMeta target, String name) {
        List<String> names = new ArrayList<>();
        for (Reverse r : reverseOf(target)) {
            if (isHidden(r)) continue;
            if (r.accessorName().equals(name)) return r;
            names.add(r.accessorName());
        }
        throw new FieldError(target.label() + " has no reverse relation named '" + name + "'. Reverse relations: "
                + (names.isEmpty() ? "none" : String.join(", ", names.stream().sorted().toList()))
                + ". Set relatedName on the ForeignKey/ManyToManyField that points at " + target.modelName()
                + ", and make sure its model is registered (INSTALLED_APPS).");
    }

    /** The lookup names of a model's reverse relations, for error messages. */
    public static List<String> queryNames(ModelMeta target) {
        return reverseOf(target).stream().filter(r -> !isHidden(r)).map(Reverse::queryName).sorted().toList();
    }

    private static boolean isHidden(Reverse r) {
        return r.field.relation().relatedName().endsWith("+");
    }

    private static ReverseIndex index() {
        Apps apps = Djorm.apps();
        ReverseIndex current = reverseIndex;
        int size = apps.modelCount();
        if (current == null || current.apps != apps || current.size != size) {
            current = new ReverseIndex(apps, size);
            reverseIndex = current;
        }
        return current;
    }

    /** Reverse relations per target label, for one state of the registry. */
    private static final class ReverseIndex {
        private final Apps apps;
        private final int size;
        private final Map<String, List<Reverse>> byTarget = new ConcurrentHashMap<>();

        ReverseIndex(Apps apps, int size) {
            this.apps = apps;
            this.size = size;
        }

        List<Reverse> of(ModelMeta target) {
            return byTarget.computeIfAbsent(target.labelLower(), k -> {
                List<Reverse> out = new ArrayList<>();
                for (ModelMeta m : apps.models()) {
                    for (FieldMeta f : m.fields()) {
                        if (f.isRelation() && f.relation().target().equalsIgnoreCase(target.label())) out.add(new Reverse(m, f));
                    }
                }
                return List.copyOf(out);
            });
        }
    }

    // ---- many-to-many tables -------------------------------------------------------------------

    /** The join table of a many-to-many field declared on {@code owner}. */
    public static JoinTable joinTable(ModelMeta owner, FieldMeta field) {
        return JOIN_TABLES.computeIfAbsent(owner.labelLower() + "." + field.name(), k -> buildJoinTable(owner, field));
    }

    private static JoinTable buildJoinTable(ModelMeta owner, FieldMeta field) {
        ModelMeta target = target(field);
        String through = field.relation().through();
        if (through != null && !through.isEmpty()) {
            ModelMeta table = model(through);
            FieldMeta sourceKey = null;
            FieldMeta targetKey = null;
            boolean self = owner.label().equalsIgnoreCase(target.label());
            for (FieldMeta f : table.fields()) {
                if (!f.isRelation() || f.relation().kind() == Relation.Kind.MANY_TO_MANY) continue;
                String t = f.relation().target();
                if (t.equalsIgnoreCase(owner.label()) && sourceKey == null) sourceKey = f;
                else if (t.equalsIgnoreCase(target.label()) && (targetKey == null || self)) targetKey = f;
            }
            if (sourceKey == null || targetKey == null) {
                throw new FieldError("The through model " + table.label() + " of " + owner.label() + "." + field.name()
                        + " needs a ForeignKey to " + owner.label() + " and one to " + target.label() + ".");
            }
            return new JoinTable(table, sourceKey, targetKey, table.label(), false);
        }
        List<String> keys = JoinTableNames.keyNames(owner.modelName(), target.modelName());
        FieldMeta id = FieldMeta.builder("id", ModelMetaFactory.type(io.djorm.core.internal.fields.AutoType.class))
                .javaType(Long.class).primaryKey(true).autoCreated(true).build();
        FieldMeta sourceKey = joinKey(keys.get(0), owner.label());
        FieldMeta targetKey = joinKey(keys.get(1), target.label());
        ModelMeta table = ModelMeta.builder(owner.appLabel(), JoinTableNames.modelName(owner.modelName(), field.name()))
                .dbTable(JoinTableNames.table(owner.dbTable(), field.name()))
                .field(id).field(sourceKey).field(targetKey)
                .build();
        return new JoinTable(table, sourceKey, targetKey, owner.label() + "_" + field.name(), true);
    }

    private static FieldMeta joinKey(String name, String targetLabel) {
        Relation relation = new Relation(Relation.Kind.MANY_TO_ONE, targetLabel, OnDelete.CASCADE, "+", "",
                true, "");
        return FieldMeta.builder(name, ModelMetaFactory.type(ForeignKeyType.class)).relation(relation).build();
    }

    /** A key column that refers to {@code target}'s primary key: the typed column of a reverse lookup. */
    public static FieldMeta keyField(String column, ModelMeta target) {
        return KEY_FIELDS.computeIfAbsent(target.labelLower() + "|" + column, k -> {
            Relation relation = new Relation(Relation.Kind.MANY_TO_ONE, target.label(), OnDelete.DO_NOTHING, "+",
                    "", false, "");
            return FieldMeta.builder(column, ModelMetaFactory.type(ForeignKeyType.class)).column(column)
                    .relation(relation).build();
        });
    }
}
