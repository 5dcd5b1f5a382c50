package io.djorm.core;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A condition tree for filter and exclude (Django: {@code Q}): lookups combined with and, or and not.
 *
 * <pre>{@code
 * Book.objects().filter(Q.of("title__icontains", "java").or(Q.of("pages__gt", 500)).and(Q.not(Q.of("draft", true))));
 * }</pre>
 */
public final class Q {
    /** How a node combines its children. */
    public enum Connector {
        /** All children must hold. */
        AND,
        /** At least one child must hold. */
        OR
    }

    /**
     * One lookup: a path such as {@code "author__name__icontains"} and its value.
     *
     * @param lookup the lookup path
     * @param value the value (a literal, an expression, a model instance, a collection for {@code in})
     */
    public record Lookup(String lookup, Object value) {
    }

    private final Connector connector;
    private final boolean negated;
    private final List<Object> children;

    private Q(Connector connector, boolean negated, List<Object> children) {
        this.connector = connector;
        this.negated = negated;
        this.children = Collections.unmodifiableList(children);
    }

    /** Lookups that must all hold: {@code Q.of("a", 1, "b__gt", 2)}. */
    public static Q of(String lookup, Object value, Object... more) {
        return pairs("Q.of", lookup, value, more);
    }

    /** {@link #of} for a call that takes lookup/value pairs; errors name {@code call}, the method the user called. */
    static Q pairs(String call, String lookup, Object value, Object[] more) {
        if (more.length % 2 != 0) {
            throw new ValueError(call + "() takes lookup/value pairs; the last lookup '" + more[more.length - 1]
                    + "' has no value. Pass a value after it, or drop it.");
        }
        List<Object> list = new ArrayList<>(1 + more.length / 2); // one lookup, most often
        list.add(new Lookup(lookup, value));
        for (int i = 0; i < more.length; i += 2) {
            if (!(more[i] instanceof String name)) {
                throw new ValueError(call + "() takes lookup/value pairs; argument " + (i + 3) + " (" + more[i]
                        + ") stands where a lookup name (a String) belongs.");
            }
            list.add(new Lookup(name, more[i + 1]));
        }
        return new Q(Connector.AND, false, list);
    }

    /**
     * A boolean expression as a condition, to combine with lookups (Django: {@code Q(Exists(...))}):
     * {@code Q.of(new Exists(cheap)).or(Q.of("pages__gt", 700))}.
     */
    public static Q of(io.djorm.core.expressions.Expression condition) {
        if (condition == null) throw new IllegalArgumentException("Q.of(expression) needs an expression, got null.");
        return new Q(Connector.AND, false, List.of(condition));
    }

    /** A Q that matches everything (an empty AND). */
    public static Q all() {
        return new Q(Connector.AND, false, List.of());
    }

    /** The negation of a condition (Django: {@code ~Q(...)}). */
    public static Q not(Q q) {
        return q.negate();
    }

    /** {@code this AND other}. */
    public Q and(Q other) {
        return combine(other, Connector.AND);
    }

    /** {@code this OR other}. */
    public Q or(Q other) {
        return combine(other, Connector.OR);
    }

    /** {@code NOT this}. */
    public Q negate() {
        return new Q(connector, !negated, children);
    }

    private Q combine(Q other, Connector how) {
        if (children.isEmpty() && !negated) return other;
        if (other.children.isEmpty() && !other.negated) return this;
        return new Q(how, false, List.of(this, other));
    }

    /** How children combine. */
    public Connector connector() {
        return connector;
    }

    /** Whether the node is negated. */
    public boolean negated() {
        return negated;
    }

    /** The children: {@link Lookup}s, nested {@link Q}s and boolean expressions. */
    public List<Object> children() {
        return children;
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(negated ? "NOT (" : "(");
        for (int i = 0; i < children.size(); i++) {
            if (i > 0) sb.append(' ').append(connector).append(' ');
            Object c = children.get(i);
            sb.append(c instanceof Lookup l ? l.lookup() + "=" + l.value() : c.toString());
        }
        return sb.append(')').toString();
    }
}
