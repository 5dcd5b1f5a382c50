package io.djorm.core.expressions;

import io.djorm.core.FieldError;
import java.util.List;

/**
 * A function that only has meaning over a window of rows ({@link RowNumber}, {@link Rank}, ...): it
 * must sit inside a {@link Window}, which gives it its partition and order.
 */
public abstract class WindowFunction extends Func {
    /** A window function call. */
    protected WindowFunction(String function, Object... arguments) {
        super(function, arguments);
    }

    @Override
    public Expression resolve(Resolver resolver) {
        throw new FieldError(this + " is a window function: wrap it in new Window(" + this + ").orderBy(...).");
    }

    /** Resolves the arguments, as a {@link Window} does for its function. */
    Expression resolveInWindow(Resolver resolver) {
        return super.resolve(resolver);
    }

    /**
     * Whether a window frame changes the result: only for functions that read a row of the frame
     * (FirstValue, LastValue, NthValue). Ranking functions, Lag and Lead ignore frames in SQL, so their
     * frame is not written (and needs no frame support from the database).
     */
    boolean usesFrame() {
        return false;
    }

    /** Writes {@code function OVER (...)}; functions with a portable rewrite override this. */
    void renderOver(SqlWriter out, List<Expression> partitionBy, List<OrderBy> orderBy) {
        render(out);
        out.sql(" ");
        Window.renderOverClause(out, partitionBy, orderBy);
    }
}
