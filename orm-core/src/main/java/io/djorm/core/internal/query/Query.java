package io.djorm.core.internal.query;

import io.djorm.core.ValueError;
import io.djorm.core.FieldError;
import io.djorm.core.Q;
import io.djorm.core.expressions.Col;
import io.djorm.core.expressions.Expression;
import io.djorm.core.expressions.OrderBy;
import io.djorm.core.internal.Relations;
import io.djorm.core.meta.FieldMeta;
import io.djorm.core.meta.ModelMeta;
import io.djorm.core.meta.Relation;
import io.djorm.core.spi.ModelResolver;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The mutable description of one SQL query (Django: {@code sql.Query}): base table, joins, WHERE tree,
 * ordering, limits, selected columns. A QuerySet copies it before every change, so each QuerySet owns
 * an unchanging one.
 */
public final class Query implements QueryResolver {
    /** What rows become. */
    public enum Mode {
        /** Model instances. */
        MODELS,
        /** Maps of name to value ({@code values()}). */
        VALUES,
        /** Lists of values ({@code valuesList()}). */
        VALUES_LIST
    }

    private final ModelMeta model;
    private final ModelResolver models;
    private final String baseAlias;
    // The collections are copied on write (see OWN_JOINS): every filter() and update() copies the query, and
    // most add no join, annotation or deferred field, so the copy and its source share them, empty or not.
    private Map<String, Join> joins;
    private Map<String, String> joinAliasByPath;
    private Map<String, String> lastJoinByPath;
    private int filterGeneration;
    /** True while a filter() lookup is resolved. */
    private boolean filtering;
    /** True while a filter() lookup may use INNER joins (an AND position that rejects missing rows). */
    private boolean filterInner;
    /** Set while resolving a condition that must reuse the query's joins (an aggregate's filter=). */
    private boolean sharedJoins;
    private List<RelatedSelection> relatedSelections = List.of();
    private List<io.djorm.core.Prefetch> prefetches = List.of();
    private WhereNode where = WhereNode.empty();
    private List<OrderBy> ordering;
    private boolean randomOrder;
    private Long limit;
    private long offset;
    private boolean distinct;
    private Set<String> deferred;
    /** Which of the copied-on-write collections this query made itself and so may change in place. */
    private int owned;
    private static final int OWN_JOINS = 1;
    private static final int OWN_DEFERRED = 2;
    private static final int OWN_ANNOTATIONS = 4;
    private Set<String> only;
    private Map<String, Expression> annotations;
    private Mode mode = Mode.MODELS;
    private List<String> valueNames = List.of();
    private boolean empty;
    /**
     * Every change made through {@link #apply}, the last one first, so that the query can be rebuilt as a
     * subquery. A linked list shared with the copies: a copy appends without copying what came before.
     */
    private Change history;
    /** The enclosing query when this one is a subquery (OuterRef binds to it), else null. */
    private io.djorm.core.expressions.Resolver outerQuery;
    /** The values() names GROUP BY uses when values() came before an aggregate annotate(); null: every column. */
    private List<String> groupByNames;
    /** The queries this one combines with UNION / INTERSECT / EXCEPT, or null. */
    private Combination combination;

    /** A query over every row of a model. */
    public Query(ModelMeta model, ModelResolver models) {
        this(model, models, model.dbTable(), null);
    }

    private Query(ModelMeta model, ModelResolver models, String baseAlias, io.djorm.core.expressions.Resolver outer) {
        this.model = model;
        this.models = models;
        this.baseAlias = baseAlias;
        this.outerQuery = outer;
        this.joins = java.util.Collections.emptyMap();
        this.joinAliasByPath = java.util.Collections.emptyMap();
        this.lastJoinByPath = java.util.Collections.emptyMap();
        this.deferred = java.util.Collections.emptySet();
        this.annotations = java.util.Collections.emptyMap();
    }

    /** The copy made by {@link #copy()}: the collections shared until one of the two changes them. */
    private Query(Query from) {
        this.model = from.model;
        this.models = from.models;
        this.baseAlias = from.baseAlias;
        this.outerQuery = from.outerQuery;
        this.joins = from.joins;
        this.joinAliasByPath = from.joinAliasByPath;
        this.lastJoinByPath = from.lastJoinByPath;
        this.deferred = from.deferred;
        this.annotations = from.annotations;
        this.history = from.history;
        from.owned = 0; // the source must copy them too before it changes them
    }

    /** One change of {@link #history} and the ones before it. */
    private record Change(java.util.function.Consumer<Query> change, Change previous) {
    }

    /** Makes the join maps this query's own before they change. */
    private void ownJoins() {
        if ((owned & OWN_JOINS) != 0) return;
        joins = new LinkedHashMap<>(joins);
        joinAliasByPath = new LinkedHashMap<>(joinAliasByPath);
        lastJoinByPath = new LinkedHashMap<>(lastJoinByPath);
        owned |= OWN_JOINS;
    }

    /** Makes the deferred names this query's own before they change. */
    private void ownDeferred() {
        if ((owned & OWN_DEFERRED) != 0) return;
        deferred = new LinkedHashSet<>(deferred);
        owned |= OWN_DEFERRED;
    }

    /** Makes the annotations this query's own before they change. */
    private void ownAnnotations() {
        if ((owned & OWN_ANNOTATIONS) != 0) return;
        annotations = new LinkedHashMap<>(annotations);
        owned |= OWN_ANNOTATIONS;
    }

    /** A deep-enough copy: the collections are copied when either query first changes them, the immutable parts shared. */
    public Query copy() {
        Query q = new Query(this);
        q.groupByNames = groupByNames;
        q.combination = combination;
        q.filterGeneration = filterGeneration;
        q.relatedSelections = relatedSelections;
        q.prefetches = prefetches;
        q.where = where;
        q.ordering = ordering == null ? null : new ArrayList<>(ordering);
        q.randomOrder = randomOrder;
        q.limit = limit;
        q.offset = offset;
        q.distinct = distinct;
        q.only = only; // never changed in place: only() makes a new set
        q.mode = mode;
        q.valueNames = valueNames;
        q.empty = empty;
        return q;
    }

    /** Applies a change and remembers it, so that {@link #asSubquery} can build the query again. */
    /**
     * Whether nothing was changed since the query was created (every row of the model, loaded whole):
     * the shape that primary-key lookups can answer from a prepared statement.
     */
    public boolean isPristine() {
        return history == null && !empty && mode == Mode.MODELS && outerQuery == null
                && baseAlias.equals(model.dbTable());
    }

    public void apply(java.util.function.Consumer<Query> change) {
        change.accept(this);
        history = new Change(change, history);
    }

    /**
     * This query rebuilt as a subquery of {@code outerQuery}: the same changes replayed on a query whose
     * tables have their own aliases ({@code U0}, {@code U1}, ...; {@code V0} one level deeper), so that
     * it may read the outer query's table, and whose {@code OuterRef}s bind to {@code outerQuery}.
     */
    public Query asSubquery(io.djorm.core.expressions.Resolver outerQuery) {
        char letter = outerQuery instanceof Query o && o.outerQuery != null ? (char) (o.baseAlias.charAt(0) + 1) : 'U';
        Query q = new Query(model, models, letter + "0", outerQuery);
        List<java.util.function.Consumer<Query>> changes = new ArrayList<>();
        for (Change c = history; c != null; c = c.previous()) changes.add(c.change());
        for (int i = changes.size() - 1; i >= 0; i--) q.apply(changes.get(i)); // oldest first
        return q;
    }

    @Override
    public io.djorm.core.expressions.Resolver outer() {
        return outerQuery;
    }

    @Override
    public Expression condition(Q condition) {
        // An aggregate's filter= (Count("books", filter=Q(books__pages__gt=400))) reads the rows the
        // aggregate reads: it reuses their LEFT JOIN instead of joining again, as Django does.
        boolean wasShared = sharedJoins;
        sharedJoins = true;
        try {
            return new PredicateExpression(build(condition, true, false));
        } finally {
            sharedJoins = wasShared;
        }
    }

    // ---- resolution -------------------------------------------------------------------------

    @Override
    public ModelMeta model() {
        return model;
    }

    /** The alias of the base table. */
    public String baseAlias() {
        return baseAlias;
    }

    @Override
    public Expression annotation(String name) {
        return annotations.get(name);
    }

    @Override
    public Expression field(String path) {
        Resolved r = resolvePath(LookupPaths.split(path), false);
        Expression e = r.expression;
        // Transforms may follow the field, as in F("author__born__year") (Django allows them in F()).
        for (int i = r.consumed; i < r.parts.length; i++) {
            if (e == null || !Transforms.isTransform(r.parts[i], e.outputField())) {
                throw new FieldError("Cannot resolve keyword '" + r.parts[i] + "' into field of "
                        + r.model.label() + ". Choices are: " + String.join(", ", r.model.fieldNames()) + ".");
            }
            e = Transforms.apply(r.parts[i], e);
        }
        return e;
    }

    /** The outcome of walking a path: the expression of the longest field prefix, and what is left. */
    private record Resolved(Expression expression, ModelMeta model, String[] parts, int consumed) {
    }

    /**
     * Walks a path of fields and relations, joining what it crosses: forward foreign keys, reverse
     * foreign keys ({@code book__title} from Author), many-to-many and reverse many-to-many (through the
     * join table). Inside a filter, joins over multi-valued relations belong to that filter() call, so
     * two calls join twice and conditions of one call share a join, as in Django.
     */
    private Resolved resolvePath(String[] parts, boolean allowTrailing) {
        ModelMeta current = model;
        String alias = baseAlias;
        String pathSoFar = "";
        boolean multi = false;
        for (int i = 0; i < parts.length; i++) {
            String part = parts[i];
            if (i == 0 && annotations.containsKey(part)) {
                return new Resolved(annotations.get(part), current, parts, 1);
            }
            boolean more = i + 1 < parts.length;
            String next = more ? parts[i + 1] : null;
            String path = pathSoFar.isEmpty() ? part : pathSoFar + "__" + part;
            FieldMeta f = part.equals("pk") ? current.pk() : current.findField(part);
            if (f != null && f.isRelation() && f.relation().kind() == Relation.Kind.MANY_TO_MANY) {
                Relations.JoinTable table = Relations.joinTable(current, f);
                ModelMeta target = Relations.target(f);
                multi = true;
                String link = join(path + "+", multi, alias, current.pk().column(), table.table().dbTable(),
                        table.sourceKey().column(), true);
                if (!more || !isStep(target, next)) {
                    requireLookup(target, parts, i + 1);
                    return new Resolved(new Col(link, table.targetKey()), current, parts, i + 1);
                }
                if (next.equals("pk") || next.equals(target.pk().name()) && i + 2 == parts.length) {
                    return new Resolved(new Col(link, table.targetKey()), current, parts, i + 2); // no join to the target
                }
                alias = join(path, multi, link, table.targetKey().column(), target.dbTable(), target.pk().column(), true);
                current = target;
                pathSoFar = path;
                continue;
            }
            if (f == null) {
                Relations.Reverse reverse = Relations.byQueryName(current, part);
                if (reverse == null) {
                    if (i == 0) throw unknownField(current, part);
                    return new Resolved(null, current, parts, i);
                }
                ModelMeta source = reverse.source();
                multi |= reverse.multiValued();
                if (reverse.manyToMany()) {
                    Relations.JoinTable table = Relations.joinTable(source, reverse.field());
                    String link = join(path + "+", multi, alias, current.pk().column(), table.table().dbTable(),
                            table.targetKey().column(), true);
                    if (!more || !isStep(source, next)) {
                        requireLookup(source, parts, i + 1);
                        return new Resolved(new Col(link, table.sourceKey()), current, parts, i + 1);
                    }
                    if (next.equals("pk") || next.equals(source.pk().name()) && i + 2 == parts.length) {
                        return new Resolved(new Col(link, table.sourceKey()), current, parts, i + 2); // no join to the source
                    }
                    alias = join(path, multi, link, table.sourceKey().column(), source.dbTable(), source.pk().column(), true);
                } else {
                    String toField = reverse.field().relation().toField();
                    String parentColumn = toField.isEmpty() ? current.pk().column() : current.field(toField).column();
                    alias = join(path, multi, alias, parentColumn, source.dbTable(), reverse.field().column(), true);
                    if (!more || !isStep(source, next)) {
                        requireLookup(source, parts, i + 1);
                        return new Resolved(new Col(alias, Relations.keyField(source.pk().column(), source)), current, parts, i + 1);
                    }
                }
                current = source;
                pathSoFar = path;
                continue;
            }
            if (f.isRelation() && more) {
                ModelMeta target = Relations.target(f);
                requireLookup(target, parts, i + 1);
                if (isStep(target, next)) {
                    FieldMeta nextField = next.equals("pk") ? target.pk() : target.findField(next);
                    boolean last = i + 2 == parts.length || nextField == null || !nextField.isRelation();
                    if (nextField != null && nextField.primaryKey() && last && f.relation().toField().isEmpty()
                            && (i + 2 == parts.length || !isStep(target, parts[i + 2]))) {
                        // author__id reads author_id: no join needed. The value is the target's key, so it
                        // has the key's type (F("pages") + F("author__id") is integer arithmetic).
                        FieldMeta key = nextField.toBuilder().column(f.column()).primaryKey(false)
                                .nullable(f.nullable()).build();
                        return new Resolved(new Col(alias, key), current, parts, i + 2);
                    }
                    String targetColumn = f.relation().toField().isEmpty() ? target.pk().column()
                            : target.field(f.relation().toField()).column();
                    alias = join(path, multi, alias, f.column(), target.dbTable(), targetColumn, f.nullable());
                    current = target;
                    pathSoFar = path;
                    continue;
                }
            }
            return new Resolved(new Col(alias, f), current, parts, i + 1);
        }
        throw new FieldError("Empty field path.");
    }

    /** Whether {@code name} continues a path on {@code target}: a field, {@code pk} or a reverse relation. */
    private static boolean isStep(ModelMeta target, String name) {
        return name.equals("pk") || target.findField(name) != null || Relations.byQueryName(target, name) != null;
    }

    /**
     * After a relation, the next part must be a field of the related model or a lookup; anything else
     * is a misspelt field, and the error lists the related model's fields (Django does the same).
     */
    private static void requireLookup(ModelMeta related, String[] parts, int next) {
        if (next >= parts.length || isStep(related, parts[next]) || Lookups.isLookup(parts[next])) return;
        throw unknownField(related, parts[next]);
    }

    private static FieldError unknownField(ModelMeta m, String part) {
        List<String> choices = new ArrayList<>(m.fieldNames());
        choices.addAll(Relations.queryNames(m));
        return new FieldError("Cannot resolve keyword '" + part + "' into field of " + m.label() + ". Choices are: "
                + String.join(", ", choices.stream().sorted().toList()) + ".");
    }

    /** Whether a path crosses a multi-valued relation (reverse foreign key or many-to-many). */
    private boolean crossesMultiValued(String[] parts) {
        ModelMeta current = model;
        for (int i = 0; i < parts.length; i++) {
            if (i == 0 && annotations.containsKey(parts[i])) return false;
            FieldMeta f = parts[i].equals("pk") ? current.pk() : current.findField(parts[i]);
            if (f == null) {
                Relations.Reverse reverse = Relations.byQueryName(current, parts[i]);
                if (reverse == null) return false;
                if (reverse.multiValued()) return true;
                current = reverse.source();
            } else if (f.isRelation()) {
                if (f.relation().kind() == Relation.Kind.MANY_TO_MANY) return true;
                current = Relations.target(f);
            } else {
                return false;
            }
        }
        return false;
    }

    /**
     * The alias of a join, reusing one made for the same path. INNER unless the hop may find no row
     * (a nullable key, a reverse or many-to-many relation) where rows must not be dropped: outside
     * filters, and inside OR, NOT or isnull conditions. A LEFT OUTER parent makes the child LEFT OUTER.
     */
    private String join(String path, boolean multi, String parentAlias, String parentColumn, String table, String column,
                        boolean mayMiss) {
        boolean parentOuter = joins.containsKey(parentAlias) && joins.get(parentAlias).leftOuter();
        boolean outer = parentOuter || mayMiss && !filterInner;
        boolean ownJoins = filtering && !sharedJoins;
        String key = multi ? path + "#" + (ownJoins ? filterGeneration : "any") : path;
        String existing = joinAliasByPath.get(key);
        if (existing == null && multi && !ownJoins) existing = lastJoinByPath.get(path);
        // A join reused as it is: an INNER one was made by an AND filter that already requires the row.
        if (existing != null) return existing;
        String alias = outerQuery != null ? baseAlias.charAt(0) + String.valueOf(joins.size() + 1)
                : joins.containsKey(table) || table.equals(baseAlias) ? "T" + (joins.size() + 2) : table;
        ownJoins();
        joins.put(alias, new Join(alias, table, parentAlias, parentColumn, column, outer));
        joinAliasByPath.put(key, alias);
        lastJoinByPath.put(path, alias);
        return alias;
    }

    // ---- filters ------------------------------------------------------------------------------

    /** Adds {@code AND condition} (or {@code AND NOT condition}); each call gets its own multi-valued joins. */
    public void addFilter(Q q, boolean negate) {
        requireNotCombined("filter");
        filterGeneration++;
        Predicate p = build(q, negate, negate);
        if (negate) p = new WhereNode(Q.Connector.AND, true, List.of(p));
        where = where.and(p);
    }

    private Predicate build(Q q) {
        return build(q, false, false);
    }

    /**
     * Builds the predicate of a condition tree. {@code outer}: rows without a related row must survive
     * (OR, NOT), so joins are LEFT OUTER. A negated lookup across a multi-valued relation becomes
     * {@code pk IN (subquery)} under the NOT, as Django's exclude does.
     */
    private Predicate build(Q q, boolean outer, boolean negated) {
        boolean neg = negated ^ q.negated();
        boolean childOuter = outer || neg || q.connector() == Q.Connector.OR && q.children().size() > 1;
        List<Object> conditions = q.children(); // random access: by index, without two iterators per filter()
        List<Predicate> children = new ArrayList<>(conditions.size());
        for (int i = 0, n = conditions.size(); i < n; i++) {
            Object child = conditions.get(i);
            if (child instanceof Q nested) children.add(build(nested, childOuter, neg));
            else if (child instanceof Expression condition) children.add(new ExpressionPredicate(condition.resolve(this)));
            else children.add(filterLookup((Q.Lookup) child, childOuter, neg));
        }
        return new WhereNode(q.connector(), q.negated(), children);
    }

    private Predicate filterLookup(Q.Lookup lookup, boolean outer, boolean negated) {
        String[] parts = LookupPaths.split(lookup.lookup());
        if (negated && crossesMultiValued(parts)) {
            Query inner = new Query(model, models);
            inner.addFilter(Q.of(lookup.lookup(), lookup.value()), false);
            return new InSubquery(new Col(baseAlias, model.pk()), inner);
        }
        boolean isNull = lookup.value() == null || lookup.lookup().endsWith("__isnull") && Boolean.TRUE.equals(lookup.value());
        boolean wasFiltering = filtering;
        boolean wasInner = filterInner;
        filtering = true;
        filterInner = !outer && !isNull;
        try {
            return lookup(lookup, parts);
        } finally {
            filtering = wasFiltering;
            filterInner = wasInner;
        }
    }

    /** Builds the predicate of one {@code path__lookup=value}. */
    public Predicate lookup(Q.Lookup lookup) {
        return lookup(lookup, LookupPaths.split(lookup.lookup()));
    }

    /** Builds the predicate of one {@code path__lookup=value} whose path was split into {@code parts}. */
    private Predicate lookup(Q.Lookup lookup, String[] parts) {
        if (lookup.value() instanceof Expression e && e.containsAggregate()) {
            throw new FieldError("Cannot filter on the aggregate " + e + " directly (" + lookup.lookup() + "): "
                    + "annotate it first, as annotate(\"name\", " + e + "), then filter on \"name\".");
        }
        Resolved r = resolvePath(parts, true);
        Expression lhs = r.expression;
        int i = r.consumed;
        if (lhs == null) {
            throw new FieldError("Cannot resolve keyword '" + parts[i] + "' into field of " + r.model.label()
                    + ". Choices are: " + String.join(", ", r.model.fieldNames()) + ".");
        }
        String lookupName = "exact";
        for (; i < parts.length; i++) {
            String part = parts[i];
            boolean last = i == parts.length - 1;
            if (Transforms.isTransform(part, lhs.outputField()) && !(last && Lookups.isLookup(part))) {
                lhs = Transforms.apply(part, lhs);
            } else if (last && Lookups.isLookup(part)) {
                lookupName = part;
            } else {
                throw unsupportedLookup(part, lhs.outputField());
            }
        }
        if (lhs.containsOverClause()) {
            throw new io.djorm.core.NotSupportedError("Cannot filter on the window expression " + lhs + " ("
                    + lookup.lookup() + "): SQL evaluates windows after WHERE. Filter the rows in Java, or filter an "
                    + "outer query over Subquery(...).");
        }
        Predicate p = Lookups.build(lhs, lookupName, lookup.value(), this);
        if (r.expression instanceof Col c && c.tableAlias() != null && joins.containsKey(c.tableAlias())
                && joins.get(c.tableAlias()).leftOuter() && !lookupName.equals("isnull")) {
            p = new JoinNullGuard(p, r.expression); // NOT must keep rows whose LEFT JOIN found nothing
        }
        return p;
    }

    private static FieldError unsupportedLookup(String part, FieldMeta field) {
        String kind = field == null ? "this expression" : field.type().internalType();
        List<String> valid = new ArrayList<>(Lookups.ALL);
        if (field != null) {
            for (String t : Transforms.DATE_PARTS) if (Transforms.isTransform(t, field)) valid.add(t);
            if (Transforms.isTransform("date", field)) valid.add("date");
        }
        return new FieldError("Unsupported lookup '" + part + "' for " + kind + (field == null ? "" : " '" + field.name() + "'")
                + " or join on the field not permitted. Valid lookups: " + String.join(", ", valid.stream().sorted().toList()) + ".");
    }

    /** Adds a WHERE predicate built elsewhere. */
    public void addPredicate(Predicate p) {
        where = where.and(p);
    }

    /** The WHERE tree. */
    public WhereNode where() {
        return where;
    }

    // ---- ordering, limits, shape --------------------------------------------------------------

    /** Replaces the ordering; an empty list clears it, including the model's default. */
    public void setOrdering(List<Object> terms) {
        List<OrderBy> out = new ArrayList<>();
        randomOrder = false;
        for (Object term : terms) {
            if (term instanceof OrderBy o) {
                out.add(new OrderBy(o.expression().resolve(this), o.descending(), o.placeNullsFirst()));
            } else if (term instanceof Expression e) {
                out.add(new OrderBy(e.resolve(this), false, null));
            } else if (term instanceof String s) {
                if (s.equals("?")) {
                    randomOrder = true;
                    continue;
                }
                boolean desc = s.startsWith("-");
                String name = desc ? s.substring(1) : s;
                out.add(new OrderBy(orderTarget(name), desc, null));
            } else {
                throw new FieldError("orderBy takes field names (\"-pages\"), \"?\" or expressions, not " + term + ".");
            }
        }
        ordering = out;
    }

    private Expression orderTarget(String name) {
        if (annotations.containsKey(name)) return new AnnotationRef(name, annotations.get(name));
        return field(name);
    }

    /** The effective ordering: explicit, else the model's default. */
    public List<OrderBy> effectiveOrdering() {
        if (ordering != null) return ordering;
        // As Django 3.1+: Meta.ordering would add columns to GROUP BY and split the groups, so it is dropped.
        if (model.ordering().isEmpty() || groupByNames != null) return List.of();
        Query scratch = copy();
        scratch.setOrdering(new ArrayList<>(model.ordering()));
        if (scratch.randomOrder) randomOrder = true;
        joins = scratch.joins;
        joinAliasByPath = scratch.joinAliasByPath;
        lastJoinByPath = scratch.lastJoinByPath;
        owned &= ~OWN_JOINS; // the scratch query's maps: copied again before this query changes them
        return scratch.ordering;
    }

    /** Whether any ordering (explicit or default) applies. */
    public boolean isOrdered() {
        return randomOrder || (ordering != null ? !ordering.isEmpty() : !model.ordering().isEmpty() && groupByNames == null);
    }

    /** Whether the ordering is random. */
    public boolean randomOrder() {
        return randomOrder;
    }

    /** Flips every ordering term; an unordered query orders by descending primary key. */
    public void reverseOrdering() {
        List<OrderBy> current = effectiveOrdering();
        if (current.isEmpty()) {
            ordering = new ArrayList<>(List.of(new OrderBy(new Col(baseAlias, model.pk()), true, null)));
            return;
        }
        ordering = new ArrayList<>(current.stream().map(OrderBy::reversed).toList());
    }

    /** Applies a slice {@code [start, stop)} on top of any existing one. */
    public void slice(long start, Long stop) {
        if (start < 0 || (stop != null && stop < start)) {
            throw new ValueError("Negative indexing is not supported; got [" + start + ", " + stop + ").");
        }
        long newOffset = offset + start;
        Long newLimit;
        if (stop != null) newLimit = stop - start;
        else if (limit != null) newLimit = Math.max(0, limit - start);
        else newLimit = null;
        if (limit != null && newLimit != null) newLimit = Math.min(newLimit, Math.max(0, limit - start));
        offset = newOffset;
        limit = newLimit;
    }

    /** Whether a slice was applied. */
    public boolean isSliced() {
        return limit != null || offset > 0;
    }

    /** The LIMIT, or null. */
    public Long limit() {
        return limit;
    }

    /** The OFFSET. */
    public long offset() {
        return offset;
    }

    /** Removes any slice (for count and exists over a sliced query, which wrap it instead). */
    public void clearSlice() {
        limit = null;
        offset = 0;
    }

    /** Sets SELECT DISTINCT. */
    public void setDistinct(boolean d) {
        distinct = d;
    }

    /** Whether SELECT DISTINCT. */
    public boolean distinct() {
        return distinct;
    }

    /** Marks the query as matching nothing ({@code none()}). */
    public void setEmpty() {
        empty = true;
    }

    /** Whether the query matches nothing without asking the database. */
    public boolean isEmpty() {
        return empty;
    }

    /** Defers loading of fields. */
    public void defer(List<String> names) {
        for (String n : names) {
            FieldMeta f = model.field(n);
            if (!f.primaryKey()) {
                ownDeferred();
                deferred.add(f.name());
            }
        }
    }

    /** Loads only these fields (plus the primary key). */
    public void only(List<String> names) {
        only = new LinkedHashSet<>();
        for (String n : names) only.add(model.field(n).name());
        deferred = java.util.Collections.emptySet();
        owned &= ~OWN_DEFERRED;
    }

    /** The fields a MODELS query loads, primary key first. */
    public List<FieldMeta> loadedFields() {
        List<FieldMeta> out = new ArrayList<>();
        for (FieldMeta f : model.concreteFields()) {
            if (f.primaryKey() || (only == null || only.contains(f.name())) && !deferred.contains(f.name())) out.add(f);
        }
        return out;
    }

    /** Adds annotations (already resolved). */
    public void annotate(Map<String, Expression> more) {
        for (var e : more.entrySet()) {
            Aliases.check("annotation", e.getKey(), false);
            if (mode != Mode.MODELS) {
                // After values(...) only the selected names are taken, as in Django: values("publisher__country")
                // .annotate("pages", Sum("pages")) is fine, values("pages").annotate("pages", ...) is not.
                if (valueNames.contains(e.getKey())) {
                    throw new FieldError("The annotation '" + e.getKey() + "' conflicts with a name already selected by "
                            + "values(); choose another name.");
                }
            } else if (model.findField(e.getKey()) != null) {
                throw new FieldError("The annotation '" + e.getKey() + "' conflicts with a field on " + model.label()
                        + "; choose another name.");
            }
            if (mode == Mode.MODELS && Relations.byQueryName(model, e.getKey()) != null) {
                // Otherwise the name shadows the relation and later paths through it fail obscurely.
                throw new FieldError("The annotation '" + e.getKey() + "' conflicts with a field on " + model.label()
                        + " (the reverse relation '" + e.getKey() + "'); choose another name.");
            }
            Expression resolved = e.getValue().resolve(this);
            ownAnnotations();
            annotations.put(e.getKey(), resolved);
            if (mode != Mode.MODELS) {
                // values("format").annotate(n=Count(...)): the values() names become the groups, and the
                // annotation joins the selected names, as Django.
                if (resolved.containsAggregate() && groupByNames == null) groupByNames = valueNames;
                List<String> names = new ArrayList<>(valueNames);
                names.add(e.getKey());
                valueNames = List.copyOf(names);
            }
        }
    }

    /** The values() names that form the groups of an aggregate annotation, or null (group by every column). */
    public List<String> groupByNames() {
        return groupByNames;
    }

    /** Whether any annotation aggregates, so that the SELECT groups rows. */
    public boolean hasAggregateAnnotation() {
        if (annotations.isEmpty()) return false; // most queries: no annotation, nothing to iterate
        for (Expression e : annotations.values()) if (e.containsAggregate()) return true;
        return false;
    }

    // ---- combined queries (union, intersection, difference) -----------------------------------

    /**
     * The parts of a combined query and how they combine.
     *
     * @param operator {@code UNION}, {@code INTERSECT} or {@code EXCEPT}
     * @param all keep duplicates ({@code UNION ALL})
     * @param parts the combined queries, this query's former self first
     */
    public record Combination(String operator, boolean all, List<Query> parts) {
    }

    /** Turns this query into {@code this <operator> others...}; ordering and slicing then apply to the result. */
    public void combine(String operator, boolean all, List<Query> others) {
        List<Query> parts = new ArrayList<>();
        parts.add(copy());
        for (Query other : others) {
            if (other.selectWidth() != selectWidth()) {
                throw new FieldError(operator + " needs queries that select the same number of columns; "
                        + model.label() + " selects " + selectWidth() + " and " + other.model.label() + " selects "
                        + other.selectWidth() + ". Use values(...) with matching names.");
            }
            parts.add(other.copy());
        }
        combination = new Combination(operator, all, List.copyOf(parts));
        where = WhereNode.empty();
        ordering = new ArrayList<>();
        randomOrder = false;
        limit = null;
        offset = 0;
        distinct = false;
    }

    private int selectWidth() {
        return mode == Mode.MODELS ? loadedFields().size() + annotations.size() : valueNames.size();
    }

    /** The combination, or null for a plain query. */
    public Combination combination() {
        return combination;
    }

    private void requireNotCombined(String what) {
        if (combination != null) {
            throw new io.djorm.core.NotSupportedError("Calling " + what + "() after " + combination.operator().toLowerCase()
                    + "() is not supported; " + what + " each queryset before combining them.");
        }
    }

    /** The annotations, in order. */
    public Map<String, Expression> annotations() {
        return annotations;
    }

    /** Switches to values()/valuesList() with these names (empty: every concrete field). */
    public void setValues(Mode newMode, List<String> names) {
        List<String> list = names.isEmpty() ? defaultValueNames() : List.copyOf(names);
        for (String n : list) field(n).getClass(); // validate eagerly: raises FieldError on a bad name
        mode = newMode;
        valueNames = list;
    }

    private List<String> defaultValueNames() {
        List<String> out = new ArrayList<>();
        for (FieldMeta f : model.concreteFields()) out.add(f.attname());
        out.addAll(annotations.keySet());
        return out;
    }

    /** What rows become. */
    public Mode mode() {
        return mode;
    }

    /** The names selected in VALUES modes. */
    public List<String> valueNames() {
        return valueNames;
    }

    /** The expressions selected in VALUES modes. */
    public List<Expression> valueExpressions() {
        return valueNames.stream().map(n -> annotations.containsKey(n) ? annotations.get(n) : field(n)).toList();
    }

    /** Whether the query joins any table. */
    public boolean hasJoins() {
        return !joins.isEmpty();
    }

    /** The joins, in order. */
    public List<Join> joins() {
        return new ArrayList<>(joins.values());
    }

    /** The joins, in order, as a view for the compiler to read without a copy. */
    java.util.Collection<Join> joinsInOrder() {
        return java.util.Collections.unmodifiableCollection(joins.values());
    }

    /** The one field a subquery selects: the single values() name, else the primary key. */
    public FieldMeta singleColumnField() {
        if (mode != Mode.MODELS && valueNames.size() == 1) return valueExpressions().get(0).outputField();
        return model.pk();
    }

    // ---- relations loaded with the rows ---------------------------------------------------------

    /**
     * A related model loaded in the same SELECT ({@code selectRelated}).
     *
     * @param path the path from the base model ({@code "book__author"})
     * @param alias the joined table's alias
     * @param model the related model
     * @param via the foreign key followed to reach it (for a reverse one-to-one: the one in {@code model})
     * @param parent the index of the selection it hangs off, or -1 for the base model
     * @param reverseAccessor for a reverse one-to-one, its name on the parent; otherwise null
     */
    public record RelatedSelection(String path, String alias, ModelMeta model, FieldMeta via, int parent,
                                   String reverseAccessor) {
        /** Whether it is the other side of a one-to-one that points at its parent (Django: user.profile). */
        public boolean reverse() {
            return reverseAccessor != null;
        }
    }

    /** Adds foreign-key paths to load with the rows; no paths: every non-null foreign key, recursively. */
    public void selectRelated(List<String> paths) {
        List<RelatedSelection> out = new ArrayList<>(relatedSelections);
        List<String> wanted = paths.isEmpty() ? nonNullForeignKeyPaths(model, "", new LinkedHashSet<>()) : paths;
        boolean wasFiltering = filtering;
        boolean wasInner = filterInner;
        filtering = false;
        filterInner = false;
        try {
            for (String path : wanted) addSelection(out, path);
        } finally {
            filtering = wasFiltering;
            filterInner = wasInner;
        }
        relatedSelections = List.copyOf(out);
    }

    private void addSelection(List<RelatedSelection> out, String path) {
        ModelMeta current = model;
        String alias = baseAlias;
        String pathSoFar = "";
        int parent = -1;
        for (String part : LookupPaths.split(path)) {
            FieldMeta f = current.findField(part);
            Relations.Reverse reverse = f == null ? reverseOneToOne(current, part) : null;
            if (reverse == null && (f == null || !f.isRelation() || !f.hasColumn())) {
                List<String> choices = new ArrayList<>(current.fields().stream()
                        .filter(x -> x.isRelation() && x.hasColumn()).map(FieldMeta::name).toList());
                for (Relations.Reverse r : Relations.reverseOf(current)) {
                    if (!r.multiValued() && !r.manyToMany()) choices.add(r.queryName());
                }
                choices.sort(null);
                throw new FieldError("Invalid field name '" + part + "' in selectRelated(\"" + path + "\"): it is not a "
                        + "ForeignKey or OneToOneField of " + current.label() + ", nor the reverse side of a"
                        + " OneToOneField. Choices are: " + (choices.isEmpty() ? "(none)" : String.join(", ", choices))
                        + ". Use prefetchRelated for reverse foreign keys and many-to-many relations.");
            }
            pathSoFar = pathSoFar.isEmpty() ? part : pathSoFar + "__" + part;
            ModelMeta target = reverse != null ? reverse.source() : Relations.target(f);
            int existing = -1;
            for (int i = 0; i < out.size(); i++) if (out.get(i).path().equals(pathSoFar)) existing = i;
            if (existing < 0) {
                if (reverse != null) {
                    // The same join a filter over the reverse one-to-one makes, so the two share it.
                    String toField = reverse.field().relation().toField();
                    String ownColumn = toField.isEmpty() ? current.pk().column() : current.field(toField).column();
                    String joined = join(pathSoFar, false, alias, ownColumn, target.dbTable(), reverse.field().column(), true);
                    out.add(new RelatedSelection(pathSoFar, joined, target, reverse.field(), parent, reverse.accessorName()));
                } else {
                    String targetColumn = f.relation().toField().isEmpty() ? target.pk().column()
                            : target.field(f.relation().toField()).column();
                    String joined = join(pathSoFar, false, alias, f.column(), target.dbTable(), targetColumn, f.nullable());
                    out.add(new RelatedSelection(pathSoFar, joined, target, f, parent, null));
                }
                existing = out.size() - 1;
            }
            parent = existing;
            alias = out.get(existing).alias();
            current = target;
        }
    }

    /** The reverse side of a one-to-one named {@code name} on {@code model}, or null. */
    private static Relations.Reverse reverseOneToOne(ModelMeta model, String name) {
        Relations.Reverse r = Relations.byQueryName(model, name);
        return r != null && !r.multiValued() && !r.manyToMany() ? r : null;
    }

    private static List<String> nonNullForeignKeyPaths(ModelMeta m, String prefix, Set<String> seen) {
        List<String> out = new ArrayList<>();
        if (!seen.add(m.label())) return out; // a cycle of required keys: stop
        for (FieldMeta f : m.concreteFields()) {
            if (!f.isRelation() || f.nullable()) continue;
            String path = prefix.isEmpty() ? f.name() : prefix + "__" + f.name();
            out.add(path);
            out.addAll(nonNullForeignKeyPaths(Relations.target(f), path, seen));
        }
        seen.remove(m.label());
        return out;
    }

    /** The related models loaded with the rows, parents before children. */
    public List<RelatedSelection> relatedSelections() {
        return relatedSelections;
    }

    /** Adds a prefetchRelated lookup. */
    public void addPrefetch(io.djorm.core.Prefetch prefetch) {
        io.djorm.core.internal.PrefetchPaths.check(model, prefetches, prefetch);
        List<io.djorm.core.Prefetch> out = new ArrayList<>(prefetches);
        out.add(prefetch);
        prefetches = List.copyOf(out);
    }

    /** The prefetchRelated lookups, in order. */
    public List<io.djorm.core.Prefetch> prefetches() {
        return prefetches;
    }

    /** A WHERE condition used as a boolean value (CASE WHEN, filtered aggregates). */
    record PredicateExpression(Predicate predicate) implements Expression {
        @Override
        public Expression resolve(io.djorm.core.expressions.Resolver resolver) {
            return this;
        }

        @Override
        public void render(io.djorm.core.expressions.SqlWriter out) {
            SqlBuffer buffer = new SqlBuffer(out.dialect());
            predicate.render(buffer, false);
            buffer.writeTo(out);
        }

        @Override
        public boolean containsAggregate() {
            return predicate.containsAggregate();
        }
    }

    /** A boolean expression used as a WHERE condition ({@code filter(new Exists(...))}). */
    record ExpressionPredicate(Expression expression) implements Predicate {
        @Override
        public void render(SqlBuffer out, boolean negated) {
            expression.render(out);
        }

        @Override
        public boolean containsAggregate() {
            return expression.containsAggregate();
        }
    }

    /** Adds a boolean expression as a condition (or its negation). */
    public void addCondition(Expression condition, boolean negate) {
        requireNotCombined("filter");
        Expression resolved = condition.resolve(this);
        Predicate p = new ExpressionPredicate(resolved);
        if (negate) p = new WhereNode(Q.Connector.AND, true, List.of(p));
        where = where.and(p);
    }

    /**
     * This query as {@link TopKPlanner}s see it, or null when it is not a plain top-k: it needs a
     * limit and an ascending first ordering, and no DISTINCT, grouping, aggregate, combination or
     * random order, which would change which rows come first.
     */
    public TopKPlanner.TopK topK() {
        if (limit == null || empty || distinct || combination != null || groupByNames != null || randomOrder
                || hasAggregateAnnotation()) {
            return null;
        }
        // Only an explicit ordering: the model's default one is of fields, and resolving it adds joins.
        if (ordering == null || ordering.isEmpty() || ordering.get(0).descending()) return null;
        Expression first = ordering.get(0).expression();
        if (first instanceof AnnotationRef ref) first = ref.target();
        List<Expression> conditions = new ArrayList<>();
        for (Predicate p : where.children()) if (p instanceof ExpressionPredicate e) conditions.add(e.expression());
        return new TopKPlanner.TopK(model, baseAlias(), first, limit + offset, conditions);
    }

    /** A reference to an annotation by name in ORDER BY. */
    record AnnotationRef(String name, Expression target) implements Expression {
        @Override
        public Expression resolve(io.djorm.core.expressions.Resolver resolver) {
            return this;
        }

        @Override
        public void render(io.djorm.core.expressions.SqlWriter out) {
            out.identifier(name);
        }

        @Override
        public FieldMeta outputField() {
            return target.outputField();
        }
    }
}
