package io.djorm.core.internal.query;

import io.djorm.core.DataError;
import io.djorm.core.FieldError;
import io.djorm.core.QuerySet;
import io.djorm.core.expressions.Canonical;
import io.djorm.core.expressions.Expression;
import io.djorm.core.expressions.Value;
import io.djorm.core.internal.Shown;
import io.djorm.core.meta.FieldMeta;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Set;

/**
 * Django's lookups ({@code exact}, {@code icontains}, {@code in}, {@code range}, {@code isnull}, ...)
 * and the predicates they build. The SQL of each operator comes from the dialect.
 */
public final class Lookups {
    /** Lookups that compare the whole value. */
    static final Set<String> COMPARISONS = Set.of("exact", "iexact", "gt", "gte", "lt", "lte");
    /** Lookups that search inside text. */
    static final Set<String> TEXT = Set.of("contains", "icontains", "startswith", "istartswith", "endswith",
            "iendswith", "regex", "iregex");
    /** Every lookup name. */
    public static final Set<String> ALL;
    /** {@link #ALL} for membership tests: a hash lookup rather than a walk of the sorted set's string comparisons. */
    private static final Set<String> NAMES;

    static {
        var all = new java.util.TreeSet<String>();
        all.addAll(COMPARISONS);
        all.addAll(TEXT);
        all.addAll(List.of("in", "range", "isnull"));
        ALL = java.util.Collections.unmodifiableSet(all);
        NAMES = Set.copyOf(all);
    }

    private Lookups() {
    }

    /** Whether the name is a lookup. */
    public static boolean isLookup(String name) {
        return NAMES.contains(name);
    }

    /** Builds the predicate {@code lhs <lookup> value}. */
    public static Predicate build(Expression lhs, String lookup, Object value, QueryResolver resolver) {
        FieldMeta field = lhs.outputField();
        switch (lookup) {
            case "isnull" -> {
                if (!(value instanceof Boolean b)) {
                    throw new FieldError("The isnull lookup takes true or false, not " + value + ".");
                }
                return new NullPredicate(lhs, b);
            }
            case "in" -> {
                return in(lhs, value, resolver);
            }
            case "range" -> {
                List<Object> bounds = asList(value);
                if (bounds == null || bounds.size() != 2) {
                    throw new FieldError("The range lookup takes two values (a list or array of [low, high]), not "
                            + value + ".");
                }
                return new RangePredicate(lhs, rhs(field, bounds.get(0), resolver), rhs(field, bounds.get(1), resolver));
            }
            default -> { }
        }
        if (value == null) {
            if (lookup.equals("exact") || lookup.equals("iexact")) return new NullPredicate(lhs, true);
            throw new FieldError("Cannot use None/null as a query value with the '" + lookup
                    + "' lookup; use isnull=true to find NULLs.");
        }
        if ((lookup.equals("regex") || lookup.equals("iregex")) && value instanceof String pattern) {
            checkPattern(field, lookup, pattern);
            if (lookup.equals("iregex")) {
                // Inline flags such as (?i) are not understood by every REGEXP engine; classes are.
                return new OperatorPredicate(lhs, "regex", textRhs(field, CaseInsensitivePattern.of(pattern), resolver));
            }
        }
        Expression rhs = TEXT.contains(lookup) ? textRhs(field, value, resolver) : rhs(field, value, resolver);
        return new OperatorPredicate(lhs, lookup, rhs);
    }

    /**
     * Refuses a pattern that does not compile before any SQL runs: SQLite would fail inside its REGEXP
     * function and a libSQL server silently matches nothing.
     */
    private static void checkPattern(FieldMeta field, String lookup, String pattern) {
        try {
            java.util.regex.Pattern.compile(pattern);
        } catch (java.util.regex.PatternSyntaxException e) {
            String path = (field == null ? "" : field.name() + "__") + lookup;
            throw new DataError("Invalid regular expression " + Shown.text(pattern) + " in " + path + ": "
                    + e.getDescription() + " (near index " + e.getIndex() + "). Fix the pattern, or escape it with"
                    + " Pattern.quote() to match it literally.", e);
        }
    }

    private static Expression rhs(FieldMeta field, Object value, QueryResolver resolver) {
        if (value instanceof Expression e) return e.resolve(resolver);
        if (value instanceof QuerySet<?> qs) return new SubqueryExpression(qs, resolver);
        if (field == null) return Value.of(value);
        return Value.comparedWith(field.type().coerce(value, field), field); // eager: a bad value fails at filter() time
    }

    private static Expression textRhs(FieldMeta field, Object value, QueryResolver resolver) {
        if (value instanceof Expression e) return e.resolve(resolver);
        if (field != null && field.type().isText()) return Value.of(field.type().coerce(value, field), field);
        return Value.of(value instanceof String ? value : String.valueOf(Canonical.of(value)));
    }

    private static Predicate in(Expression lhs, Object value, QueryResolver resolver) {
        if (value instanceof QuerySet<?> qs) {
            return new InPredicate(lhs, List.of(new SubqueryExpression(qs, resolver)), true);
        }
        List<Object> values = asList(value);
        if (values == null) {
            throw new FieldError("The in lookup takes a collection, an array or a queryset, not " + value + ".");
        }
        List<Expression> items = new ArrayList<>();
        for (Object v : values) {
            if (v != null) items.add(rhs(lhs.outputField(), v, resolver)); // Django drops None from IN lists
        }
        return new InPredicate(lhs, items, false);
    }

    @SuppressWarnings("unchecked")
    private static List<Object> asList(Object value) {
        if (value instanceof Collection<?> c) return new ArrayList<>((Collection<Object>) c);
        if (value instanceof Object[] a) return Arrays.asList(a);
        if (value != null && value.getClass().isArray()) {
            int n = java.lang.reflect.Array.getLength(value);
            List<Object> out = new ArrayList<>(n);
            for (int i = 0; i < n; i++) out.add(java.lang.reflect.Array.get(value, i));
            return out;
        }
        return null;
    }

    /**
     * Opens the guard {@code (condition AND lhs IS NOT NULL)} that a negation needs so that NOT keeps rows
     * whose column is NULL, as Django does; returns whether it did, for {@link #closeNullGuard}. Two calls
     * around the condition rather than one taking it as a lambda: a capturing lambda per rendered
     * condition showed in the profile of a filter + count.
     */
    private static boolean openNullGuard(SqlBuffer out, Expression lhs, boolean negated) {
        FieldMeta f = lhs.outputField();
        boolean guard = negated && (f == null || f.nullable());
        if (guard) out.sql("(");
        return guard;
    }

    /** Closes what {@link #openNullGuard} opened. */
    private static void closeNullGuard(SqlBuffer out, Expression lhs, boolean guard) {
        if (!guard) return;
        out.sql(" AND ");
        lhs.render(out);
        out.sql(" IS NOT NULL)");
    }

    /** {@code lhs IS [NOT] NULL}. */
    record NullPredicate(Expression lhs, boolean isNull) implements Predicate {
        @Override
        public void render(SqlBuffer out, boolean negated) {
            lhs.render(out);
            out.sql(isNull ? " IS NULL" : " IS NOT NULL");
        }

        @Override
        public boolean containsAggregate() {
            return lhs.containsAggregate();
        }
    }

    /** A dialect operator with the left and right sides possibly used more than once. */
    record OperatorPredicate(Expression lhs, String lookup, Expression rhs) implements Predicate {
        @Override
        public void render(SqlBuffer out, boolean negated) {
            boolean guard = openNullGuard(out, lhs, negated);
            LookupTemplate template = LookupTemplate.of(out.dialect(), lookup);
            if (template == null) {
                throw new io.djorm.core.NotSupportedError("The " + out.dialect().name() + " backend has no '"
                        + lookup + "' lookup.");
            }
            template.render(out, lhs, rhs);
            closeNullGuard(out, lhs, guard);
        }

        @Override
        public boolean containsAggregate() {
            return lhs.containsAggregate() || rhs.containsAggregate();
        }
    }

    /** {@code lhs IN (...)}; an empty list matches nothing. */
    record InPredicate(Expression lhs, List<Expression> items, boolean subquery) implements Predicate {
        @Override
        public void render(SqlBuffer out, boolean negated) {
            if (items.isEmpty()) {
                out.sql("0 = 1");
                return;
            }
            boolean guard = openNullGuard(out, lhs, negated);
            lhs.render(out);
            if (subquery) {
                out.sql(" IN ");
                items.get(0).render(out); // a subquery renders its own parentheses
            } else {
                out.sql(" IN (");
                for (int i = 0; i < items.size(); i++) {
                    if (i > 0) out.sql(", ");
                    items.get(i).render(out);
                }
                out.sql(")");
            }
            closeNullGuard(out, lhs, guard);
        }

        @Override
        public boolean containsAggregate() {
            return lhs.containsAggregate();
        }
    }

    /** {@code lhs BETWEEN low AND high}. */
    record RangePredicate(Expression lhs, Expression low, Expression high) implements Predicate {
        @Override
        public void render(SqlBuffer out, boolean negated) {
            boolean guard = openNullGuard(out, lhs, negated);
            lhs.render(out);
            out.sql(" BETWEEN ");
            low.render(out);
            out.sql(" AND ");
            high.render(out);
            closeNullGuard(out, lhs, guard);
        }
    }
}
