package io.djorm.core.internal.query;

import io.djorm.core.Q;
import java.util.ArrayList;
import java.util.List;

/** A node of a WHERE tree: AND/OR of children, possibly negated. */
public final class WhereNode implements Predicate {
    private final Q.Connector connector;
    private final boolean negated;
    private final List<Predicate> children;

    /** A node with children. */
    public WhereNode(Q.Connector connector, boolean negated, List<Predicate> children) {
        this.connector = connector;
        this.negated = negated;
        this.children = List.copyOf(children);
    }

    /** An empty AND: matches everything. */
    public static WhereNode empty() {
        return EMPTY; // immutable, so every new query can share it
    }

    private static final WhereNode EMPTY = new WhereNode(Q.Connector.AND, false, List.of());

    /** This node AND another predicate. */
    public WhereNode and(Predicate other) {
        if (connector != Q.Connector.AND || negated) return new WhereNode(Q.Connector.AND, false, List.of(this, other));
        Predicate[] all = children.toArray(new Predicate[children.size() + 1]);
        all[children.size()] = other;
        return new WhereNode(Q.Connector.AND, false, List.of(all));
    }

    /** Whether the node has no condition. */
    public boolean isEmpty() {
        return children.isEmpty();
    }

    /** The children. */
    public List<Predicate> children() {
        return children;
    }

    @Override
    public void render(SqlBuffer out, boolean outerNegated) {
        boolean neg = outerNegated ^ negated;
        if (children.isEmpty()) {
            out.sql(negated ? "0 = 1" : "1 = 1");
            return;
        }
        if (negated) out.sql("NOT ");
        if (children.size() > 1 || negated) out.sql("(");
        for (int i = 0; i < children.size(); i++) {
            if (i > 0) out.sql(connector == Q.Connector.AND ? " AND " : " OR ");
            Predicate child = children.get(i);
            boolean wrap = child instanceof WhereNode w && w.children.size() > 1 && !w.negated;
            if (wrap) out.sql("(");
            child.render(out, neg);
            if (wrap) out.sql(")");
        }
        if (children.size() > 1 || negated) out.sql(")");
    }

    @Override
    public boolean containsAggregate() {
        for (Predicate child : children) if (child.containsAggregate()) return true;
        return false;
    }
}
