package io.djorm.core;

import io.djorm.core.expressions.Expression;
import io.djorm.core.expressions.Value;
import io.djorm.core.internal.DatabaseHandle;
import io.djorm.core.internal.QueryExecution;
import io.djorm.core.internal.query.Query;
import io.djorm.core.internal.query.QuerySetAccess;
import io.djorm.core.internal.query.SqlCompiler;
import io.djorm.core.meta.FieldMeta;
import io.djorm.core.meta.ModelMeta;
import io.djorm.core.spi.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * A lazy, immutable, chainable query (Django: {@code QuerySet}). Every chaining method returns a new
 * QuerySet; nothing runs until a terminal method ({@link #list()}, {@link #count()}, {@link #get},
 * iteration, ...) is called. Once evaluated, the rows are cached in the QuerySet, so iterating twice
 * queries once.
 *
 * <pre>{@code
 * List<Book> books = Book.objects()
 *     .filter("author__name__icontains", "le")
 *     .exclude("pages__lt", 100)
 *     .orderBy("-published")
 *     .slice(0, 10)
 *     .list();
 * }</pre>
 *
 * @param <T> what each row becomes: the model, or a Map/List/Row/value for values() forms
 */
public final class QuerySet<T> implements Iterable<T> {
    /** How rows are shaped. */
    enum Shape { MODELS, MAPS, LISTS, FLAT, NAMED }

    private final ModelMeta meta;
    private final Query query;
    private final String alias;
    private final Shape shape;
    private List<T> cache;

    static {
        QuerySetAccess.install(qs -> qs.query);
    }

    private QuerySet(ModelMeta meta, Query query, String alias, Shape shape) {
        this.meta = meta;
        this.query = query;
        this.alias = alias;
        this.shape = shape;
    }

    /** A queryset over every row of a model, on the default alias. */
    public static <M extends Model> QuerySet<M> of(Class<M> model) {
        Apps apps = Djorm.apps();
        ModelMeta meta = apps.register(model);
        return new QuerySet<>(meta, new Query(meta, apps), null, Shape.MODELS);
    }

    /**
     * {@code of(model).filter(condition)} without the copy that filter() makes of the first queryset's
     * query: no one else holds that queryset, so the filter may change its query in place.
     */
    static <M extends Model> QuerySet<M> filtered(Class<M> model, Q condition) {
        QuerySet<M> all = of(model);
        all.query.apply(q -> q.addFilter(condition, false));
        return all;
    }

    /** The rows of a join table that has no model class (an automatic many-to-many table), as maps. */
    static QuerySet<Map<String, Object>> tableRows(ModelMeta table) {
        Query q = new Query(table, Djorm.apps());
        q.apply(x -> x.setValues(Query.Mode.VALUES, List.of()));
        return new QuerySet<>(table, q, null, Shape.MAPS);
    }

    private <R> QuerySet<R> derive(Query q, String newAlias, Shape newShape) {
        return new QuerySet<>(meta, q, newAlias, newShape);
    }

    private QuerySet<T> with(java.util.function.Consumer<Query> change) {
        Query q = query.copy();
        q.apply(change); // recorded, so that the query can be rebuilt as a subquery
        return derive(q, alias, shape);
    }

    /** The model's metadata. */
    public ModelMeta model() {
        return meta;
    }

    /** The alias this queryset reads from. */
    public String db() {
        return alias == null ? Djorm.DEFAULT_DB_ALIAS : alias;
    }

    // ---- chaining ---------------------------------------------------------------------------

    /** A copy of this queryset (Django: {@code all()}); forgets the result cache. */
    public QuerySet<T> all() {
        return derive(query, alias, shape);
    }

    /** Keeps rows matching {@code lookup=value} and any further pairs, all ANDed. */
    public QuerySet<T> filter(String lookup, Object value, Object... more) {
        return filter(Q.pairs("filter", lookup, value, more));
    }

    /** Keeps rows matching the condition. */
    public QuerySet<T> filter(Q condition) {
        return with(q -> q.addFilter(condition, false));
    }

    /** Keeps rows matching every entry of the map ({@code lookup → value}). */
    public QuerySet<T> filter(Map<String, ?> lookups) {
        return filter(toQ(lookups));
    }

    /** Drops rows matching {@code lookup=value} and any further pairs (Django: {@code exclude}). */
    public QuerySet<T> exclude(String lookup, Object value, Object... more) {
        return exclude(Q.pairs("exclude", lookup, value, more));
    }

    /** Drops rows matching the condition. */
    public QuerySet<T> exclude(Q condition) {
        return with(q -> q.addFilter(condition, true));
    }

    private static Q toQ(Map<String, ?> lookups) {
        Q q = Q.all();
        for (var e : lookups.entrySet()) q = q.and(Q.of(e.getKey(), e.getValue()));
        return q;
    }

    /**
     * Orders by fields ({@code "title"}, {@code "-pages"} descending, {@code "author__name"}),
     * {@code "?"} for random, or expressions ({@code F("pages").desc().nullsLast()}). No arguments: no
     * ordering at all, not even the model's default.
     */
    public QuerySet<T> orderBy(Object... terms) {
        return with(q -> q.setOrdering(Arrays.asList(terms)));
    }

    /** Reverses the ordering (Django: {@code reverse()}). */
    public QuerySet<T> reverse() {
        return with(Query::reverseOrdering);
    }

    /** SELECT DISTINCT. */
    public QuerySet<T> distinct() {
        return with(q -> q.setDistinct(true));
    }

    /** DISTINCT ON fields: PostgreSQL only, so this raises NotSupportedError on the SQLite family. */
    public QuerySet<T> distinct(String... fields) {
        if (fields.length == 0) return distinct();
        throw new NotSupportedError("DISTINCT ON fields is not supported by the " + dialectName()
                + " backend. Use distinct() with values(...) instead.");
    }

    /** Rows {@code [start, stop)} (Django: {@code qs[start:stop]}). */
    public QuerySet<T> slice(long start, long stop) {
        return with(q -> q.slice(start, stop));
    }

    /** Rows from {@code start} on (Django: {@code qs[start:]}). */
    public QuerySet<T> offset(long start) {
        return with(q -> q.slice(start, null));
    }

    /** The first {@code n} rows (Django: {@code qs[:n]}). */
    public QuerySet<T> limit(long n) {
        return slice(0, n);
    }

    /** An empty queryset that never queries the database (Django: {@code none()}). */
    public QuerySet<T> none() {
        return with(Query::setEmpty);
    }

    /** Reads from (and writes to) another alias (Django: {@code using}). */
    public QuerySet<T> using(String newAlias) {
        Djorm.handle(newAlias); // raises for an unknown alias
        return derive(query, newAlias, shape);
    }

    /** Loads only these fields and the primary key (Django: {@code only}). */
    public QuerySet<T> only(String... fields) {
        return with(q -> q.only(Arrays.asList(fields)));
    }

    /** Does not load these fields (Django: {@code defer}); refreshFromDb(field) loads them later. */
    public QuerySet<T> defer(String... fields) {
        return with(q -> q.defer(Arrays.asList(fields)));
    }

    /** Adds a computed value per row, readable with {@code Model.annotation(name)} or in values(). */
    public QuerySet<T> annotate(String name, Expression expression) {
        Map<String, Expression> one = new LinkedHashMap<>();
        one.put(name, expression);
        return with(q -> q.annotate(one));
    }

    /**
     * Loads the instances at the ends of these foreign-key paths in the same query, with JOINs (LEFT
     * OUTER for nullable keys), so that {@code book.author.get()} needs no query (Django:
     * {@code select_related}). Paths may be nested ({@code "book__author"}). No paths: every non-null
     * foreign key, recursively.
     */
    public QuerySet<T> selectRelated(String... paths) {
        return with(q -> q.selectRelated(Arrays.asList(paths)));
    }

    /**
     * Loads the related rows of these paths (foreign keys, reverse relations, many-to-many, nested
     * with {@code "__"}) in one extra query per path step once this queryset is evaluated, and caches
     * them on the instances (Django: {@code prefetch_related}).
     */
    public QuerySet<T> prefetchRelated(String... paths) {
        return with(q -> {
            for (String p : paths) q.addPrefetch(new Prefetch(p));
        });
    }

    /** {@link #prefetchRelated(String...)} with Prefetch objects that bring their own querysets. */
    public QuerySet<T> prefetchRelated(Prefetch... lookups) {
        return with(q -> {
            for (Prefetch p : lookups) q.addPrefetch(p);
        });
    }

    /** A copy whose rows are already known (prefetched rows): reading it runs no query. */
    QuerySet<T> withResults(List<T> rows) {
        QuerySet<T> qs = derive(query, alias, shape);
        qs.cache = rowsOf(rows);
        return qs;
    }

    /** Rows as maps of field name to value (Django: {@code values()}); no names: every field. */
    public QuerySet<Map<String, Object>> values(String... fields) {
        Query q = query.copy();
        q.apply(x -> x.setValues(Query.Mode.VALUES, Arrays.asList(fields)));
        return derive(q, alias, Shape.MAPS);
    }

    /** Rows as lists of values (Django: {@code values_list()}). */
    public QuerySet<List<Object>> valuesList(String... fields) {
        Query q = query.copy();
        q.apply(x -> x.setValues(Query.Mode.VALUES_LIST, Arrays.asList(fields)));
        return derive(q, alias, Shape.LISTS);
    }

    /** One field's values (Django: {@code values_list(field, flat=True)}). */
    public <V> QuerySet<V> valuesListFlat(String field, Class<V> type) {
        Query q = query.copy();
        q.apply(x -> x.setValues(Query.Mode.VALUES_LIST, List.of(field)));
        return derive(q, alias, Shape.FLAT);
    }

    /** One field's values, untyped. */
    public QuerySet<Object> valuesListFlat(String field) {
        return valuesListFlat(field, Object.class);
    }

    /**
     * The distinct dates, truncated to {@code kind} ({@code "year"}, {@code "month"}, {@code "week"},
     * {@code "day"}), that a DateField or DateTimeField (a path such as {@code "author__born"} works)
     * takes in these rows, NULLs left out, in {@code order} {@code "ASC"} or {@code "DESC"} (Django:
     * {@code dates()}).
     */
    public QuerySet<java.time.LocalDate> dates(String field, String kind, String order) {
        return DateLists.dates(this, field, kind, order);
    }

    /** {@link #dates(String, String, String)} in ascending order. */
    public QuerySet<java.time.LocalDate> dates(String field, String kind) {
        return dates(field, kind, "ASC");
    }

    /**
     * The distinct datetimes, truncated to {@code kind} (year, month, week, day, hour, minute, second),
     * that a DateTimeField takes in these rows, NULLs left out, in {@code order} {@code "ASC"} or
     * {@code "DESC"} (Django: {@code datetimes()}).
     */
    public QuerySet<java.time.LocalDateTime> datetimes(String field, String kind, String order) {
        return DateLists.datetimes(this, field, kind, order);
    }

    /** {@link #datetimes(String, String, String)} in ascending order. */
    public QuerySet<java.time.LocalDateTime> datetimes(String field, String kind) {
        return datetimes(field, kind, "ASC");
    }

    /** Rows readable by name or position (Django: {@code values_list(named=True)}). */
    public QuerySet<Row> valuesListNamed(String... fields) {
        Query q = query.copy();
        q.apply(x -> x.setValues(Query.Mode.VALUES_LIST, Arrays.asList(fields)));
        return derive(q, alias, Shape.NAMED);
    }

    /** Adds several computed values per row, in order; later ones may refer to earlier ones by name. */
    public QuerySet<T> annotate(Map<String, ? extends Expression> expressions) {
        if (expressions.isEmpty()) throw new ValueError("annotate() needs at least one expression.");
        Map<String, Expression> copy = new LinkedHashMap<>(expressions);
        return with(q -> q.annotate(copy));
    }

    /**
     * Keeps rows where a boolean expression holds, such as {@code new Exists(...)} (Django:
     * {@code filter(Exists(...))}).
     */
    public QuerySet<T> filter(Expression condition) {
        return with(q -> q.addCondition(condition, false));
    }

    /** Drops rows where a boolean expression holds. */
    public QuerySet<T> exclude(Expression condition) {
        return with(q -> q.addCondition(condition, true));
    }

    /**
     * The rows of this queryset and the others, without duplicates (Django: {@code union()}). The
     * querysets must select the same number of columns; afterwards only ordering, slicing and
     * evaluation apply, to the combined rows.
     */
    public QuerySet<T> union(QuerySet<?>... others) {
        return combine("UNION", false, others);
    }

    /** {@link #union(QuerySet[])}, keeping duplicates when {@code all} is true ({@code UNION ALL}). */
    public QuerySet<T> union(boolean all, QuerySet<?>... others) {
        return combine("UNION", all, others);
    }

    /** The rows present in this queryset and in every other (Django: {@code intersection()}). */
    public QuerySet<T> intersection(QuerySet<?>... others) {
        return combine("INTERSECT", false, others);
    }

    /** The rows of this queryset that are in none of the others (Django: {@code difference()}). */
    public QuerySet<T> difference(QuerySet<?>... others) {
        return combine("EXCEPT", false, others);
    }

    private QuerySet<T> combine(String operator, boolean all, QuerySet<?>[] others) {
        // An empty part (none()) is left out, as in Django: none().union(a, b) is a.union(b); an
        // intersection with an empty part is empty; a difference of nothing is nothing.
        List<QuerySet<?>> parts = Arrays.stream(others).filter(o -> !o.query.isEmpty()).toList();
        if (operator.equals("INTERSECT") && parts.size() < others.length) return none();
        if (query.isEmpty()) {
            if (!operator.equals("UNION") || parts.isEmpty()) return this;
            @SuppressWarnings("unchecked")
            QuerySet<T> first = (QuerySet<T>) parts.get(0); // the rows are the other parts' rows, as in Django
            return first.combine(operator, all, parts.subList(1, parts.size()).toArray(QuerySet<?>[]::new));
        }
        if (parts.isEmpty()) return this;
        List<Query> queries = parts.stream().<Query>map(o -> o.query).toList();
        return with(q -> q.combine(operator, all, queries));
    }

    // ---- evaluation ----------------------------------------------------------------------------

    /** Runs the query (once; later calls reuse the rows) and returns the rows. */
    public List<T> list() {
        if (cache == null) cache = rowsOf(execution().fetchAll());
        return cache;
    }

    /** An unmodifiable copy that keeps NULL values (valuesListFlat("email") may hold some; List.copyOf rejects them). */
    private static <E> List<E> rowsOf(List<E> rows) {
        return java.util.Collections.unmodifiableList(new java.util.ArrayList<>(rows));
    }

    @Override
    public Iterator<T> iterator() {
        return list().iterator();
    }

    /** The rows as a stream (evaluates and caches). */
    public Stream<T> stream() {
        return list().stream();
    }

    /**
     * Streams rows without loading them all and without caching (Django: {@code iterator(chunk_size)}).
     * An unordered query is read in pages of {@code chunkSize} rows by primary key, so memory stays
     * flat on every backend and no connection is held between pages; an ordered one reads one cursor.
     */
    public CloseableIterator<T> iterator(int chunkSize) {
        if (chunkSize <= 0) throw new ValueError("chunkSize must be positive, got " + chunkSize);
        return execution().stream(chunkSize);
    }

    /**
     * Computes aggregates over the whole queryset in one query (Django: {@code aggregate()}), keyed by
     * the given names; values are converted by each aggregate's output field ({@code Count} → Long,
     * {@code Avg} → Double, {@code Sum} of a decimal → BigDecimal, ...). A queryset that groups, slices
     * or is distinct is aggregated as a subquery, over its own rows.
     */
    public Map<String, Object> aggregate(Map<String, ? extends Expression> aggregates) {
        if (aggregates.isEmpty()) throw new ValueError("aggregate() needs at least one aggregate.");
        Query q = query.copy();
        io.djorm.core.expressions.Resolver target = SqlCompiler.aggregatesOverSubquery(q)
                ? new io.djorm.core.internal.query.SubqueryColumns(q) : q;
        Map<String, Expression> resolved = new LinkedHashMap<>();
        for (var e : aggregates.entrySet()) {
            io.djorm.core.internal.query.Aliases.check("aggregate", e.getKey(), true);
            if (!e.getValue().containsAggregate()) {
                throw new FieldError("aggregate() takes aggregates such as Sum(\"pages\"); '" + e.getKey() + "' is "
                        + e.getValue() + ". Use annotate() for a value per row.");
            }
            resolved.put(e.getKey(), e.getValue().resolve(target));
        }
        return new QueryExecution<Map<String, Object>>(meta, q, handle(), shape.name()).aggregate(resolved);
    }

    /** {@link #aggregate(Map)} with name/aggregate pairs: {@code aggregate("total", new Sum("pages"))}. */
    public Map<String, Object> aggregate(String name, Expression aggregate, Object... more) {
        Map<String, Expression> all = new LinkedHashMap<>();
        for (var e : pairs(prepend(name, aggregate, more)).entrySet()) {
            if (!(e.getValue() instanceof Expression x)) {
                throw new ValueError("aggregate() expected an expression for '" + e.getKey() + "', got "
                        + e.getValue() + ".");
            }
            all.put(e.getKey(), x);
        }
        return aggregate(all);
    }

    /** {@link #aggregate(Map)} keyed by Django's default names: {@code new Sum("pages")} → {@code "pages__sum"}. */
    public Map<String, Object> aggregate(io.djorm.core.expressions.Aggregate... aggregates) {
        Map<String, Expression> all = new LinkedHashMap<>();
        for (var a : aggregates) {
            String key = a.defaultAlias();
            if (key == null) {
                throw new FieldError("The aggregate " + a + " has no default name; use aggregate(\"name\", " + a + ").");
            }
            all.put(key, a);
        }
        return aggregate(all);
    }

    /** The number of rows (Django: {@code count()}); uses the cache when evaluated. */
    public long count() {
        if (cache != null) return cache.size();
        return execution().count();
    }

    /** Whether any row matches. */
    public boolean exists() {
        if (cache != null) return !cache.isEmpty();
        return execution().exists();
    }

    /** The only row matching the filters; DoesNotExist or MultipleObjectsReturned otherwise. */
    public T get(String lookup, Object value, Object... more) {
        if (more.length == 0 && shape == Shape.MODELS && isPrimaryKeyLookup(meta, lookup, value) && query.isPristine()) {
            // get(pk=...) on an untouched queryset: a cached statement, no query building (the hot path).
            return QueryExecution.getByPrimaryKey(meta, handle(), value);
        }
        return filter(Q.pairs("get", lookup, value, more)).get();
    }

    /** Whether {@code lookup=value} names one row by its primary key with a plain value. */
    static boolean isPrimaryKeyLookup(ModelMeta meta, String lookup, Object value) {
        if (value == null || value instanceof Expression || value instanceof QuerySet<?> || value instanceof Model) return false;
        if (lookup.equals("pk")) return true; // the common spelling, without building a substring
        String name = lookup.endsWith("__exact") ? lookup.substring(0, lookup.length() - 7) : lookup;
        return name.equals("pk") || name.equals(meta.pk().name());
    }

    /** The only row matching the condition. */
    public T get(Q condition) {
        return filter(condition).get();
    }

    /** The only row of this queryset. */
    public T get() {
        return execution().getOne();
    }

    /** The row at a position (Django: {@code qs[i]}); IndexOutOfBoundsException when there is none. */
    public T at(long index) {
        if (cache != null) return cache.get((int) index);
        List<T> rows = slice(index, index + 1).list();
        if (rows.isEmpty()) throw new IndexOutOfBoundsException("QuerySet index " + index + " is out of range.");
        return rows.get(0);
    }

    /** The first row by the ordering (primary key when unordered), if any. */
    public Optional<T> first() {
        QuerySet<T> qs = query.isOrdered() ? this : orderBy("pk");
        return firstOf(qs.limit(1).list());
    }

    /** The last row by the ordering (primary key when unordered), if any. */
    public Optional<T> last() {
        QuerySet<T> qs = query.isOrdered() ? reverse() : orderBy("-pk");
        return firstOf(qs.limit(1).list());
    }

    /** The first row; empty when there is none or when it is a NULL value (Django returns None for both). */
    private static <E> Optional<E> firstOf(List<E> rows) {
        return rows.isEmpty() ? Optional.empty() : Optional.ofNullable(rows.get(0));
    }

    /** The query plan (Django: {@code explain()}). */
    public String explain() {
        return execution().explain();
    }

    /** The SELECT this queryset runs, with its parameters. */
    public Statement statement() {
        return new SqlCompiler(query, handle().database().dialect()).select().toStatement();
    }

    /** The SELECT with parameters shown inline, for reading and logs (Django: {@code str(qs.query)}). */
    public String sql() {
        return statement().toDisplayString();
    }

    @Override
    public String toString() {
        if (cache != null) return "<QuerySet " + cache + ">";
        return "<QuerySet " + meta.label() + ": " + sql() + ">";
    }

    // ---- writes ----------------------------------------------------------------------------------

    /** Creates, saves and returns an instance from field/value pairs (Django: {@code create(**kwargs)}). */
    public T create(Object... fieldValuePairs) {
        return create(pairs(fieldValuePairs));
    }

    /** Creates, saves and returns an instance from a map of field values. */
    @SuppressWarnings("unchecked")
    public T create(Map<String, ?> values) {
        requireModels("create");
        Model m = newInstance(values);
        m.save(SaveOptions.using(db()).forceInsert());
        return (T) m;
    }

    private Model newInstance(Map<String, ?> values) {
        Model m = (Model) meta.newInstance();
        for (var e : values.entrySet()) m.set(e.getKey(), e.getValue());
        return m;
    }

    /** Looks up one row by the lookups; creates it (with defaults too) when there is none. */
    public GetOrCreate<T> getOrCreate(Map<String, ?> lookups) {
        return getOrCreate(lookups, Map.of());
    }

    /**
     * Looks up one row by the lookups; creates it with the lookups' plain fields plus {@code defaults}
     * when there is none (Django: {@code get_or_create}). Safe against a concurrent create of the same
     * unique row: the loser of the race reads the winner's row.
     */
    @SuppressWarnings("unchecked")
    public GetOrCreate<T> getOrCreate(Map<String, ?> lookups, Map<String, ?> defaults) {
        requireModels("getOrCreate");
        try {
            return new GetOrCreate<>(filter(lookups).get(), false);
        } catch (DoesNotExist missing) {
            Map<String, Object> values = creationValues(lookups, defaults);
            try {
                T created = Transaction.atomic(db(), () -> create(values));
                return new GetOrCreate<>(created, true);
            } catch (IntegrityError race) {
                try {
                    return new GetOrCreate<>(filter(lookups).get(), false);
                } catch (DoesNotExist stillMissing) {
                    throw race;
                }
            }
        }
    }

    /** Updates the row found by the lookups with {@code defaults}, or creates it (Django: {@code update_or_create}). */
    @SuppressWarnings("unchecked")
    public GetOrCreate<T> updateOrCreate(Map<String, ?> lookups, Map<String, ?> defaults) {
        requireModels("updateOrCreate");
        return Transaction.atomic(db(), () -> {
            GetOrCreate<T> found = getOrCreate(lookups, defaults);
            if (found.created()) return found;
            Model m = (Model) found.object();
            for (var e : defaults.entrySet()) m.set(e.getKey(), e.getValue());
            if (!defaults.isEmpty()) m.save(SaveOptions.using(db()).withUpdateFields(defaults.keySet().toArray(String[]::new)));
            return new GetOrCreate<>((T) m, false);
        });
    }

    private static Map<String, Object> creationValues(Map<String, ?> lookups, Map<String, ?> defaults) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (var e : lookups.entrySet()) {
            String k = e.getKey();
            if (k.endsWith("__exact")) values.put(k.substring(0, k.length() - 7), e.getValue());
            else if (!k.contains("__")) values.put(k, e.getValue());
        }
        values.putAll(defaults);
        return values;
    }

    /**
     * Inserts many instances in as few statements as the parameter limit allows, all in one unit (one
     * round trip on a remote server), and fills in their primary keys (Django: {@code bulk_create}).
     * Sends no save signals.
     */
    public List<T> bulkCreate(List<T> objs) {
        return bulkCreate(objs, Integer.MAX_VALUE);
    }

    /** {@link #bulkCreate(List)} with at most {@code batchSize} rows per INSERT. */
    @SuppressWarnings("unchecked")
    public List<T> bulkCreate(List<T> objs, int batchSize) {
        requireModels("bulkCreate");
        QueryExecution.bulkCreate(handle(), meta, (List<Model>) objs, batchSize);
        return objs;
    }

    /**
     * Updates the named fields of many instances in one unit; returns rows matched. Every value is checked
     * before any SQL runs; SQLite runs one prepared UPDATE per instance as a batch, other backends CASE
     * statements.
     */
    @SuppressWarnings("unchecked")
    public long bulkUpdate(List<T> objs, String... fields) {
        requireModels("bulkUpdate");
        if (fields.length == 0) throw new ValueError("bulkUpdate needs at least one field name.");
        return io.djorm.core.internal.BulkUpdate.run(handle(), meta, (List<Model>) objs, List.of(fields), Integer.MAX_VALUE);
    }

    /**
     * Updates every matching row in one statement (Django: {@code update(**kwargs)}); values may be
     * expressions such as {@code F("pages").plus(1)}. Returns the number of rows matched.
     */
    public long update(String field, Object value, Object... more) {
        return update(pairs(prepend(field, value, more)));
    }

    /** Updates every matching row from a map of field to value or expression. */
    public long update(Map<String, ?> values) {
        if (values.isEmpty()) throw new ValueError("update() needs at least one field.");
        if (query.isSliced()) throw new TransactionManagementError("Cannot update a query once a slice has been taken.");
        Query q = query.copy();
        if (values.size() == 1) { // the usual one field: no hash table to build
            var only = values.entrySet().iterator().next();
            FieldMeta f = meta.field(only.getKey());
            return QueryExecution.update(handle(), q, java.util.Collections.singletonMap(f, assignment(q, f, only.getValue())));
        }
        Map<FieldMeta, Expression> assignments = new LinkedHashMap<>();
        for (var e : values.entrySet()) {
            FieldMeta f = meta.field(e.getKey());
            assignments.put(f, assignment(q, f, e.getValue()));
        }
        return QueryExecution.update(handle(), q, assignments);
    }

    /** What update() sets field {@code f} to: {@code value} checked, or resolved against {@code q} when an expression. */
    private Expression assignment(Query q, FieldMeta f, Object value) {
        if (!f.hasColumn() || f.primaryKey() && f.type().isAutoIncrement()) {
            throw new FieldError("Cannot update the field '" + f.name() + "' of " + meta.label() + " with update().");
        }
        if (!(value instanceof Expression)) io.djorm.core.internal.Persistence.requireStorable(meta, f, value);
        Expression expr = value instanceof Expression x ? x.resolve(q) : Value.of(value, f);
        if (expr.containsAggregate()) {
            throw new FieldError("Aggregate functions are not allowed in update() (field '" + f.name() + "').");
        }
        return expr;
    }

    /** Deletes every matching row and what cascades from them; returns counts per model. */
    public DeleteResult delete() {
        requireModels("delete");
        if (query.isSliced()) throw new TransactionManagementError("Cannot use delete() on a sliced queryset.");
        if (query.distinct()) throw new TransactionManagementError("Cannot call delete() after distinct().");
        return QueryExecution.delete(this, handle(), query);
    }

    /** The instances with these primary keys, keyed by primary key (Django: {@code in_bulk}). */
    public Map<Object, T> inBulk(Collection<?> ids) {
        return inBulk(ids, "pk");
    }

    /** The instances whose unique field has these values, keyed by that value. */
    @SuppressWarnings("unchecked")
    public Map<Object, T> inBulk(Collection<?> values, String fieldName) {
        requireModels("inBulk");
        FieldMeta f = fieldName.equals("pk") ? meta.pk() : meta.field(fieldName);
        if (!f.unique()) {
            throw new ValueError("inBulk()'s field must be unique, and '" + f.name() + "' is not: key by the primary key "
                    + "or a field declared unique.");
        }
        Map<Object, T> out = new LinkedHashMap<>();
        if (values.isEmpty()) return out;
        List<Object> list = new ArrayList<>(values);
        int batch = Math.max(1, handle().database().dialect().maxParameters() - 10);
        for (int i = 0; i < list.size(); i += batch) {
            for (T obj : filter(fieldName + "__in", list.subList(i, Math.min(list.size(), i + batch))).list()) {
                out.put(f.accessor().get(obj), obj);
            }
        }
        return out;
    }

    /** Every row keyed by primary key. */
    @SuppressWarnings("unchecked")
    public Map<Object, T> inBulk() {
        requireModels("inBulk");
        Map<Object, T> out = new LinkedHashMap<>();
        for (T obj : list()) out.put(((Model) obj).pk(), obj);
        return out;
    }

    // ---- helpers ---------------------------------------------------------------------------------

    private void requireModels(String what) {
        if (shape != Shape.MODELS) {
            throw new TransactionManagementError("Cannot call " + what + "() after values() or valuesList().");
        }
    }

    private static Object[] prepend(String field, Object value, Object[] more) {
        Object[] all = new Object[more.length + 2];
        all[0] = field;
        all[1] = value;
        System.arraycopy(more, 0, all, 2, more.length);
        return all;
    }

    private static Map<String, Object> pairs(Object[] pairs) {
        if (pairs.length % 2 != 0) {
            throw new ValueError("Expected field/value pairs; the last field '" + pairs[pairs.length - 1]
                    + "' has no value. Pass a value after it, or drop it.");
        }
        if (pairs.length == 2 && pairs[0] instanceof String name) {
            return java.util.Collections.singletonMap(name, pairs[1]); // the usual one field: no hash table to build
        }
        Map<String, Object> out = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            if (!(pairs[i] instanceof String name)) {
                throw new ValueError("Expected a field name (a String) at position " + i + ", got " + pairs[i] + ".");
            }
            out.put(name, pairs[i + 1]);
        }
        return out;
    }

    private DatabaseHandle handle() {
        return Djorm.handle(db());
    }

    private String dialectName() {
        return handle().database().dialect().name();
    }

    private QueryExecution<T> execution() {
        return new QueryExecution<>(meta, query, handle(), shape.name());
    }

    /** The rows as a stream over {@link #iterator(int)}, closed when the stream is closed. */
    public Stream<T> streamLazily(int chunkSize) {
        CloseableIterator<T> it = iterator(chunkSize);
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(it, Spliterator.ORDERED), false).onClose(it::close);
    }
}
