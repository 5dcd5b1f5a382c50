package io.djorm.core.expressions;

import io.djorm.core.FieldError;

/**
 * A field of the enclosing query, used inside a {@link Subquery}, {@link Exists} or {@code __in}
 * queryset (Django: {@code OuterRef}): {@code Book.objects().filter("format", OuterRef.of("format"))}.
 * Used in a query that runs on its own, it raises FieldError before any SQL is sent.
 */
public final class OuterRef implements Expression {
    private final String name;

    private OuterRef(String name) {
        this.name = name;
    }

    /** A reference to the outer query's field or annotation {@code name}. */
    public static OuterRef of(String name) {
        return new OuterRef(name);
    }

    /** The referenced name. */
    public String name() {
        return name;
    }

    @Override
    public Expression resolve(Resolver resolver) {
        Resolver outer = resolver.outer();
        // Built on a plain queryset, the reference waits: the queryset becomes a subquery later, and is
        // rebuilt then with its outer query known.
        return outer == null ? new Unbound(name) : outer.field(name);
    }

    @Override
    public void render(SqlWriter out) {
        throw new IllegalStateException(this + " must be resolved against a query before rendering");
    }

    @Override
    public String toString() {
        return "OuterRef(" + name + ")";
    }

    /** An OuterRef in a query that has no outer query (yet). */
    private record Unbound(String name) implements Expression {
        @Override
        public Expression resolve(Resolver resolver) {
            return this;
        }

        @Override
        public void render(SqlWriter out) {
            throw new FieldError("OuterRef(\"" + name + "\") refers to an outer query, but this queryset runs on its "
                    + "own. Use the queryset inside Subquery(...), Exists(...) or an __in filter of another queryset.");
        }
    }
}
