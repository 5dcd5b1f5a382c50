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

    /** A query over every row of a model. */
    public Query(ModelMeta model, ModelResolver models) {
        this.model = model;
        this.models = models;
        this.baseAlias = model.dbTable();
    }

    /** A deep-enough copy: every collection is copied, the immutable parts shared. */
    public Query copy() {
        Query q = new Query(model, models);
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
        String alias = joins.containsKey(target.dbTable()) || target.dbTable().equals(baseAlias)
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
        if (model.ordering().isEmpty()) return List.of();
        Query scratch = copy();
        scratch.setOrdering(new ArrayList<>(model.ordering()));
        if (scratch.randomOrder) randomOrder = true;
        joins = scratch.joins;
        joinAliasByPath = scratch.joinAliasByPath;
        return scratch.ordering;
    }

    /** Whether any ordering (explicit or default) applies. */
    public boolean isOrdered() {
        return randomOrder || (ordering != null ? !ordering.isEmpty() : !model.ordering().isEmpty());
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
            annotations.put(e.getKey(), e.getValue().resolve(this));
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
