package io.djorm.core.expressions;

import io.djorm.core.ValueError;
import io.djorm.core.internal.query.SqlTemplate;
import io.djorm.core.meta.FieldMeta;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A database function call (Django: {@code Func}). The SQL comes from the dialect by the function's
 * portable name, so that a backend can map it to what it runs ({@code CONCAT} becomes {@code ||} on
 * SQLite). Arguments given as Strings are field names, as in Django; wrap literal text in
 * {@link Value#of(Object)}.
 */
public abstract class Func implements Expression, Cloneable {
    private final String function;
    private List<Expression> arguments;

    /** A call of {@code function} with these arguments (Strings are field names). */
    protected Func(String function, Object... arguments) {
        this.function = function;
        List<Expression> list = new ArrayList<>();
        for (Object a : arguments) list.add(argument(a));
        this.arguments = List.copyOf(list);
    }

    /** A String is a field reference, an expression itself, anything else a literal. */
    static Expression argument(Object a) {
        return a instanceof String name ? F.of(name) : Value.wrap(a);
    }

    /** The portable function name. */
    public String function() {
        return function;
    }

    /** The arguments (resolved once the function is resolved). */
    public List<Expression> arguments() {
        return arguments;
    }

    @Override
    public Expression resolve(Resolver resolver) {
        List<Expression> resolved = new ArrayList<>(arguments.size());
        for (Expression a : arguments) resolved.add(a.resolve(resolver));
        Func copy = withArguments(resolved);
        copy.outputField(); // a type mismatch fails now, before any SQL exists
        return copy;
    }

    /** A copy with other arguments. */
    protected Func withArguments(List<Expression> newArguments) {
        try {
            Func copy = (Func) clone();
            copy.arguments = List.copyOf(newArguments);
            return copy;
        } catch (CloneNotSupportedException e) {
            throw new AssertionError(e);
        }
    }

    @Override
    public void render(SqlWriter out) {
        SqlTemplate.call(out, function, sqlArguments());
    }

    /** What the dialect receives: the arguments, plus keywords for functions that take them. */
    protected List<?> sqlArguments() {
        return arguments;
    }

    /** By default the arguments' common type; functions with a fixed result type override this. */
    @Override
    public FieldMeta outputField() {
        return OutputFields.common("", this, arguments);
    }

    @Override
    public boolean containsAggregate() {
        return arguments.stream().anyMatch(Expression::containsAggregate);
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + arguments.toString().replace('[', '(').replace(']', ')');
    }

    /** The arguments as a list, for subclasses that take varargs. */
    static Object[] atLeast(int n, String name, Object[] args) {
        if (args.length < n) {
            throw new ValueError(name + " needs at least " + n + " arguments, got " + Arrays.toString(args) + ".");
        }
        return args;
    }
}
