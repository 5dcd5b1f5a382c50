package io.djorm.core.internal;

import io.djorm.core.CheckConstraint;
import io.djorm.core.FieldError;
import io.djorm.core.Index;
import io.djorm.core.Meta;
import io.djorm.core.Model;
import io.djorm.core.UniqueConstraint;
import io.djorm.core.UniqueTogether;
import io.djorm.core.fields.FieldDefaults;
import io.djorm.core.fields.FieldKind;
import io.djorm.core.internal.fields.Annotations;
import io.djorm.core.internal.fields.AutoType;
import io.djorm.core.internal.fields.JsonType;
import io.djorm.core.meta.ConstraintMeta;
import io.djorm.core.meta.FieldMeta;
import io.djorm.core.meta.FieldType;
import io.djorm.core.meta.IndexMeta;
import io.djorm.core.meta.ModelMeta;
import java.lang.annotation.Annotation;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ConcurrentHashMap;

/** Reads a model class's annotations into a {@link ModelMeta}. */
public final class ModelMetaFactory {
    private static final ConcurrentHashMap<Class<? extends FieldType>, FieldType> TYPES = new ConcurrentHashMap<>();

    private ModelMetaFactory() {
    }

    /** Builds the metadata of a concrete model class. */
    public static ModelMeta build(Class<?> cls) {
        if (!Model.class.isAssignableFrom(cls) || cls == Model.class) {
            throw new FieldError(cls.getName() + " is not a model: a model class extends io.djorm.core.Model.");
        }
        if (Modifier.isAbstract(cls.getModifiers())) {
            throw new FieldError(cls.getName() + " is abstract: abstract models have no table and cannot be queried; "
                    + "query one of its concrete subclasses.");
        }
        Meta meta = cls.getAnnotation(Meta.class);
        String appLabel = meta != null && !meta.appLabel().isEmpty() ? meta.appLabel() : defaultAppLabel(cls);
        ModelMeta.Builder b = ModelMeta.builder(appLabel, cls.getSimpleName());
        Relations.remember(appLabel + "." + cls.getSimpleName(), cls);
        b.javaClass(cls, Accessors.instantiator(cls));
        if (meta != null) {
            b.dbTable(meta.dbTable()).managed(meta.managed());
        }
        List<FieldMeta> declared = new java.util.ArrayList<>();
        for (Class<?> c : hierarchy(cls)) {
            for (Field f : c.getDeclaredFields()) {
                Annotation declaration = fieldDeclaration(f);
                if (declaration != null) declared.add(buildField(f, declaration, appLabel + "." + cls.getSimpleName()));
            }
        }
        if (declared.stream().noneMatch(FieldMeta::primaryKey)) {
            b.field(implicitId());
        }
        declared.forEach(b::field);
        Meta options = nearestMeta(cls);
        if (options != null) readOptions(b, options, cls);
        return b.build();
    }

    /** The app label of a class: the last segment of its package ({@code com.example.shop} → {@code shop}). */
    public static String defaultAppLabel(Class<?> cls) {
        String pkg = cls.getPackageName();
        String last = pkg.substring(pkg.lastIndexOf('.') + 1);
        return last.isEmpty() ? "default" : last.toLowerCase(Locale.ROOT);
    }

    private static Meta nearestMeta(Class<?> cls) {
        for (Class<?> c = cls; c != null && c != Model.class; c = c.getSuperclass()) {
            Meta m = c.getAnnotation(Meta.class);
            if (m != null) return m;
        }
        return null;
    }

    /** The columns of index fields, a descending one keeping its {@code -}; an unknown field is left to the checks. */
    private static List<String> columns(ModelMeta model, String[] fields) {
        List<String> out = new java.util.ArrayList<>();
        for (String f : fields) {
            boolean descending = f.startsWith("-");
            FieldMeta field = model.findField(descending ? f.substring(1) : f);
            String column = field != null ? field.column() : descending ? f.substring(1) : f;
            out.add(descending ? "-" + column : column);
        }
        return out;
    }

    private static void readOptions(ModelMeta.Builder b, Meta meta, Class<?> cls) {
        b.ordering(Arrays.asList(meta.ordering()));
        ModelMeta declared = b.build();
        for (Index index : meta.indexes()) {
            String name = index.name().isEmpty() ? Names.index(declared.dbTable(), columns(declared, index.fields()), "idx")
                    : index.name();
            b.index(new IndexMeta(name, List.of(index.fields()), false));
        }
        for (UniqueTogether together : meta.uniqueTogether()) b.uniqueTogether(List.of(together.value()));
        for (CheckConstraint check : meta.checks()) {
            b.constraint(new ConstraintMeta(check.name(), ConstraintMeta.Kind.CHECK, List.of(), List.of(check.check())));
        }
        for (UniqueConstraint unique : meta.uniqueConstraints()) {
            b.constraint(new ConstraintMeta(unique.name(), ConstraintMeta.Kind.UNIQUE, List.of(unique.fields()), List.of()));
        }
        ModelMeta built = b.build();
        for (String order : meta.ordering()) {
            String name = order.startsWith("-") ? order.substring(1) : order;
            if (!name.equals("?") && !name.equals("pk") && !name.contains("__") && built.findField(name) == null) {
                throw new FieldError(cls.getSimpleName() + ": @Meta(ordering) refers to '" + name
                        + "', which is not a field. Choices are: " + String.join(", ", built.fieldNames()) + ".");
            }
        }
        for (List<String> fields : built.uniqueTogether()) fields.forEach(built::field);
        for (IndexMeta index : built.indexes()) index.fields().forEach(f -> built.field(f.startsWith("-") ? f.substring(1) : f));
    }

    private static Deque<Class<?>> hierarchy(Class<?> cls) {
        Deque<Class<?>> chain = new ArrayDeque<>();
        for (Class<?> c = cls; c != null && c != Model.class; c = c.getSuperclass()) {
            if (c != cls && !Modifier.isAbstract(c.getModifiers()) && hasFields(c)) {
                throw new FieldError(cls.getName() + " extends the concrete model " + c.getName()
                        + "; multi-table inheritance is not supported. Make " + c.getSimpleName()
                        + " abstract to inherit its fields.");
            }
            chain.addFirst(c);
        }
        return chain;
    }

    private static boolean hasFields(Class<?> c) {
        return Arrays.stream(c.getDeclaredFields()).anyMatch(f -> fieldDeclaration(f) != null);
    }

    /** The field annotation on a Java field, or null for a plain attribute. */
    public static Annotation fieldDeclaration(Field f) {
        Annotation found = null;
        for (Annotation a : f.getAnnotations()) {
            if (a.annotationType().isAnnotationPresent(FieldKind.class)) {
                if (found != null) {
                    throw new FieldError("Field " + f.getDeclaringClass().getSimpleName() + "." + f.getName()
                            + " has two field annotations (" + found.annotationType().getSimpleName() + ", "
                            + a.annotationType().getSimpleName() + "); keep one.");
                }
                found = a;
            }
        }
        if (found != null && Modifier.isStatic(f.getModifiers())) {
            throw new FieldError("Field " + f.getDeclaringClass().getSimpleName() + "." + f.getName()
                    + " is static; model fields must be instance fields.");
        }
        return found;
    }

    /** The shared instance of a field type class. */
    public static FieldType type(Class<? extends FieldType> typeClass) {
        return TYPES.computeIfAbsent(typeClass, t -> {
            try {
                return t.getDeclaredConstructor().newInstance();
            } catch (ReflectiveOperationException e) {
                throw new io.djorm.core.ImproperlyConfigured("The field type " + t.getName() + " needs a public"
                        + " no-argument constructor so that djorm can create it.", e);
            }
        });
    }

    private static FieldMeta buildField(Field f, Annotation declaration, String ownerLabel) {
        FieldType type = type(declaration.annotationType().getAnnotation(FieldKind.class).value());
        var relation = RelationDeclarations.read(f, declaration, ownerLabel);
        FieldMeta.Builder b = FieldMeta.builder(f.getName(), type)
                .javaType(f.getType())
                .relation(relation)
                .accessor(RelationDeclarations.accessor(f, relation))
                .column(Annotations.string(declaration, "dbColumn"))
                .nullable(Annotations.flag(declaration, "nullable"))
                .blank(Annotations.flag(declaration, "blank"))
                .unique(Annotations.flag(declaration, "unique"))
                .dbIndex(Annotations.flag(declaration, "dbIndex"))
                .primaryKey(Annotations.flag(declaration, "primaryKey"))
                .editable(Annotations.attribute(declaration, "editable") == null || Annotations.flag(declaration, "editable"));
        String help = Annotations.string(declaration, "helpText");
        if (help != null) b.helpText(help);
        if (type instanceof JsonType) b.param(JsonType.GENERIC_TYPE, f.getGenericType());
        type.configure(b, declaration);
        FieldMeta partial = b.build();
        String defaultText = Annotations.string(declaration, "defaultValue");
        if (defaultText != null && !FieldDefaults.NONE.equals(defaultText)) {
            b.defaultValue(type.parseDefault(defaultText, partial), defaultText);
        }
        Object choices = Annotations.attribute(declaration, "choices");
        if (choices instanceof String[] list) {
            for (String choice : list) {
                int eq = choice.indexOf('=');
                String value = eq < 0 ? choice : choice.substring(0, eq);
                String label = eq < 0 ? choice : choice.substring(eq + 1);
                b.choice(type.coerce(value, partial), label);
            }
        }
        return b.build();
    }

    private static FieldMeta implicitId() {
        return FieldMeta.builder("id", type(AutoType.class))
                .javaType(Long.class)
                .primaryKey(true)
                .autoCreated(true)
                .accessor(Model.implicitPkAccessor())
                .build();
    }
}
