package io.djorm.core;

import io.djorm.core.expressions.Expression;
import io.djorm.core.internal.DatabaseHandle;
import io.djorm.core.internal.QueryExecution;
import io.djorm.core.meta.ModelMeta;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The gateway to a model's rows (Django: {@code Manager}, {@code Book.objects}). Give each model a
 * static accessor:
 *
 * <pre>{@code
 * public static Manager<Book> objects() { return Manager.of(Book.class); }
 * }</pre>
 *
 * Every QuerySet method has a twin here that starts from {@link #getQuerySet()}. Subclass to change
 * the starting queryset (Django: a custom manager overriding {@code get_queryset}).
 *
 * @param <T> the model
 */
public class Manager<T extends Model> {
    private static final ClassValue<Manager<?>> DEFAULTS = new ClassValue<>() {
        @Override
        @SuppressWarnings({"unchecked", "rawtypes"})
        protected Manager<?> computeValue(Class<?> type) {
            return new Manager(type);
        }
    };
    private final Class<T> model;
    /** The model's metadata under one configuration, for get(pk=...): looking it up showed in the profile of a get. */
    private volatile Registered registered;

    /** The model's metadata, and the default alias's handle once a get by primary key needed it. */
    private record Registered(Object configuration, ModelMeta meta, DatabaseHandle defaultHandle) {
    }

    /** A manager for a model class. */
    protected Manager(Class<T> model) {
        this.model = model;
    }

    /** The default manager of a model (one shared instance per class). */
    @SuppressWarnings("unchecked")
    public static <T extends Model> Manager<T> of(Class<T> model) {
        return (Manager<T>) DEFAULTS.get(model);
    }

    /** The model class. */
    public Class<T> model() {
        return model;
    }

    /** The queryset every other method starts from. */
    public QuerySet<T> getQuerySet() {
        return QuerySet.of(model);
    }

    /** Every row. */
    public QuerySet<T> all() { return getQuerySet(); }

    /** See {@link QuerySet#filter(String, Object, Object...)}. */
    public QuerySet<T> filter(String lookup, Object value, Object... more) {
        // The default manager's queryset is of(model): filter it in place rather than filter a copy of it.
        if (getClass() == Manager.class) return QuerySet.filtered(model, Q.pairs("filter", lookup, value, more));
        return getQuerySet().filter(lookup, value, more);
    }

    /** See {@link QuerySet#filter(Q)}. */
    public QuerySet<T> filter(Q condition) { return getQuerySet().filter(condition); }

    /** See {@link QuerySet#filter(Map)}. */
    public QuerySet<T> filter(Map<String, ?> lookups) { return getQuerySet().filter(lookups); }

    /** See {@link QuerySet#exclude(String, Object, Object...)}. */
    public QuerySet<T> exclude(String lookup, Object value, Object... more) { return getQuerySet().exclude(lookup, value, more); }

    /** See {@link QuerySet#exclude(Q)}. */
    public QuerySet<T> exclude(Q condition) { return getQuerySet().exclude(condition); }

    /** See {@link QuerySet#orderBy(Object...)}. */
    public QuerySet<T> orderBy(Object... terms) { return getQuerySet().orderBy(terms); }

    /** See {@link QuerySet#none()}. */
    public QuerySet<T> none() { return getQuerySet().none(); }

    /** See {@link QuerySet#using(String)}. */
    public QuerySet<T> using(String alias) { return getQuerySet().using(alias); }

    /** See {@link QuerySet#only(String...)}. */
    public QuerySet<T> only(String... fields) { return getQuerySet().only(fields); }

    /** See {@link QuerySet#defer(String...)}. */
    public QuerySet<T> defer(String... fields) { return getQuerySet().defer(fields); }

    /** See {@link QuerySet#selectRelated(String...)}. */
    public QuerySet<T> selectRelated(String... paths) { return getQuerySet().selectRelated(paths); }

    /** See {@link QuerySet#prefetchRelated(String...)}. */
    public QuerySet<T> prefetchRelated(String... paths) { return getQuerySet().prefetchRelated(paths); }

    /** See {@link QuerySet#prefetchRelated(Prefetch...)}. */
    public QuerySet<T> prefetchRelated(Prefetch... lookups) { return getQuerySet().prefetchRelated(lookups); }

    /** See {@link QuerySet#distinct()}. */
    public QuerySet<T> distinct() { return getQuerySet().distinct(); }

    /** See {@link QuerySet#annotate(String, Expression)}. */
    public QuerySet<T> annotate(String name, Expression expression) { return getQuerySet().annotate(name, expression); }

    /** See {@link QuerySet#annotate(Map)}. */
    public QuerySet<T> annotate(Map<String, ? extends Expression> expressions) { return getQuerySet().annotate(expressions); }

    /** See {@link QuerySet#filter(Expression)}. */
    public QuerySet<T> filter(Expression condition) { return getQuerySet().filter(condition); }

    /** See {@link QuerySet#exclude(Expression)}. */
    public QuerySet<T> exclude(Expression condition) { return getQuerySet().exclude(condition); }

    /** See {@link QuerySet#aggregate(Map)}. */
    public Map<String, Object> aggregate(Map<String, ? extends Expression> aggregates) { return getQuerySet().aggregate(aggregates); }

    /** See {@link QuerySet#aggregate(String, Expression, Object...)}. */
    public Map<String, Object> aggregate(String name, Expression aggregate, Object... more) { return getQuerySet().aggregate(name, aggregate, more); }

    /** See {@link QuerySet#aggregate(io.djorm.core.expressions.Aggregate...)}. */
    public Map<String, Object> aggregate(io.djorm.core.expressions.Aggregate... aggregates) { return getQuerySet().aggregate(aggregates); }

    /** See {@link QuerySet#values(String...)}. */
    public QuerySet<Map<String, Object>> values(String... fields) { return getQuerySet().values(fields); }

    /** See {@link QuerySet#valuesList(String...)}. */
    public QuerySet<List<Object>> valuesList(String... fields) { return getQuerySet().valuesList(fields); }

    /** See {@link QuerySet#valuesListFlat(String, Class)}. */
    public <V> QuerySet<V> valuesListFlat(String field, Class<V> type) { return getQuerySet().valuesListFlat(field, type); }

    /** See {@link QuerySet#get(String, Object, Object...)}. */
    public T get(String lookup, Object value, Object... more) {
        if (more.length == 0 && getClass() == Manager.class) {
            // The default manager's queryset is every row on the default alias: get(pk=...) needs no
            // QuerySet at all, only the cached primary-key statement (the hot path of a key lookup).
            Object configuration = Djorm.configuration();
            Registered r = registered;
            if (r == null || r.configuration() != configuration) {
                r = new Registered(configuration, Djorm.apps().register(model), null);
                registered = r;
            }
            ModelMeta meta = r.meta();
            if (QuerySet.isPrimaryKeyLookup(meta, lookup, value)) {
                DatabaseHandle handle = r.defaultHandle();
                if (handle == null) { // looked up once per configuration: the alias map's probe showed per get
                    handle = Djorm.handle(Djorm.DEFAULT_DB_ALIAS);
                    registered = new Registered(configuration, meta, handle);
                }
                return QueryExecution.getByPrimaryKey(meta, handle, value);
            }
        }
        return getQuerySet().get(lookup, value, more);
    }

    /** See {@link QuerySet#get(Q)}. */
    public T get(Q condition) { return getQuerySet().get(condition); }

    /** See {@link QuerySet#count()}. */
    public long count() { return getQuerySet().count(); }

    /** See {@link QuerySet#exists()}. */
    public boolean exists() { return getQuerySet().exists(); }

    /** See {@link QuerySet#first()}. */
    public Optional<T> first() { return getQuerySet().first(); }

    /** See {@link QuerySet#last()}. */
    public Optional<T> last() { return getQuerySet().last(); }

    /** See {@link QuerySet#create(Object...)}. */
    public T create(Object... fieldValuePairs) { return getQuerySet().create(fieldValuePairs); }

    /** See {@link QuerySet#create(Map)}. */
    public T create(Map<String, ?> values) { return getQuerySet().create(values); }

    /** See {@link QuerySet#getOrCreate(Map, Map)}. */
    public GetOrCreate<T> getOrCreate(Map<String, ?> lookups, Map<String, ?> defaults) { return getQuerySet().getOrCreate(lookups, defaults); }

    /** See {@link QuerySet#getOrCreate(Map)}. */
    public GetOrCreate<T> getOrCreate(Map<String, ?> lookups) { return getQuerySet().getOrCreate(lookups); }

    /** See {@link QuerySet#updateOrCreate(Map, Map)}. */
    public GetOrCreate<T> updateOrCreate(Map<String, ?> lookups, Map<String, ?> defaults) { return getQuerySet().updateOrCreate(lookups, defaults); }

    /** See {@link QuerySet#bulkCreate(List)}. */
    public List<T> bulkCreate(List<T> objs) { return getQuerySet().bulkCreate(objs); }

    /** See {@link QuerySet#bulkCreate(List, int)}. */
    public List<T> bulkCreate(List<T> objs, int batchSize) { return getQuerySet().bulkCreate(objs, batchSize); }

    /** See {@link QuerySet#bulkUpdate(List, String...)}. */
    public long bulkUpdate(List<T> objs, String... fields) { return getQuerySet().bulkUpdate(objs, fields); }

    /** Updates every row (Django: {@code Book.objects.update(...)}); see {@link QuerySet#update(String, Object, Object...)}. */
    public long update(String field, Object value, Object... more) { return getQuerySet().update(field, value, more); }

    /** Updates every row from a map of field to value or expression; see {@link QuerySet#update(Map)}. */
    public long update(Map<String, ?> values) { return getQuerySet().update(values); }

    /** See {@link QuerySet#inBulk(Collection)}. */
    public Map<Object, T> inBulk(Collection<?> ids) { return getQuerySet().inBulk(ids); }

    /**
     * The rows of the table behind a many-to-many field of this model (Django: {@code Book.tags.through}),
     * as values() maps ({@code id}, and one foreign key per side, named after the two models:
     * {@code book_id} and {@code tag_id}). Filter, order, count and read them like any values()
     * queryset, by key ({@code filter("tag", 3)}) and across the keys ({@code filter("tag__name", "sf")},
     * {@code values("book__title")}); change them with the
     * relation's {@code add}/{@code remove}/{@code set}. A field declared with its own {@code through}
     * class gives that class's rows here as maps as well; its own manager gives instances.
     *
     * @throws FieldError when the model has no many-to-many field of that name
     */
    public QuerySet<Map<String, Object>> through(String manyToManyField) {
        io.djorm.core.meta.ModelMeta meta = Djorm.apps().register(model);
        io.djorm.core.meta.FieldMeta f = meta.findField(manyToManyField);
        if (f == null || !f.isRelation() || f.relation().kind() != io.djorm.core.meta.Relation.Kind.MANY_TO_MANY) {
            List<String> names = new java.util.ArrayList<>();
            for (io.djorm.core.meta.FieldMeta m : meta.fields()) {
                if (m.isRelation() && m.relation().kind() == io.djorm.core.meta.Relation.Kind.MANY_TO_MANY) names.add(m.name());
            }
            throw new FieldError("'" + manyToManyField + "' is not a many-to-many field of " + meta.label()
                    + ". Its many-to-many fields: " + (names.isEmpty() ? "none" : String.join(", ", names)) + ".");
        }
        return QuerySet.tableRows(io.djorm.core.internal.Relations.joinTable(meta, f).table());
    }

    /** See {@link QuerySet#inBulk(Collection, String)}. */
    public Map<Object, T> inBulk(Collection<?> values, String fieldName) { return getQuerySet().inBulk(values, fieldName); }

    /** See {@link QuerySet#inBulk()}. */
    public Map<Object, T> inBulk() { return getQuerySet().inBulk(); }

    /** See {@link QuerySet#dates(String, String, String)}. */
    public QuerySet<java.time.LocalDate> dates(String field, String kind, String order) { return getQuerySet().dates(field, kind, order); }

    /** See {@link QuerySet#dates(String, String)}. */
    public QuerySet<java.time.LocalDate> dates(String field, String kind) { return getQuerySet().dates(field, kind); }

    /** See {@link QuerySet#datetimes(String, String, String)}. */
    public QuerySet<java.time.LocalDateTime> datetimes(String field, String kind, String order) { return getQuerySet().datetimes(field, kind, order); }

    /** See {@link QuerySet#datetimes(String, String)}. */
    public QuerySet<java.time.LocalDateTime> datetimes(String field, String kind) { return getQuerySet().datetimes(field, kind); }

    /** Runs raw SQL and maps its columns onto model instances by column name (Django: {@code raw()}). */
    public RawQuerySet<T> raw(String sql, Object... params) { return new RawQuerySet<>(model, sql, java.util.Arrays.asList(params), null); }
}
