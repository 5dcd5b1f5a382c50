package io.djorm.core.internal.query;

import io.djorm.core.FieldError;
import io.djorm.core.Q;
import io.djorm.core.expressions.Col;
import io.djorm.core.expressions.Expression;
import io.djorm.core.expressions.OrderBy;
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
    private LinkedHashMap<String, Join> joins = new LinkedHashMap<>();
    private LinkedHashMap<String, String> joinAliasByPath = new LinkedHashMap<>();
    private WhereNode where = WhereNode.empty();
    private List<OrderBy> ordering;
    private boolean randomOrder;
    private Long limit;
    private long offset;
    private boolean distinct;
    private Set<String> deferred = new LinkedHashSet<>();
    private Set<String> only;
    private LinkedHashMap<String, Expression> annotations = new LinkedHashMap<>();
    private Mode mode = Mode.MODELS;
    private List<String> valueNames = List.of();
    private boolean empty;
    /** Every change made through {@link #apply}, in order, so that the query can be rebuilt as a subquery. */
    private List<java.util.function.Consumer<Query>> history = new ArrayList<>();
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
    }

    /** A deep-enough copy: every collection is copied, the immutable parts shared. */
    public Query copy() {
        Query q = new Query(model, models, baseAlias, outerQuery);
        q.history = new ArrayList<>(history);
        q.groupByNames = groupByNames;
        q.combination = combination;
        q.joins = new LinkedHashMap<>(joins);
        q.joinAliasByPath = new LinkedHashMap<>(joinAliasByPath);
        q.where = where;
        q.ordering = ordering == null ? null : new ArrayList<>(ordering);
        q.randomOrder = randomOrder;
        q.limit = limit;
        q.offset = offset;
        q.distinct = distinct;
        q.deferred = new LinkedHashSet<>(deferred);
        q.only = only == null ? null : new LinkedHashSet<>(only);
        q.annotations = new LinkedHashMap<>(annotations);
        q.mode = mode;
        q.valueNames = valueNames;
        q.empty = empty;
        return q;
    }

    /** Applies a change and remembers it, so that {@link #asSubquery} can build the query again. */
    public void apply(java.util.function.Consumer<Query> change) {
        change.accept(this);
        history.add(change);
    }

    /**
     * This query rebuilt as a subquery of {@code outerQuery}: the same changes replayed on a query whose
     * tables have their own aliases ({@code U0}, {@code U1}, ...; {@code V0} one level deeper), so that
     * it may read the outer query's table, and whose {@code OuterRef}s bind to {@code outerQuery}.
     */
    public Query asSubquery(io.djorm.core.expressions.Resolver outerQuery) {
        char letter = outerQuery instanceof Query o && o.outerQuery != null ? (char) (o.baseAlias.charAt(0) + 1) : 'U';
        Query q = new Query(model, models, letter + "0", outerQuery);
        for (var change : history) q.apply(change);
        return q;
    }

    @Override
    public io.djorm.core.expressions.Resolver outer() {
        return outerQuery;
    }

    @Override
    public Expression condition(Q condition) {
        return new PredicateExpression(build(condition));
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
        Resolved r = resolvePath(path.split("__", -1), false);
        if (r.consumed < r.parts.length) {
            throw new FieldError("Cannot resolve keyword '" + r.parts[r.consumed] + "' into field of "
                    + r.model.label() + ". Choices are: " + String.join(", ", r.model.fieldNames()) + ".");
        }
        return r.expression;
    }

    /** The outcome of walking a path: the expression of the longest field prefix, and what is left. */
    private record Resolved(Expression expression, ModelMeta model, String[] parts, int consumed) {
    }

    private Resolved resolvePath(String[] parts, boolean allowTrailing) {
        ModelMeta current = model;
        String alias = baseAlias;
        String pathSoFar = "";
        for (int i = 0; i < parts.length; i++) {
            String part = parts[i];
            if (i == 0 && annotations.containsKey(part)) {
                return new Resolved(annotations.get(part), current, parts, 1);
            }
            FieldMeta f = part.equals("pk") ? current.pk() : current.findField(part);
            if (f == null) {
                if (i == 0) current.field(part); // raises FieldError with the choices
                return new Resolved(null, current, parts, i);
            }
            boolean more = i + 1 < parts.length;
            if (f.isRelation() && f.relation().kind() != Relation.Kind.MANY_TO_MANY && more) {
                ModelMeta target = models.resolve(f.relation().target());
                String next = parts[i + 1];
                FieldMeta nextField = next.equals("pk") ? target.pk() : target.findField(next);
                if (nextField != null) {
                    boolean last = i + 2 == parts.length || !isFieldOf(target, nextField, parts, i + 2);
                    if (nextField.primaryKey() && last && f.relation().toField().isEmpty()) {
                        // author__id reads author_id: no join needed.
                        return new Resolved(new Col(alias, f), current, parts, i + 2);
                    }
                    pathSoFar = pathSoFar.isEmpty() ? part : pathSoFar + "__" + part;
                    alias = join(pathSoFar, alias, f, target);
                    current = target;
                    continue;
                }
            }
            if (f.relation() != null && f.relation().kind() == Relation.Kind.MANY_TO_MANY) {
                throw new FieldError("Filtering across the many-to-many field '" + f.name() + "' of "
                        + current.label() + " needs relation support for many-to-many joins.");
            }
            return new Resolved(new Col(alias, f), current, parts, i + 1);
        }
        throw new FieldError("Empty field path.");
    }

    private static boolean isFieldOf(ModelMeta target, FieldMeta f, String[] parts, int from) {
        return from < parts.length && f.isRelation();
    }

    private String join(String path, String parentAlias, FieldMeta via, ModelMeta target) {
        String existing = joinAliasByPath.get(path);
        if (existing != null) return existing;
        boolean parentOuter = joins.containsKey(parentAlias) && joins.get(parentAlias).leftOuter();
        String alias = outerQuery != null ? baseAlias.charAt(0) + String.valueOf(joins.size() + 1)
                : joins.containsKey(target.dbTable()) || target.dbTable().equals(baseAlias)
                ? "T" + (joins.size() + 2) : target.dbTable();
        String targetColumn = via.relation().toField().isEmpty() ? target.pk().column()
                : target.field(via.relation().toField()).column();
        joins.put(alias, new Join(alias, target.dbTable(), parentAlias, via.column(), targetColumn,
                parentOuter || via.nullable()));
        joinAliasByPath.put(path, alias);
        return alias;
    }

    // ---- filters ------------------------------------------------------------------------------

    /** Adds {@code AND condition} (or {@code AND NOT condition}). */
    public void addFilter(Q q, boolean negate) {
        requireNotCombined("filter");
        Predicate p = build(q);
        if (negate) p = new WhereNode(Q.Connector.AND, true, List.of(p));
        where = where.and(p);
    }

    private Predicate build(Q q) {
        List<Predicate> children = new ArrayList<>();
        for (Object child : q.children()) {
            if (child instanceof Q nested) children.add(build(nested));
            else children.add(lookup((Q.Lookup) child));
        }
        return new WhereNode(q.connector(), q.negated(), children);
    }

    /** Builds the predicate of one {@code path__lookup=value}. */
    public Predicate lookup(Q.Lookup lookup) {
        if (lookup.value() instanceof Expression e && e.containsAggregate()) {
            throw new FieldError("Cannot filter on the aggregate " + e + " directly (" + lookup.lookup() + "): "
                    + "annotate it first, as annotate(\"name\", " + e + "), then filter on \"name\".");
        }
        String[] parts = lookup.lookup().split("__", -1);
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
        return Lookups.build(lhs, lookupName, lookup.value(), this);
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
            throw new IllegalArgumentException("Negative indexing is not supported; got [" + start + ", " + stop + ").");
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
            if (!f.primaryKey()) deferred.add(f.name());
        }
    }

    /** Loads only these fields (plus the primary key). */
    public void only(List<String> names) {
        only = new LinkedHashSet<>();
        for (String n : names) only.add(model.field(n).name());
        deferred.clear();
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
            if (model.findField(e.getKey()) != null) {
                throw new FieldError("The annotation '" + e.getKey() + "' conflicts with a field on " + model.label()
                        + "; choose another name.");
            }
            Expression resolved = e.getValue().resolve(this);
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
        return annotations.values().stream().anyMatch(Expression::containsAggregate);
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

    /** The joins, in order. */
    public List<Join> joins() {
        return new ArrayList<>(joins.values());
    }

    /** The one field a subquery selects: the single values() name, else the primary key. */
    public FieldMeta singleColumnField() {
        if (mode != Mode.MODELS && valueNames.size() == 1) return valueExpressions().get(0).outputField();
        return model.pk();
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
