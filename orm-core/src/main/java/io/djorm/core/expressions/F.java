package io.djorm.core.expressions;

/**
 * A reference to a field of the row (Django: {@code F}), so that the database computes with the
 * stored value: {@code update("pages", F("pages").plus(1))} is one atomic UPDATE.
 */
public final class F implements Expression {
    private final String name;

    private F(String name) {
        this.name = name;
    }

    /** A reference to a field or relation path ({@code "pages"}, {@code "author__name"}) or an annotation. */
    public static F F(String name) {
        return new F(name);
    }

    /** Same as {@link #F(String)}, for code that prefers a lower-case factory. */
    public static F of(String name) {
        return new F(name);
    }

    /** The referenced name. */
    public String name() {
        return name;
    }

    @Override
    public Expression resolve(Resolver resolver) {
        Expression annotation = resolver.annotation(name);
        return annotation != null ? annotation : resolver.field(name);
    }

    @Override
    public void render(SqlWriter out) {
        throw new IllegalStateException("F(\"" + name + "\") must be resolved against a query before rendering");
    }

    @Override
    public String toString() {
        return "F(" + name + ")";
    }
}
